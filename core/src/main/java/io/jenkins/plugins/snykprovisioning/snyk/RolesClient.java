package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /v1/group/{groupId}/roles}: the org roles a group offers. */
public final class RolesClient {

    private final SnykCalls calls;

    RolesClient(SnykCalls calls) {
        this.calls = calls;
    }

    public List<OrgRole> list(String groupId) throws TransportException, SnykApiException {
        JsonNode json = calls.read(calls.v1("/group/" + SnykCalls.id("group", groupId) + "/roles"));
        List<OrgRole> roles = new ArrayList<>();
        for (JsonNode role : json) {
            String publicId = SnykJson.text(role, "publicId");
            if (publicId != null) {
                roles.add(new OrgRole(publicId, SnykJson.text(role, "name"), SnykJson.text(role, "description"),
                        role.path("customRole").asBoolean(false)));
            }
        }
        return roles;
    }
}
