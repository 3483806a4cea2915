package io.jenkins.plugins.snykprovisioning.snyk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;

/**
 * The readable part of an error body: V1 {@code {code, message, error}} (or the older
 * {@code {message, errorRef}}), REST {@code {errors:[{status, detail, title, code}]}}, or any
 * other text, such as a proxy's HTML page. Texts are cut to {@value #MAX_TEXT} characters, since
 * they go into every result and log line of the user.
 */
record ErrorBody(String message, String code) {

    static final int MAX_TEXT = 1_000;
    private static final int MAX_CODE = 100;

    ErrorBody {
        message = bounded(message, MAX_TEXT);
        code = bounded(code, MAX_CODE);
    }

    static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new ErrorBody(null, null);
        }
        JsonNode json;
        try {
            json = SnykJson.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return new ErrorBody(plainText(body), null);
        }
        if (json == null || !json.isObject()) {
            return new ErrorBody(plainText(body), null);
        }
        JsonNode errors = json.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            String detail = SnykJson.text(first, "detail");
            String title = SnykJson.text(first, "title");
            String message = detail != null ? (title != null && !detail.contains(title) ? title + ": " + detail : detail) : title;
            return new ErrorBody(message, SnykJson.text(first, "code"));
        }
        String message = SnykJson.text(json, "message");
        String error = SnykJson.text(json, "error");
        if (message == null) {
            message = error;
        } else if (error != null && !message.contains(error)) {
            message = message + " (" + error + ")";
        }
        String code = SnykJson.text(json, "code");
        if (code == null) {
            code = SnykJson.text(json, "errorRef");
        }
        return new ErrorBody(message == null ? plainText(body) : message, code);
    }

    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "...";
    }

    /**
     * The visible text of an HTML or plain body in one pass: tags dropped, the content of
     * {@code script} and {@code style} elements too, whitespace collapsed; reading stops once
     * {@value #MAX_TEXT} characters are kept.
     */
    static String plainText(String body) {
        StringBuilder text = new StringBuilder();
        String skipUntil = null;
        boolean space = false;
        int close = 0;
        int i = 0;
        while (i < body.length() && text.length() <= MAX_TEXT) {
            // Once no '>' follows, every later '<' is ordinary text: close stays -1 and is not searched again.
            char c = body.charAt(i);
            if (skipUntil != null) {
                int end = indexOfIgnoreCase(body, skipUntil, i);
                i = end < 0 ? body.length() : end;
                skipUntil = null;
            } else if (c == '<' && close >= 0 && (close = body.indexOf('>', i)) >= 0) {
                String tag = tagName(body, i + 1, close);
                if (tag.equals("script") || tag.equals("style")) {
                    skipUntil = "</" + tag;
                }
                i = close + 1;
                space = true;
            } else if (Character.isWhitespace(c)) {
                space = true;
                i++;
            } else {
                if (space && text.length() > 0) {
                    text.append(' ');
                }
                space = false;
                text.append(c);
                i++;
            }
        }
        return bounded(text.toString(), MAX_TEXT);
    }

    /** The lower-case name of the tag between {@code start} (after '<') and {@code end} (its '>'). */
    private static String tagName(String body, int start, int end) {
        int i = start;
        while (i < end && Character.isLetterOrDigit(body.charAt(i))) {
            i++;
        }
        return body.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private static int indexOfIgnoreCase(String text, String wanted, int from) {
        for (int i = from; i <= text.length() - wanted.length(); i++) {
            if (text.regionMatches(true, i, wanted, 0, wanted.length())) {
                return i;
            }
        }
        return -1;
    }
}
