package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /v1/group/{groupId}/roles}: the org roles a group offers. */
public final class RolesClient {

    private final SnykEndpoint endpoint;

    RolesClient(SnykEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public List<Role> list(String groupId) throws TransportException, SnykApiException {
        JsonNode json = endpoint.read(endpoint.v1("/group/" + SnykEndpoint.id("group", groupId) + "/roles"));
        List<Role> roles = new ArrayList<>();
        for (JsonNode role : json) {
            String publicId = SnykJson.text(role, "publicId");
            if (publicId != null) {
                roles.add(new Role(publicId, SnykJson.text(role, "name"), SnykJson.text(role, "description"),
                        role.path("customRole").asBoolean(false)));
            }
        }
        return roles;
    }
}
