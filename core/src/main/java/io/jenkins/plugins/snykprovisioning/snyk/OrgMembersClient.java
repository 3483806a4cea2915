package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.http.ApiRequest;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.ArrayList;
import java.util.List;

/** V1 org members: the list and the role-update call of Snyk's role migration procedure. */
public final class OrgMembersClient {

    private final SnykEndpoint endpoint;

    OrgMembersClient(SnykEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Members of the org; service accounts are never listed by Snyk. */
    public List<OrgMember> list(String orgId, boolean includeGroupAdmins) throws TransportException, SnykApiException {
        String path = "/org/" + SnykEndpoint.segment(orgId) + "/members" + (includeGroupAdmins ? "?includeGroupAdmins=true" : "");
        JsonNode json = endpoint.read(endpoint.v1(path));
        List<OrgMember> members = new ArrayList<>();
        for (JsonNode item : json) {
            String id = SnykJson.text(item, "id");
            if (id != null) {
                members.add(new OrgMember(id, SnykJson.text(item, "name"), SnykJson.text(item, "username"),
                        SnykJson.text(item, "email"), SnykJson.text(item, "role")));
            }
        }
        return members;
    }

    public void updateRole(String orgId, String userId, String rolePublicId) throws TransportException, SnykApiException {
        String body = SnykJson.MAPPER.createObjectNode().put("rolePublicId", rolePublicId).toString();
        SnykEndpoint.Answer answer = endpoint.call(ApiRequest.write("PUT",
                endpoint.v1("/org/" + SnykEndpoint.segment(orgId) + "/members/update/" + SnykEndpoint.segment(userId)),
                body, ApiRequest.JSON));
        if (!answer.successful()) {
            throw answer.error();
        }
    }
}
