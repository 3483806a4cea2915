package io.jenkins.plugins.snykprovisioning.http;

import java.util.Locale;
import java.util.Map;

/**
 * An answer from the API with the body already redacted. Header names are lower-case.
 *
 * @param attempts how many times the request was sent before this answer
 */
public record ApiResponse(int status, Map<String, String> headers, String body, int attempts) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** Snyk's id for this request: {@code snyk-request-id} (REST) or {@code x-error-reference} (V1). */
    public String requestId() {
        String id = header("snyk-request-id");
        return id != null ? id : header("x-error-reference");
    }
}
