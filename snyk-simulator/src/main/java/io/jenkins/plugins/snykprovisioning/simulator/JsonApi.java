package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the REST endpoints share: JSON:API envelopes, request bodies and cursor pages. Pages are
 * in insertion order; a cursor is the base64url form of an item id; {@code links.next} repeats
 * every query parameter but the cursors, in the form {@link SimulatorConfig#getNextLinkStyle()} says.
 */
final class JsonApi {

    static final Map<String, Object> VERSION = Map.of("version", "1.0");
    private static final int DEFAULT_LIMIT = 10;

    private final SimulatorConfig config;
    private final Supplier<String> baseUrl;

    JsonApi(SimulatorConfig config, Supplier<String> baseUrl) {
        this.config = config;
        this.baseUrl = baseUrl;
    }

    static Reply document(int status, Object data) {
        return Reply.json(status, obj("jsonapi", VERSION, "data", data));
    }

    /** A 201 for a created resource, with the {@code location} header the spec declares. */
    Reply created(String path, String id, Object data) {
        return Reply.json(201, obj("jsonapi", VERSION, "data", data, "links", obj("self", path + "/" + id)))
                .withHeader("location", baseUrl.get() + "/rest" + path + "/" + id);
    }

    /** The {@code data} object of a request body (its shape was checked against the spec, unless lenient). */
    static JsonNode data(RoutedRequest request) {
        JsonNode data = Json.requestObject(request.body()).path("data");
        if (!data.isObject()) {
            throw ApiError.badRequest("The request body must have a data object").atPointer("/data");
        }
        return data;
    }

    /** {@code data.relationships.<name>.data.id}, required. */
    static String relationshipId(JsonNode data, String name) {
        String id = data.path("relationships").path(name).path("data").path("id").asText("");
        if (id.isEmpty()) {
            throw ApiError.badRequest("data.relationships." + name + ".data.id is required")
                    .atPointer("/data/relationships/" + name + "/data/id");
        }
        return id;
    }

    /**
     * One page of {@code all}: after {@code starting_after}, or the last {@code limit} before
     * {@code ending_before}, with {@code links.next} when more follow.
     */
    <T> Reply page(RoutedRequest request, String path, List<T> all, Function<T, String> idOf,
            Function<T, Map<String, Object>> render, Map<String, Object> meta) {
        int limit = limit(request.query("limit"));
        int from = 0;
        int to = all.size();
        String after = request.query("starting_after");
        String before = request.query("ending_before");
        if (after != null) {
            from = indexOf(all, idOf, after, "starting_after") + 1;
        } else if (before != null) {
            to = indexOf(all, idOf, before, "ending_before");
            from = Math.max(0, to - limit);
        }
        List<T> page = all.subList(from, Math.min(to, from + limit));
        Map<String, Object> links = obj();
        if (from + limit < to) {
            links.put("next", nextLink(request, path, idOf.apply(page.get(page.size() - 1))));
        }
        List<Map<String, Object>> data = new ArrayList<>();
        page.forEach(item -> data.add(render.apply(item)));
        Map<String, Object> body = obj("jsonapi", VERSION, "data", data, "links", links);
        if (meta != null) {
            body.put("meta", meta);
        }
        return Reply.json(200, body);
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw ApiError.badRequest("limit must be a positive integer, not '" + text + "'").atParameter("limit");
    }

    private static <T> int indexOf(List<T> all, Function<T, String> idOf, String cursor, String parameter) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(parameter + " '" + cursor + "' is not a valid cursor").atParameter(parameter);
        }
        for (int i = 0; i < all.size(); i++) {
            if (idOf.apply(all.get(i)).equals(id)) {
                return i;
            }
        }
        throw ApiError.badRequest(parameter + " '" + cursor + "' does not point at an item of this list").atParameter(parameter);
    }

    private Object nextLink(RoutedRequest request, String path, String lastId) {
        StringBuilder link = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : request.call().query().entrySet()) {
            if (!parameter.getKey().equals("starting_after") && !parameter.getKey().equals("ending_before")) {
                link.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
                separator = '&';
            }
        }
        link.append(separator).append("starting_after=")
                .append(Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8)));
        return switch (config.getNextLinkStyle()) {
            case ABSOLUTE -> baseUrl.get() + "/rest" + link;
            case RELATIVE_WITH_REST -> "/rest" + link;
            case RELATIVE_WITHOUT_REST -> link.toString();
            case OBJECT -> obj("href", "/rest" + link);
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
