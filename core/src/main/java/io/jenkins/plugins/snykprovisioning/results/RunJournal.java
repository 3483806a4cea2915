package io.jenkins.plugins.snykprovisioning.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * JSON Lines, one line per finished user, written the moment the user is done: a crash or an
 * interruption loses nothing, and the results file is built from it at the end.
 */
public final class RunJournal implements Closeable {

    static final String FORMAT = "snyk-provisioning-journal";
    /** How {@link #record} starts every line: the category first, so a reader can skip other categories unparsed. */
    private static final String CATEGORY_PREFIX = "{\"category\":\"";
    /** Far more than the header line {@link #create} writes. */
    private static final int MAX_HEADER_CHARS = 4096;

    private final Path path;
    private final BufferedWriter writer;

    private RunJournal(Path path, BufferedWriter writer) {
        this.path = path;
        this.writer = writer;
    }

    /** Starts a new journal at {@code path}, replacing an older one. */
    public static RunJournal create(Path path, String mode, boolean dryRun) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        RunJournal journal = new RunJournal(path, writer);
        ObjectNode header = SnykJson.MAPPER.createObjectNode();
        header.put("journal", FORMAT).put("version", 1).put("mode", mode).put("dry_run", dryRun)
                .put("started_at", Instant.now().toString());
        journal.writeLine(header);
        return journal;
    }

    public Path path() {
        return path;
    }

    public synchronized void record(UserOutcome outcome) throws IOException {
        ObjectNode line = SnykJson.MAPPER.createObjectNode();
        line.put("category", outcome.category().key());
        line.set("entry", outcome.entry());
        writeLine(line);
    }

    private void writeLine(JsonNode json) throws IOException {
        writer.write(SnykJson.MAPPER.writeValueAsString(json));
        writer.write('\n');
        // Flushed per line: the operating system keeps it even if this process dies next.
        writer.flush();
    }

    /**
     * Reads outcomes back, in order. A torn last line (the process died while writing it) is
     * skipped: that user simply counts as not done.
     */
    public static void read(Path path, Visitor visitor) throws IOException {
        read(path, null, visitor);
    }

    /** Reads only the outcomes of the category {@code only} (all when null), parsing no other line. */
    public static void read(Path path, OutcomeCategory only, Visitor visitor) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            read(reader::readLine, only, visitor);
        }
    }

    /** Reads outcomes from lines however they are read: a journal from elsewhere is read with bounds. */
    static void read(LineSource lines, OutcomeCategory only, Visitor visitor) throws IOException {
        String wanted = only == null ? null : CATEGORY_PREFIX + only.key() + "\"";
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
            if (category != null && (only == null || category == only) && entry instanceof ObjectNode object) {
                visitor.visit(new UserOutcome(category, object));
            }
        }
    }

    /** The next line of a journal, or null at its end. */
    @FunctionalInterface
    interface LineSource {
        String next() throws IOException;
    }

    /** Receives outcomes read back from a journal. */
    @FunctionalInterface
    public interface Visitor {
        void visit(UserOutcome outcome) throws IOException;
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
