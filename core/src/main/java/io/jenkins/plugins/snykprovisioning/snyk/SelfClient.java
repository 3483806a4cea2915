package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.http.TransportException;

/** REST {@code GET /self}: a cheap check that a token works, and whose it is. */
public final class SelfClient {

    /** The token's user. */
    public record Self(String id, String name, String username, String email) {
    }

    private final SnykEndpoint endpoint;

    SelfClient(SnykEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public Self get() throws TransportException, SnykApiException {
        JsonNode data = endpoint.read(endpoint.rest("/self", "")).path("data");
        JsonNode attributes = data.path("attributes");
        return new Self(SnykJson.text(data, "id"), SnykJson.text(attributes, "name"),
                SnykJson.text(attributes, "username"), SnykJson.text(attributes, "email"));
    }
}
