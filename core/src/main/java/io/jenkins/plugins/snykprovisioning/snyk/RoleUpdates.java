package io.jenkins.plugins.snykprovisioning.snyk;

import io.jenkins.plugins.snykprovisioning.http.TransportException;

/**
 * Changing an org member's role: Snyk's documented V1 call first; when V1 answers 410 Gone (an
 * end-of-life brownout), the REST {@code PATCH /orgs/{org_id}/memberships/{membership_id}} the
 * spec documents.
 */
public final class RoleUpdates {

    private final OrgMembersClient v1;
    private final OrgMembershipsClient rest;

    RoleUpdates(OrgMembersClient v1, OrgMembershipsClient rest) {
        this.v1 = v1;
        this.rest = rest;
    }

    /**
     * @param membershipId the member's REST membership id, for the fallback; null when unknown
     *     (a member given by user id only), and then a 410 fails the change
     */
    public void change(String orgId, String userId, String membershipId, String rolePublicId)
            throws TransportException, SnykApiException {
        try {
            v1.updateRole(orgId, userId, rolePublicId);
            return;
        } catch (SnykApiException e) {
            if (e.status() != ProvisionClient.GONE) {
                throw e;
            }
            if (membershipId == null) {
                throw new SnykApiException(e.status(), "Snyk answered 410 Gone to the V1 role update, and the user's org "
                        + "membership was not found to change it through REST instead", "gone", e.code(), e.requestId());
            }
        }
        rest.updateRole(orgId, membershipId, rolePublicId);
    }
}
