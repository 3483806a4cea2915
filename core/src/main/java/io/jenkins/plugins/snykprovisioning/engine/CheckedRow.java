package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.input.EmailAddress;
import io.jenkins.plugins.snykprovisioning.input.UserRow;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.SnykIds;

/**
 * A row with the run's defaults applied and checked on its own.
 *
 * @param problem why the row cannot be sent, or null
 */
record CheckedRow(int line, String email, String orgId, String role, String userId, String problem) {

    static CheckedRow of(UserRow row, ProvisioningRequest request) {
        // Offboarding takes users away: no role; with all orgs, a row without an org_id means every org,
        // not the default one.
        boolean leaving = request.mode() == Mode.OFFBOARD;
        boolean orgNeeded = !(leaving && request.sync().allOrgs());
        String org = row.orgId() != null || !orgNeeded ? row.orgId() : request.defaultOrgId();
        String role = row.role() != null ? row.role() : request.defaultRole();
        String userId = request.mode() == Mode.UPDATE_ROLES ? row.userId() : null;
        return new CheckedRow(row.line(), row.email(), org, leaving ? null : role, userId,
                problemOf(row, org, role, userId, orgNeeded, !leaving));
    }

    private static String problemOf(UserRow row, String org, String role, String userId, boolean orgNeeded, boolean roleNeeded) {
        if (row.problem() != null) {
            return row.problem();
        }
        if (row.email() == null) {
            return "the email is empty";
        }
        if (!EmailAddress.isValid(row.email())) {
            return "'" + row.email() + "' is not a valid email address";
        }
        if (org == null) {
            return orgNeeded ? "no org: give an org_id column or a default org id" : null;
        }
        if (SnykIds.problem("org", org) != null) {
            return SnykIds.problem("org", org);
        }
        if (userId != null && SnykIds.problem("user", userId) != null) {
            return SnykIds.problem("user", userId);
        }
        if (role == null && roleNeeded) {
            return "no role: give a role_public_id (or role) column or a default role";
        }
        return null;
    }

    String key() {
        return UserOutcome.key(email, orgId);
    }

    UserOutcome.Subject subject() {
        return new UserOutcome.Subject(email, orgId, line, role, userId);
    }
}
