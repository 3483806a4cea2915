package io.jenkins.plugins.snykprovisioning.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Snyk's REST OpenAPI spec ({@value #RESOURCE}, the membership, invite, self and group-org
 * operations) as rules: which operations exist, what a request to one must look like, which
 * version of it a {@code version} parameter is served, and what an answer may be. Schemas are
 * checked with networknt's json-schema-validator in its OpenAPI 3.0 dialect, against the spec
 * document itself, so every {@code $ref} resolves as the spec wrote it.
 */
final class RestContract {

    static final String RESOURCE = "snyk-rest-openapi-memberships.json";
    static final String JSON_API = "application/vnd.api+json";
    /** The name the spec document is registered under; {@code $ref}s resolve inside it. */
    private static final String SPEC_URI = "https://snyk-simulator.invalid/" + RESOURCE;
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** Declared on every answer, but only sent for deprecated endpoints, which none of these is. */
    private static final List<String> DEPRECATION_HEADERS = List.of("deprecation", "sunset");

    /** How settled an API version is, from least to most. */
    enum Stability {
        WIP, EXPERIMENTAL, BETA, GA;

        static Stability parse(String word) {
            return word.equals("work-in-progress") ? WIP : valueOf(word.toUpperCase(Locale.ROOT));
        }

        String lifecycleStage() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A release of an operation ({@code x-snyk-api-releases}), such as {@code 2024-05-09~experimental}. */
    record Release(String text, LocalDate date, Stability stability) {

        static Release parse(String text) {
            int tilde = text.indexOf('~');
            return new Release(text, LocalDate.parse(tilde < 0 ? text : text.substring(0, tilde)),
                    tilde < 0 ? Stability.GA : Stability.parse(text.substring(tilde + 1)));
        }
    }

    /** A parameter of an operation; {@code schema} is the JSON pointer of its schema in the spec. */
    record Parameter(String name, String in, boolean required, String schema, String type) {
    }

    /** One operation of the spec: method, path template and what the spec says about it. */
    record Operation(String method, String template, String pointer, JsonNode node, List<Parameter> parameters,
            List<Release> releases) {

        String describe() {
            return method + " " + template;
        }

        Parameter parameter(String name, String in) {
            for (Parameter parameter : parameters) {
                if (parameter.name().equals(name) && parameter.in().equals(in)) {
                    return parameter;
                }
            }
            return null;
        }
    }

    /** The version of an operation that answers a request, for the {@code snyk-version-*} headers. */
    record ServedVersion(String requested, String served, String lifecycleStage) {
    }

    private static final class Holder {
        static final RestContract INSTANCE = new RestContract();
    }

    private final JsonNode spec;
    private final SchemaRegistry schemas;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Schema> schemaCache = new ConcurrentHashMap<>();

