package io.jenkins.plugins.snykprovisioning.plan;

import io.jenkins.plugins.snykprovisioning.snyk.OrgRole;

/**
 * One change a plan makes, with what it expects to find: the user's current role in the org (or
 * none), which is checked again before the change is applied.
 *
 * @param id the action's number in the plan, from 1
 * @param userId the Snyk user, when known (members; users of the group to add)
 * @param membershipId the org membership to remove or re-role, for members
 * @param currentRole the role the user holds now (a member's, or a pending provision's), null when none
 * @param role the role the action gives, by name where known; null for removals
 * @param rolePublicId that role's public id; null for removals
 * @param line the user file's line asking for it, 0 for a member the file leaves out
 */
public record PlanAction(int id, Action kind, String orgId, String email, String userId, String membershipId,
        String currentRole, String role, String rolePublicId, int line) {

    /** The name of Snyk's Org Admin role, which the admin limit counts. */
    public static final String ORG_ADMIN = "Org Admin";

    /** True when {@code role} (a name) is Org Admin, in any case and spacing. */
    public static boolean isAdmin(String role) {
        return role != null && OrgRole.comparableName(role).equals(OrgRole.comparableName(ORG_ADMIN));
    }

    /** The user loses Org Admin: removed, or given another role. */
    boolean takesAdmin() {
        return isAdmin(currentRole) && (kind == Action.REMOVE_MEMBER || (kind == Action.CHANGE_ROLE && !isAdmin(role)));
    }

    /** The user becomes an Org Admin member. */
    boolean givesAdmin() {
        return isAdmin(role) && !isAdmin(currentRole) && (kind == Action.CHANGE_ROLE || kind == Action.ADD_MEMBERSHIP);
    }
}
