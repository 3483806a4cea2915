package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.GroupMember;
import io.jenkins.plugins.snykprovisioning.simulator.model.OrgMembership;

/**
 * Who may touch what: a token reaches an org when its user is a member of the org or an explicit
 * member of the org's group, and a group when its user is an explicit member or a member of one of
 * the group's orgs. Unknown → 404, known but out of reach → 403. Callers hold the state lock.
 */
final class Access {

    private Access() {
    }

    static OrgState org(SimulatorState state, ApiToken token, String orgId) {
        OrgState org = state.orgState(orgId);
        if (org == null) {
            throw ApiError.notFound("Org " + orgId + " was not found");
        }
        String userId = token.userId();
        if (!org.membersByUserId.containsKey(userId) && !org.group.membersByUserId.containsKey(userId)) {
            throw ApiError.forbidden("The API token has no access to org " + orgId);
        }
        return org;
    }

    static GroupState group(SimulatorState state, ApiToken token, String groupId) {
        GroupState group = state.groupState(groupId);
        if (group == null) {
            throw ApiError.notFound("Group " + groupId + " was not found");
        }
        String userId = token.userId();
        boolean reachable = group.membersByUserId.containsKey(userId)
                || group.orgs.stream().anyMatch(org -> org.membersByUserId.containsKey(userId));
        if (!reachable) {
            throw ApiError.forbidden("The API token has no access to group " + groupId);
        }
        return group;
    }

    /**
     * Writes to an org's members and invitations need the {@code org.membership.*} or
     * {@code org.user.*} permissions, which Snyk gives Org Admins and Group Admins, not
     * collaborators: anyone else gets 403.
     */
    static void requireOrgAdmin(ApiToken token, OrgState org, String permission) {
        OrgMembership membership = org.membersByUserId.get(token.userId());
        boolean orgAdmin = membership != null && org.group.rolesById.get(membership.rolePublicId()).isAdminDefaultRole();
        if (!orgAdmin && !isGroupAdmin(token.userId(), org.group)) {
            throw ApiError.forbidden("The API token's user may not do this in org " + org.id + ": it needs the " + permission
                    + " permission of an Org Admin");
        }
    }

    /** Writes to a group's memberships need the {@code group.membership.*} permissions of a Group Admin. */
    static void requireGroupAdmin(ApiToken token, GroupState group, String permission) {
        if (!isGroupAdmin(token.userId(), group)) {
            throw ApiError.forbidden("The API token's user may not do this in group " + group.id + ": it needs the "
                    + permission + " permission of a Group Admin");
        }
    }

    static boolean isGroupAdmin(String userId, GroupState group) {
        GroupMember member = group.membersByUserId.get(userId);
        return member != null && SimulatorState.GROUP_ADMIN_ROLE.equalsIgnoreCase(member.roleName());
    }
}