    private RestContract() {
        String text;
        try (InputStream in = RestContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The simulator jar lacks " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        spec = Json.read(text, JsonNode.class);
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(SPEC_URI, text)));
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode node = path.getValue().get(method);
                if (node != null) {
                    String pointer = "/paths/" + escape(path.getKey()) + "/" + method;
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), pointer, node,
                            parameters(node, pointer), releases(node)));
                }
            }
        }
    }

    static RestContract get() {
        return Holder.INSTANCE;
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The operation for this method and path (without {@code /rest}), or null. */
    Operation find(String method, String path) {
        for (Operation operation : operations) {
            if (operation.method().equals(method) && matches(operation.template(), path)) {
                return operation;
            }
        }
        return null;
    }

    private static boolean matches(String template, String path) {
        String[] expected = template.substring(1).split("/");
        String[] actual = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!expected[i].startsWith("{") && !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a request against its operation, in the order Snyk reports problems: query parameters
     * it does not know, then each parameter, then the body. The first problem is thrown as the 400
     * Snyk answers.
     */
    void checkRequest(Operation operation, String path, ApiCall call) {
        for (String name : call.query().keySet()) {
            if (operation.parameter(name, "query") == null) {
                throw ApiError.badRequest("Unknown query parameter '" + name + "'").atParameter(name);
            }
        }
        String[] template = operation.template().substring(1).split("/");
        String[] actual = path.substring(1).split("/", -1);
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                String name = template[i].substring(1, template[i].length() - 1);
                checkParameter(operation.parameter(name, "path"), actual[i]);
            }
        }
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query")) {
                String value = call.query().get(parameter.name());
                if (value == null && parameter.required()) {
                    throw ApiError.badRequest("The query parameter '" + parameter.name() + "' is required")
                            .atParameter(parameter.name());
                }
                if (value != null) {
                    checkParameter(parameter, value);
                }
            }
        }
        JsonNode requestBody = operation.node().get("requestBody");
        if (requestBody != null) {
            checkBody(operation, requestBody, call);
        }
    }

    private void checkParameter(Parameter parameter, String value) {
        JsonNode typed = typed(parameter.type(), value);
        List<Error> errors = typed == null ? List.of() : schema(parameter.schema()).validate(typed);
        if (typed == null || !errors.isEmpty()) {
            String why = typed == null ? "must be " + (parameter.type().equals("integer") ? "an " : "a ") + parameter.type()
                    : errors.get(0).getMessage().replaceFirst("^: ", "");
            throw ApiError.badRequest("Invalid " + parameter.in() + " parameter '" + parameter.name() + "' ('" + value + "'): "
                    + why).atParameter(parameter.name());
        }
    }

    /** A parameter's text as the JSON value its schema's type wants; null when it cannot be one. */
    private static JsonNode typed(String type, String value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (type) {
            case "integer":
                try {
                    return nodes.numberNode(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    return null;
                }
            case "number":
                try {
                    return nodes.numberNode(Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    return null;
                }
            case "boolean":
                return value.equals("true") || value.equals("false") ? nodes.booleanNode(Boolean.parseBoolean(value)) : null;
            default:
                return nodes.textNode(value);
        }
    }

    private void checkBody(Operation operation, JsonNode requestBody, ApiCall call) {
        String mediaType = mediaType(call.contentType());
        JsonNode content = requestBody.path("content");
        if (mediaType == null || !content.has(mediaType)) {
            // Snyk's words for a body of another type (the REST API overview).
            throw ApiError.badRequest("Client request did not conform to OpenAPI specification: the body must be sent as "
                    + String.join(" or ", fieldNames(content)));
        }
        JsonNode body;
        try {
            body = call.body().isBlank() ? null : Json.MAPPER.readTree(call.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null) {
            throw ApiError.badRequest("Client request did not conform to OpenAPI specification: the body is not JSON")
                    .atPointer("");
        }
        List<Error> errors = schema(operation.pointer() + "/requestBody/content/" + escape(mediaType) + "/schema").validate(body);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            throw ApiError.badRequest("Client request did not conform to OpenAPI specification: " + first.getMessage())
                    .atPointer(first.getInstanceLocation().toString());
        }
    }

    /**
     * The version of the operation Snyk serves for {@code version}: the newest release on or before
     * the requested date at the requested stability or a more settled one; null when there is none
     * (the requested date is older than the operation's first release at that stability).
     */
    ServedVersion serve(Operation operation, String version) {
        int tilde = version.indexOf('~');
        boolean bareWord = !Character.isDigit(version.charAt(0));
        LocalDate date = bareWord ? LocalDate.MAX : LocalDate.parse(tilde < 0 ? version : version.substring(0, tilde));
        Stability wanted = bareWord ? Stability.parse(version)
                : tilde < 0 ? Stability.GA : Stability.parse(version.substring(tilde + 1));
        return operation.releases().stream()
                .filter(release -> !release.date().isAfter(date) && release.stability().compareTo(wanted) >= 0)
                .max(Comparator.comparing(Release::date))
                .map(release -> new ServedVersion(version, release.text(), release.stability().lifecycleStage()))
                .orElse(null);
    }

    /** The first GA release of the operation, for messages. */
    static String firstGa(Operation operation) {
        return operation.releases().stream().filter(release -> release.stability() == Stability.GA)
                .map(Release::text).findFirst().orElse("none");
    }

    /** True when {@code version} matches the spec's {@code QueryVersion}, so it may be echoed in a header. */
    boolean isVersion(String version) {
        return version != null && schema("/components/schemas/QueryVersion").validate(
                JsonNodeFactory.instance.textNode(version)).isEmpty();
    }

    /**
     * What is wrong with an answer to {@code operation}: a status the spec does not declare, a
     * declared header missing (apart from the deprecation ones) or malformed, a body of another
     * type or shape. Empty when the answer is what the spec allows. The {@code snyk-version-*}
     * headers are only required when {@code versioned}: a request without a usable version has none.
     */
    List<String> checkResponse(Operation operation, Reply response, boolean versioned) {
        List<String> problems = new ArrayList<>();
        String where = operation.describe() + " " + response.status() + ": ";
        JsonNode declared = operation.node().path("responses").get(Integer.toString(response.status()));
        if (declared == null) {
            problems.add(where + "the spec declares no such status (it declares "
                    + String.join(", ", fieldNames(operation.node().path("responses"))) + ")");
            return problems;
        }
        String responsePointer = operation.pointer() + "/responses/" + response.status();
        if (declared.has("$ref")) {
            responsePointer = declared.get("$ref").asText().substring(1);
            declared = spec.at(responsePointer);
        }
        Map<String, String> headers = lowerCase(response.headers());
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            String value = headers.get(header.getKey().toLowerCase(Locale.ROOT));
            if (value == null) {
                if (!DEPRECATION_HEADERS.contains(header.getKey()) && (versioned || !header.getKey().startsWith("snyk-version-"))) {
                    problems.add(where + "header " + header.getKey() + " is missing");
                }
                continue;
            }
            String headerPointer = header.getValue().has("$ref") ? header.getValue().get("$ref").asText().substring(1)
                    : responsePointer + "/headers/" + escape(header.getKey());
            List<Error> errors = schema(headerPointer + "/schema").validate(JsonNodeFactory.instance.textNode(value));
            errors.forEach(error -> problems.add(where + "header " + header.getKey() + " '" + value + "': " + error.getMessage()));
        }
        JsonNode content = declared.get("content");
        if (content == null) {
            if (response.hasBody()) {
                problems.add(where + "the spec declares no body, but one was sent");
            }
            return problems;
        }
        String mediaType = mediaType(response.contentType());
        if (mediaType == null || !content.has(mediaType)) {
            problems.add(where + "content type " + response.contentType() + " is not " + String.join(" or ", fieldNames(content)));
            return problems;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            problems.add(where + "the body is not JSON");
            return problems;
        }
        schema(responsePointer + "/content/" + escape(mediaType) + "/schema").validate(body).forEach(error -> problems.add(where + error.getMessage()));
        return problems;
    }

    private Schema schema(String pointer) {
        return schemaCache.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(SPEC_URI + "#" + p)));
    }

    private List<Parameter> parameters(JsonNode operation, String pointer) {
        List<Parameter> parameters = new ArrayList<>();
        JsonNode list = operation.path("parameters");
        for (int i = 0; i < list.size(); i++) {
            JsonNode parameter = list.get(i);
            String parameterPointer = pointer + "/parameters/" + i;
            if (parameter.has("$ref")) {
                parameterPointer = parameter.get("$ref").asText().substring(1);
                parameter = spec.at(parameterPointer);
            }
            JsonNode schema = parameter.path("schema");
            if (schema.has("$ref")) {
                schema = spec.at(schema.get("$ref").asText().substring(1));
            }
            parameters.add(new Parameter(parameter.get("name").asText(), parameter.get("in").asText(),
                    parameter.path("required").asBoolean(false), parameterPointer + "/schema", schema.path("type").asText("string")));
        }
        return List.copyOf(parameters);
    }

    private static List<Release> releases(JsonNode operation) {
        List<Release> releases = new ArrayList<>();
        operation.path("x-snyk-api-releases").forEach(release -> releases.add(Release.parse(release.asText())));
        return List.copyOf(releases);
    }

    /** The media type of a Content-Type header, without parameters, in lower case; null when absent. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    /** A JSON pointer token: '~' and '/' escaped. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
