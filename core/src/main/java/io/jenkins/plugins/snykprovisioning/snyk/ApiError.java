package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The readable part of an error body: V1 {@code {code, message, error}} (or the older
 * {@code {message, errorRef}}), REST {@code {errors:[{status, detail, title, code}]}}, or any
 * other text, such as a proxy's HTML page.
 */
record ApiError(String message, String code) {

    private static final int MAX_TEXT = 500;

    static ApiError parse(String body) {
        if (body == null || body.isBlank()) {
            return new ApiError(null, null);
        }
        JsonNode json;
        try {
            json = SnykJson.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return new ApiError(plainText(body), null);
        }
        if (json == null || !json.isObject()) {
            return new ApiError(plainText(body), null);
        }
        JsonNode errors = json.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            String detail = SnykJson.text(first, "detail");
            String title = SnykJson.text(first, "title");
            String message = detail != null ? (title != null && !detail.contains(title) ? title + ": " + detail : detail) : title;
            return new ApiError(message, SnykJson.text(first, "code"));
        }
        String message = SnykJson.text(json, "message");
        String error = SnykJson.text(json, "error");
        if (message == null) {
            message = error;
        } else if (error != null && !error.isBlank() && !message.contains(error)) {
            message = message + " (" + error + ")";
        }
        String code = SnykJson.text(json, "code");
        if (code == null) {
            code = SnykJson.text(json, "errorRef");
        }
        return new ApiError(message == null ? plainText(body) : message, code);
    }

    private static String plainText(String body) {
        String text = body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    }
}
