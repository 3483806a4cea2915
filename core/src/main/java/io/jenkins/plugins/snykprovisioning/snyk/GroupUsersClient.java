package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.ArrayList;
import java.util.List;

/**
 * V1 {@code GET /group/{groupId}/members}: the people of a group, all in one answer. Snyk's API
 * Blueprint says a service account is listed with a null email (its user docs say service accounts
 * are not listed at all); either way, a user listed here with an email is a person. Snyk limits this
 * call to about one a minute, so a run makes it once.
 */
public final class GroupUsersClient {

    /** A user of the group as V1 lists it; {@code email} is null for a service account. */
    public record GroupUser(String id, String email, String name, String username, String groupRole) {
    }

    private final SnykCalls calls;

    GroupUsersClient(SnykCalls calls) {
        this.calls = calls;
    }

    public List<GroupUser> list(String groupId) throws TransportException, SnykApiException {
        JsonNode json = calls.read(calls.v1("/group/" + SnykCalls.id("group", groupId) + "/members"));
        List<GroupUser> users = new ArrayList<>();
        for (JsonNode item : json) {
            String id = SnykJson.text(item, "id");
            if (id != null) {
                users.add(new GroupUser(id, SnykJson.text(item, "email"), SnykJson.text(item, "name"),
                        SnykJson.text(item, "username"), SnykJson.text(item, "groupRole")));
            }
        }
        return users;
    }
}
