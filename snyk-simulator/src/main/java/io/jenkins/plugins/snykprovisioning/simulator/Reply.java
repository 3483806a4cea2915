package io.jenkins.plugins.snykprovisioning.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer before it is sent. A null {@code contentType} means "the JSON type of the API family",
 * filled in by {@link ApiFamily#finish}.
 */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

    static Reply json(int status, Object body) {
        return new Reply(status, null, Json.write(body), Map.of());
    }

    static Reply empty(int status) {
        return new Reply(status, null, "", Map.of());
    }

    boolean hasBody() {
        return !body.isEmpty();
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }

    Reply withContentType(String type) {
        return new Reply(status, type, body, headers);
    }

    /** The same answer with its body cut in half: a JSON object or array cut short never parses. */
    Reply truncated() {
        return new Reply(status, contentType, body.substring(0, body.length() / 2), headers);
    }
}
