package io.jenkins.plugins.snykprovisioning.http;

import java.net.URI;

/**
 * One call to the Snyk API. {@code read} marks calls without side effects: a read whose answer
 * cannot be parsed is simply asked again.
 */
public record ApiRequest(String method, URI uri, String body, String contentType, boolean read) {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String JSON_API = "application/vnd.api+json";

    public static ApiRequest get(URI uri) {
        return new ApiRequest("GET", uri, null, null, true);
    }

    public static ApiRequest write(String method, URI uri, String body, String contentType) {
        return new ApiRequest(method, uri, body, contentType, false);
    }

    /** Method and path with query, for logs: never carries a secret (the token goes in a header). */
    public String describe() {
        String query = uri.getRawQuery();
        return method + " " + uri.getRawPath() + (query == null ? "" : "?" + query);
    }

    /** True for REST (JSON:API) calls, false for V1 calls. */
    public boolean rest() {
        String path = uri.getRawPath();
        return path != null && path.contains("/rest/");
    }
}
