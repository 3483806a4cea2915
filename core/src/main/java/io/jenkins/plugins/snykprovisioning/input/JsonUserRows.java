package io.jenkins.plugins.snykprovisioning.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A JSON array of user objects, read element by element so the file is never one tree in memory. */
final class JsonUserRows extends UserRows {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64 * 1024).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private final JsonParser parser;
    private final Set<String> unknownKeys = new LinkedHashSet<>();
    private int firstUnknownLine;

    JsonUserRows(Reader reader, String source, InputLimits limits) throws IOException {
        super(source, limits);
        this.parser = MAPPER.createParser(reader);
        JsonToken first = advance();
        if (first != JsonToken.START_ARRAY) {
            throw new InputFileException(source, line(), "expected a JSON array of user objects such as "
                    + "[{\"email\": \"a@example.com\", \"role_public_id\": \"...\"}], found "
                    + (first == JsonToken.START_OBJECT ? "an object" : "something else"));
        }
    }

    @Override
    protected UserRow readRow() throws IOException {
        JsonToken token = advance();
        if (token == JsonToken.END_ARRAY) {
            if (advance() != null) {
                throw new InputFileException(source, line(), "has more content after the closing ']'");
            }
            return null;
        }
        if (token == null) {
            throw new InputFileException(source, line(), "ends before the closing ']' (is the file cut short?)");
        }
        int line = line();
        JsonNode item;
        try {
            item = MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
        if (!item.isObject()) {
            return new UserRow(line, null, null, null, null, "is not a user object but " + describe(item));
        }
        List<String> wrongTypes = new ArrayList<>();
        String email = null;
        String rolePublicId = null;
        String role = null;
        String orgId = null;
        String userId = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String canonical = canonicalColumn(field.getKey());
            if (canonical == null) {
                if (!INFORMATIONAL.contains(field.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    if (unknownKeys.isEmpty()) {
                        firstUnknownLine = line;
                    }
                    unknownKeys.add(field.getKey());
                }
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                wrongTypes.add("'" + field.getKey() + "' must be text, found " + describe(value));
                continue;
            }
            String text = emptyToNull(value.asText());
            switch (canonical) {
                case "email" -> email = text;
                case "role_public_id" -> rolePublicId = text;
                case "role" -> role = text;
                case "org_id" -> orgId = text;
                default -> userId = text;
            }
        }
        String problem = wrongTypes.isEmpty() ? null : String.join("; ", wrongTypes);
        return new UserRow(line, email, rolePublicId != null ? rolePublicId : role, orgId, userId, problem);
    }

    private JsonToken advance() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw invalid(e);
        }
    }

    private InputFileException invalid(JsonProcessingException e) {
        int line = e.getLocation() == null ? line() : e.getLocation().getLineNr();
        if (e instanceof JsonEOFException) {
            return new InputFileException(source, line, "ends in the middle of the JSON (is the file cut short?)");
        }
        // Jackson's own text may point at its internals ("[Source: ...]"); keep only the reason.
        String reason = e.getOriginalMessage().split("\n", 2)[0].replaceAll("\\s*\\(start marker at \\[Source.*$", "")
                .replaceAll("\\s*\\[Source:.*$", "");
        return new InputFileException(source, line, "is not valid JSON (" + reason + ")");
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonNode node) {
        if (node.isNumber()) {
            return "a number (" + node.asText() + ")";
        }
        if (node.isBoolean()) {
            return "true/false";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isTextual() ? "text" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<String> warnings() {
        if (unknownKeys.isEmpty()) {
            return List.of();
        }
        return List.of(source + " line " + firstUnknownLine + ": ignoring unknown key(s) " + String.join(", ", unknownKeys)
                + " (known: email, role_public_id, role, org_id, user_id)");
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
