package io.jenkins.plugins.snykprovisioning.simulator.model;

/** A user's membership of an org with one role, identified by {@code id} in the REST API. */
public record OrgMembership(String id, String userId, String rolePublicId, String created) {

    public OrgMembership withRole(String newRolePublicId) {
        return new OrgMembership(id, userId, newRolePublicId, created);
    }
}
