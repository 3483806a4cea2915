package io.jenkins.plugins.snykprovisioning.input;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stream of rows from a user file, one at a time. The format is told by the content (a JSON
 * file starts with '[' or '{'), not by the file name.
 */
public abstract class UserRows implements Closeable {

    /** Column (or JSON key) names in canonical form, with the spellings accepted for each. */
    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("email", "email"),
            Map.entry("role_public_id", "role_public_id"), Map.entry("rolepublicid", "role_public_id"),
            Map.entry("role", "role"),
            Map.entry("org_id", "org_id"), Map.entry("orgid", "org_id"),
            Map.entry("user_id", "user_id"), Map.entry("userid", "user_id"));

    /**
     * Columns that describe a row rather than ask for anything, read back without complaint: a failed-rows
     * file's failure, an export's status (member or pending).
     */
    static final List<String> INFORMATIONAL = List.of("line", "error", "error_type", "status_code", "reason", "status");

    protected final String source;
    protected final InputLimits limits;
    private int rows;

    protected UserRows(String source, InputLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    public static UserRows open(UserSource source, InputLimits limits) throws IOException {
        InputStream in = source.open();
        try {
            CheckedTextReader text = new CheckedTextReader(in, source.name(), limits);
            BufferedReader reader = new BufferedReader(text, 64 * 1024);
            int first = firstSignificantChar(reader);
            if (first < 0) {
                throw new InputFileException(source.name(), 0, "is empty; expected a CSV file with an 'email' header or a JSON array of users");
            }
            return first == '[' || first == '{'
                    ? new JsonUserRows(reader, source.name(), limits)
                    : new CsvUserRows(reader, text, source.name(), limits);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static int firstSignificantChar(BufferedReader reader) throws IOException {
        reader.mark(64 * 1024);
        int c;
        do {
            c = reader.read();
        } while (c >= 0 && Character.isWhitespace(c));
        reader.reset();
        return c;
    }

    /** The next row, or null at the end of the file. */
    public final UserRow next() throws IOException {
        UserRow row = readRow();
        if (row != null && ++rows > limits.maxRows()) {
            throw new InputFileException(source, row.line(), "more than " + limits.maxRows() + " users, the configured limit");
        }
        return row;
    }

    protected abstract UserRow readRow() throws IOException;

    /** Things worth telling the user that do not stop the run, such as an unknown column. */
    public abstract List<String> warnings();

    public String source() {
        return source;
    }

    static String canonicalColumn(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(" ", "_");
        String canonical = COLUMNS.get(key);
        if (canonical == null) {
            canonical = COLUMNS.get(key.replace("_", ""));
        }
        return canonical;
    }

    static String emptyToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
