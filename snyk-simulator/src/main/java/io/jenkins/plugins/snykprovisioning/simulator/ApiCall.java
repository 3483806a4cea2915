package io.jenkins.plugins.snykprovisioning.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulator reads of a request. {@code query} holds the decoded parameters (the first
 * value of a repeated one); {@code rawQuery} is the query as sent, for the request log.
 */
record ApiCall(String method, String path, String rawQuery, Map<String, String> query, String authorization,
        String contentType, String body) {

    static ApiCall read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        return new ApiCall(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), rawQuery,
                parseQuery(rawQuery), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body);
    }

    static Map<String, String> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return Collections.unmodifiableMap(params);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
