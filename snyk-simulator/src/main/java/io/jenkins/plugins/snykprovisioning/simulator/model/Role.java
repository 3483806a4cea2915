package io.jenkins.plugins.snykprovisioning.simulator.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An org-level role of a group, as {@code GET /v1/group/{groupId}/roles} lists it. */
public record Role(String publicId, String name, String description, String created, String modified,
        boolean customRole) {

    public static final String ORG_ADMIN = "Org Admin";
    public static final String ORG_COLLABORATOR = "Org Collaborator";
    public static final String ORG_RESTRICTED_COLLABORATOR = "Org Restricted Collaborator";

    @JsonIgnore
    public boolean isAdminDefaultRole() {
        return !customRole && ORG_ADMIN.equals(name);
    }
}
