package io.jenkins.plugins.snykprovisioning.snyk;

import io.jenkins.plugins.snykprovisioning.http.ApiRequest;
import io.jenkins.plugins.snykprovisioning.http.TransportException;

/**
 * V1 {@code PUT /org/{orgId}/members/update/{userId}}: the role-update call of Snyk's role
 * migration procedure. (Its list of members leaves out Org Admins and service accounts, so who is
 * a member is read from the REST org memberships instead.)
 */
public final class OrgMembersClient {

    private final SnykCalls calls;

    OrgMembersClient(SnykCalls calls) {
        this.calls = calls;
    }

    /** Sets the member's role; a refusal, 410 Gone included, is the API's error. */
    public void updateRole(String orgId, String userId, String rolePublicId) throws TransportException, SnykApiException {
        String body = SnykJson.MAPPER.createObjectNode().put("rolePublicId", SnykIds.require("role", rolePublicId)).toString();
        SnykCalls.Answer answer = calls.call(ApiRequest.write("PUT",
                calls.v1("/org/" + SnykCalls.id("org", orgId) + "/members/update/" + SnykCalls.id("user", userId)),
                body, ApiRequest.JSON));
        if (!answer.successful()) {
            throw answer.error();
        }
    }
}
