package io.jenkins.plugins.snykprovisioning.simulator.model;

/**
 * A provisioned email waiting for its first SSO login. {@code role} is the role's name, as the
 * V1 provisioning answer carries it next to {@code rolePublicId}.
 */
public record PendingProvision(String email, String role, String rolePublicId, String created) {
}
