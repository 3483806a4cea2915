package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;

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
}
