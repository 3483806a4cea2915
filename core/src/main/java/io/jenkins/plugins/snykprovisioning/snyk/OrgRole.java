package io.jenkins.plugins.snykprovisioning.snyk;

/** An org-level role of a group: a default one ({@code customRole} false) or a custom one. */
public record OrgRole(String publicId, String name, String description, boolean customRole) {
}
