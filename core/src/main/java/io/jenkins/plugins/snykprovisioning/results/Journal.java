package io.jenkins.plugins.snykprovisioning.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * JSON Lines, one line per finished user, written the moment the user is done: a crash or an
 * interruption loses nothing, and the results file is built from it at the end. Each line holds
 * the outcome's category and its results-file entry.
 */
public final class Journal implements Closeable {

    static final String FORMAT = "snyk-provisioning-journal";
    /** How {@link #record} starts every line: the category first, so a reader can skip other categories unparsed. */
    private static final String CATEGORY_PREFIX = "{\"category\":\"";
    /** Far more than the header line {@link #create} writes. */
    private static final int MAX_HEADER_CHARS = 4096;
    /** Far beyond one user's entry: a longer line is not from this tool. */
    static final int MAX_LINE_CHARS = 1024 * 1024;

    private final BufferedWriter writer;

    private Journal(BufferedWriter writer) {
        this.writer = writer;
    }

    /**
     * Starts a new journal at {@code path}. A journal already there, from an earlier run, is kept
     * beside it as {@code <name>.previous.jsonl} rather than overwritten.
     */
    public static Journal create(Path path, String mode, boolean dryRun) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(path)) {
            String name = path.getFileName().toString().replaceFirst("\\.jsonl$", "");
            Files.move(path, path.resolveSibling(name + ".previous.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        }
        BufferedWriter writer = OwnerOnlyFiles.newWriter(path);
        Journal journal = new Journal(writer);
        ObjectNode header = SnykJson.MAPPER.createObjectNode();
        header.put("journal", FORMAT).put("version", 1).put("mode", mode).put("dry_run", dryRun)
                .put("started_at", Instant.now().toString());
        journal.writeLine(header);
        return journal;
    }

    /** {@code results.json} → {@code results.journal.jsonl}. */
    public static Path beside(Path resultsFile) {
        String name = resultsFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return resultsFile.resolveSibling(stem + ".journal.jsonl");
    }

    public synchronized void record(UserOutcome outcome) throws IOException {
        ObjectNode line = SnykJson.MAPPER.createObjectNode();
        line.put("category", outcome.category().key());
        line.set("entry", ResultsFormat.entry(outcome));
        writeLine(line);
    }

    private void writeLine(JsonNode json) throws IOException {
        writer.write(SnykJson.MAPPER.writeValueAsString(json));
        writer.write('\n');
        // Flushed per line: the operating system keeps it even if this process dies next.
        writer.flush();
    }

    /** Receives outcomes read back from a journal or a results file. */
    @FunctionalInterface
    public interface Visitor {
        void visit(UserOutcome outcome) throws IOException;
    }

    /** Receives results-file entries, unparsed into outcomes. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(JsonNode entry) throws IOException;
    }

    private interface LineVisitor {
        void visit(OutcomeCategory category, JsonNode entry) throws IOException;
    }

    /** Reads the outcomes back, in order. */
    public static void read(Path path, Visitor visitor) throws IOException {
        readLines(path, null, (category, entry) -> {
            UserOutcome outcome = ResultsFormat.outcome(category, entry);
            if (outcome != null) {
                visitor.visit(outcome);
            }
        });
    }

    /** Reads only the entries of {@code only}, parsing no line of another category. */
    static void readEntries(Path path, OutcomeCategory only, EntryVisitor visitor) throws IOException {
        readLines(path, only, (category, entry) -> visitor.visit(entry));
    }

    /**
     * A torn last line (the process died while writing it) is skipped: that user simply counts as not
     * done. A journal may come from elsewhere (a resumed run's), so no line is held past a bound.
     */
    private static void readLines(Path path, OutcomeCategory only, LineVisitor visitor) throws IOException {
        String wanted = only == null ? null : CATEGORY_PREFIX + only.key() + "\"";
        try (BoundedLines lines = new BoundedLines(Files.newBufferedReader(path, StandardCharsets.UTF_8), MAX_LINE_CHARS,
                path.toString())) {
            String text;
            while ((text = lines.next()) != null) {
                // Lines as this class writes them are skipped unparsed; any other line is checked once parsed.
                if (text.isBlank() || (wanted != null && text.startsWith(CATEGORY_PREFIX) && !text.startsWith(wanted))) {
                    continue;
                }
                JsonNode line;
                try {
                    line = SnykJson.MAPPER.readTree(text);
                } catch (IOException torn) {
                    continue;
                }
                JsonNode entry = line.get("entry");
                OutcomeCategory category = OutcomeCategory.byKey(SnykJson.text(line, "category"));
                if (category != null && (only == null || category == only) && entry instanceof ObjectNode) {
                    visitor.visit(category, entry);
                }
            }
        } catch (BoundedLines.TooLongException e) {
            throw new IOException(e.getMessage() + "; no journal of this tool has such lines", e);
        }
    }

    /** True when the file starts like a journal of this product. */
    public static boolean isJournal(Path path) throws IOException {
        // A results file may be one long line: only the start of the first line is read.
        try (BoundedLines lines = new BoundedLines(Files.newBufferedReader(path, StandardCharsets.UTF_8), MAX_HEADER_CHARS,
                path.toString())) {
            String first = lines.next();
            return first != null && first.contains("\"" + FORMAT + "\"");
        } catch (BoundedLines.TooLongException notAHeader) {
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
