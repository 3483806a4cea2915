package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.Json.obj;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** V1 ({@code /v1}) and REST ({@code /rest}) differ in content type, error shape and headers. */
enum ApiFamily {

    /**
     * Errors {@code {"code", "message", "error"}} as Snyk's V1 documentation shows them: {@code code}
     * the HTTP status and {@code error} the message again, with the reference in
     * {@code x-error-reference}. The two undocumented answers the original script observed carry
     * their string code instead.
     */
    V1("application/json; charset=utf-8") {
        @Override
        Reply errorResponse(ApiError error, String message) {
            Object code = error.code() != null ? error.code() : error.status();
            return Reply.json(error.status(), obj("code", code, "message", message, "error", message))
                    .withHeader("x-error-reference", UUID.randomUUID().toString());
        }

        @Override
        Reply finish(Reply response) {
            return withDefaultContentType(response);
        }
    },

    /** JSON:API errors, and a {@code snyk-request-id} header on every answer. */
    REST("application/vnd.api+json") {
        @Override
        Reply errorResponse(ApiError error, String message) {
            Map<String, Object> item = obj("id", UUID.randomUUID().toString(), "status", String.valueOf(error.status()),
                    "title", reason(error.status()), "detail", message);
            if (error.code() != null) {
                item.put("code", error.code());
            }
            if (error.sourceParameter() != null) {
                item.put("source", obj("parameter", error.sourceParameter()));
            } else if (error.sourcePointer() != null) {
                item.put("source", obj("pointer", error.sourcePointer()));
            }
            return Reply.json(error.status(), obj("jsonapi", JsonApi.VERSION, "errors", List.of(item)));
        }

        @Override
        Reply finish(Reply response) {
            return withDefaultContentType(response).withHeader("snyk-request-id", UUID.randomUUID().toString());
        }
    };

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private final String contentType;

    ApiFamily(String contentType) {
        this.contentType = contentType;
    }

    static ApiFamily of(String path) {
        return path.equals("/rest") || path.startsWith("/rest/") ? REST : V1;
    }

    /** The error in this family's shape, with {@code message} as its text and the error's headers. */
    final Reply error(ApiError error, String message) {
        Reply response = errorResponse(error, message);
        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return finish(response);
    }

    abstract Reply errorResponse(ApiError error, String message);

    /** Adds what every answer of the family carries. */
    abstract Reply finish(Reply response);

    Reply withDefaultContentType(Reply response) {
        return response.contentType() == null && response.hasBody() ? response.withContentType(contentType) : response;
    }

    static String reason(int status) {
        return REASONS.getOrDefault(status, "Error");
    }
}
