package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;

/** A REST org or group membership: who holds which role. */
public record Membership(String id, String userId, String email, String roleId, String roleName) {

    /** Reads a JSON:API membership resource (the item itself, not its envelope). */
    static Membership fromResource(JsonNode resource) {
        JsonNode relationships = resource.path("relationships");
        JsonNode user = relationships.path("user").path("data");
        JsonNode role = relationships.path("role").path("data");
        return new Membership(SnykJson.text(resource, "id"), SnykJson.text(user, "id"),
                SnykJson.text(user.path("attributes"), "email"), SnykJson.text(role, "id"),
                SnykJson.text(role.path("attributes"), "name"));
    }
}
