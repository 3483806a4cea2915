package io.jenkins.plugins.snykprovisioning.results;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What an earlier run (its results file or its journal) already did, so a resumed run does not
 * send those users again. Failures, dry-run entries and duplicate-row skips do not count as done.
 * Entries are kept as compact JSON text: a 100,000-user resume must fit a small heap.
 */
public final class PreviousRun {

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
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no results file or journal to resume from");
        }
        Map<String, Done> done = new HashMap<>();
        if (RunJournal.isJournal(path)) {
            RunJournal.read(path, outcome -> remember(done, outcome.category(), outcome.entry()));
        } else {
            readResultsFile(path, done);
        }
        return new PreviousRun(done);
    }

    private static void readResultsFile(Path path, Map<String, Done> done) throws IOException {
        try (InputStream in = Files.newInputStream(path); JsonParser parser = SnykJson.MAPPER.createParser(in)) {
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
                    JsonNode entry = SnykJson.MAPPER.readTree(parser);
                    remember(done, category, (ObjectNode) entry);
                }
            }
        }
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
