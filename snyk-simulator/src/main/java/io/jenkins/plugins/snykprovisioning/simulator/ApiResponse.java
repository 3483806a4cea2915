package io.jenkins.plugins.snykprovisioning.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer before it is sent. A null {@code contentType} means "the JSON type of the API family",
 * filled in by {@link ApiFamily#finish}.
 */
record ApiResponse(int status, String contentType, String body, Map<String, String> headers) {

    static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, null, Json.write(body), Map.of());
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, null, "", Map.of());
    }

    boolean hasBody() {
        return !body.isEmpty();
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, body, more);
    }

    ApiResponse withContentType(String type) {
        return new ApiResponse(status, type, body, headers);
    }

    /** The same answer with its body cut in half: a JSON object or array cut short never parses. */
    ApiResponse truncated() {
        return new ApiResponse(status, contentType, body.substring(0, body.length() / 2), headers);
    }
}
