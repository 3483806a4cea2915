package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** The one JSON mapper of the client: tree model only, no polymorphic typing. */
public final class SnykJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads a whole body: anything after the JSON value means the body is garbled. */
    static final ObjectReader WHOLE_BODY = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SnykJson() {
    }

    /** A string field, or null when absent, null, blank or not a scalar. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
