package io.jenkins.plugins.snykprovisioning.snyk;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.ArrayList;
import java.util.List;

/** REST {@code GET /groups/{group_id}/orgs}: the orgs of a group, for work on all of them. */
public final class GroupOrgsClient {

    /** An org of the group. */
    public record GroupOrg(String id, String name) {
    }

    private final SnykCalls calls;

    GroupOrgsClient(SnykCalls calls) {
        this.calls = calls;
    }

    /** Every org of the group, 100 a page. */
    public List<GroupOrg> list(String groupId) throws TransportException, SnykApiException {
        List<GroupOrg> orgs = new ArrayList<>();
        calls.forEachItem(calls.rest("/groups/" + SnykCalls.id("group", groupId) + "/orgs", "&limit=" + SnykCalls.PAGE_LIMIT),
                Integer.MAX_VALUE, item -> {
                    String id = SnykJson.text(item, "id");
                    if (id != null) {
                        orgs.add(new GroupOrg(id, SnykJson.text(item.path("attributes"), "name")));
                    }
                });
        return orgs;
    }
}
