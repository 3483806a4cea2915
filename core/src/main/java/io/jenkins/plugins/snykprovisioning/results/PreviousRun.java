package io.jenkins.plugins.snykprovisioning.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What an earlier run (its results file or its journal) already did, so a resumed run does not
 * send those users again. Failures, dry-run entries and duplicate-row skips do not count as done.
 * Entries are kept as compact JSON text: a 100,000-user resume must fit a small heap. The file may
 * come from anywhere, so it is read with bounds: on its size, a journal's line length, and a results
 * entry's length and depth.
 */
public final class PreviousRun {

    /** Far beyond one user's entry: a longer journal line or results entry is not from this tool. */
    static final int MAX_ENTRY_CHARS = 1024 * 1024;
    /** An entry nests Snyk's answer a few levels deep. */
    static final int MAX_DEPTH = 64;
    /** Room for the results of the largest user file (200,000 users) many times over. */
    static final long MAX_FILE_BYTES = 1L << 30;

    private final Map<String, Done> done;

    private record Done(OutcomeCategory category, String entry) {
    }

    private PreviousRun(Map<String, Done> done) {
        this.done = done;
    }

    public static PreviousRun none() {
        return new PreviousRun(Map.of());
    }

    public static PreviousRun load(Path path) throws IOException {
        return load(path, MAX_FILE_BYTES);
    }

    /** As {@link #load(Path)}, refusing a file over {@code maxFileBytes}. */
    static PreviousRun load(Path path, long maxFileBytes) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no results file or journal to resume from");
        }
        if (Files.size(path) > maxFileBytes) {
            throw new IOException(path + " is larger than " + maxFileBytes + " bytes, the most a file to resume from may hold");
        }
        Map<String, Done> done = new HashMap<>();
        if (RunJournal.isJournal(path)) {
            readJournal(path, done);
        } else {
            readResultsFile(path, maxFileBytes, done);
        }
        return new PreviousRun(done);
    }

    private static void readJournal(Path path, Map<String, Done> done) throws IOException {
        try (BoundedLines lines = new BoundedLines(Files.newBufferedReader(path, StandardCharsets.UTF_8), MAX_ENTRY_CHARS,
                path.toString())) {
            RunJournal.read(lines::next, null, outcome -> remember(done, outcome.category(), outcome.entry()));
        } catch (BoundedLines.TooLongException e) {
            throw new IOException(e.getMessage() + "; no journal of this tool has such lines", e);
        }
    }

    private static void readResultsFile(Path path, long maxFileBytes, Map<String, Done> done) throws IOException {
        JsonFactory bounded = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_ENTRY_CHARS).maxDocumentLength(maxFileBytes).build()).build();
        try (InputStream in = Files.newInputStream(path); JsonParser parser = bounded.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(path + " is neither a results file nor a journal of this tool");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                OutcomeCategory category = OutcomeCategory.byKey(key);
                if (category == null || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    remember(done, category, (ObjectNode) SnykJson.MAPPER.readTree(entryText(parser, path)));
                }
            }
        }
    }

    /**
     * The object the parser is at, copied event by event as compact JSON and refused once it passes
     * {@link #MAX_ENTRY_CHARS} (give or take the copy's buffer): no tree is built of an entry of any size.
     */
    private static String entryText(JsonParser parser, Path path) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator copy = SnykJson.MAPPER.createGenerator(text)) {
            int depth = 0;
            do {
                JsonToken token = parser.currentToken();
                copy.copyCurrentEvent(parser);
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                if (text.getBuffer().length() > MAX_ENTRY_CHARS) {
                    throw new IOException(path + " has an entry longer than " + MAX_ENTRY_CHARS
                            + " characters; no results file of this tool has such entries");
                }
            } while (depth > 0 && parser.nextToken() != null);
        }
        return text.toString();
    }

    private static void remember(Map<String, Done> done, OutcomeCategory category, ObjectNode entry) {
        if (!category.success() || entry.path("dry_run").asBoolean(false) || entry.has("duplicate_of_line")) {
            return;
        }
        String email = SnykJson.text(entry, "email");
        if (email == null) {
            return;
        }
        entry.remove("from_previous_run");
        done.put(UserOutcome.key(email, SnykJson.text(entry, "org_id")), new Done(category, entry.toString()));
    }

    public int size() {
        return done.size();
    }

    /** The earlier outcome of the user with this {@link UserOutcome#key}, if it was done; marked as carried over. */
    public UserOutcome outcomeOf(String key) {
        Done previous = done.get(key);
        if (previous == null) {
            return null;
        }
        try {
            return UserOutcome.fromPreviousRun(previous.category(), (ObjectNode) SnykJson.MAPPER.readTree(previous.entry()));
        } catch (IOException e) {
            throw new IllegalStateException("An entry kept in memory could not be read back", e);
        }
    }
}
