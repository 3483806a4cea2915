package io.jenkins.plugins.snykprovisioning.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer thrown by a handler and rendered in the V1 or REST error shape by
 * {@link ApiFamily}. {@code code} is Snyk's string error code when there is one.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String sourceParameter;
    private String sourcePointer;

    ApiError(int status, String message) {
        this(status, message, null);
    }

    ApiError(int status, String message, String code) {
        // Used for control flow on every refused request: no stack trace to fill.
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    /** The query or path parameter at fault, for the REST error's {@code source.parameter}. */
    ApiError atParameter(String name) {
        this.sourceParameter = name;
        return this;
    }

    /** The JSON pointer into the request body at fault, for the REST error's {@code source.pointer}. */
    ApiError atPointer(String pointer) {
        this.sourcePointer = pointer;
        return this;
    }

    String sourceParameter() {
        return sourceParameter;
    }

    String sourcePointer() {
        return sourcePointer;
    }

    ApiError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
