package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.http.TransportException;

/** REST {@code GET /self}: a cheap check that a token works, and whose it is. */
public final class SelfClient {

    private final SnykCalls calls;

    SelfClient(SnykCalls calls) {
        this.calls = calls;
    }

    public TokenOwner get() throws TransportException, SnykApiException {
        JsonNode data = calls.read(calls.rest("/self", "")).path("data");
        JsonNode attributes = data.path("attributes");
        return new TokenOwner(SnykJson.text(data, "id"), SnykJson.text(data, "type"), SnykJson.text(attributes, "name"),
                SnykJson.text(attributes, "username"), SnykJson.text(attributes, "email"));
    }
}
