package io.jenkins.plugins.snykprovisioning.simulator.model;

/** An explicit member of a group with a group role name such as "Group Admin". */
public record GroupMember(String membershipId, String userId, String roleName, String created) {
}
