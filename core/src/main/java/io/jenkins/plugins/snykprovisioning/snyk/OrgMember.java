package io.jenkins.plugins.snykprovisioning.snyk;

/** A member as the V1 members list shows it; {@code role} is the role's name. */
public record OrgMember(String id, String name, String username, String email, String role) {
}
