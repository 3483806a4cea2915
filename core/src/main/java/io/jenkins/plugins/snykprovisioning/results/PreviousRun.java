package io.jenkins.plugins.snykprovisioning.results;

import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.IOException;
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
        Journal.Visitor remember = outcome -> remember(done, outcome);
        if (Journal.isJournal(path)) {
            Journal.read(path, remember);
        } else {
            ResultsFormat.read(path, maxFileBytes, remember);
        }
        return new PreviousRun(done);
    }

    private static void remember(Map<String, Done> done, UserOutcome outcome) {
        if (!outcome.category().success() || outcome.dryRun() || outcome.change().duplicateOfLine() > 0) {
            return;
        }
        UserOutcome asDone = new UserOutcome(outcome.category(), outcome.subject(), null, outcome.change(), false, false);
        done.put(UserOutcome.key(outcome.email(), outcome.orgId()),
                new Done(outcome.category(), ResultsFormat.entry(asDone).toString()));
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
            return ResultsFormat.outcome(previous.category(), SnykJson.MAPPER.readTree(previous.entry())).carriedOver();
        } catch (IOException e) {
            throw new IllegalStateException("An entry kept in memory could not be read back", e);
        }
    }
}
