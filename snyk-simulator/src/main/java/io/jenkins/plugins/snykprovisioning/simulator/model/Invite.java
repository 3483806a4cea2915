package io.jenkins.plugins.snykprovisioning.simulator.model;

/** A pending invitation to an org by email, with the public id of the role it offers. */
public record Invite(String id, String email, String rolePublicId, String created) {
}
