package io.jenkins.plugins.snykprovisioning.input;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV with a header row; header names are matched without regard to case. */
final class CsvUserRows extends UserRows {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CheckedTextReader text;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int headerSize;

    CsvUserRows(Reader reader, CheckedTextReader text, String source, InputLimits limits) throws IOException {
        super(source, limits);
        this.text = text;
        text.limitLineLength();
        this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
        this.records = parser.iterator();
        readHeader();
    }

    private void readHeader() throws IOException {
        CSVRecord header = nextRecord();
        if (header == null) {
            throw new InputFileException(source, 0, "is empty; expected a header line such as 'email,role_public_id'");
        }
        headerSize = header.size();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            String canonical = canonicalColumn(name);
            if (canonical != null) {
                if (columns.putIfAbsent(canonical, i) != null) {
                    throw new InputFileException(source, startLine(header), "the header names the column '" + canonical + "' twice");
                }
            } else if (!name.isEmpty() && !INFORMATIONAL.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                unknown.add(name);
            }
        }
        if (!columns.containsKey("email")) {
            throw new InputFileException(source, startLine(header), "the header has no 'email' column (found: "
                    + String.join(", ", header.toList()) + "); the first line must name the columns, e.g. 'email,role_public_id'");
        }
        if (!unknown.isEmpty()) {
            warnings.add(source + " line " + startLine(header) + ": ignoring unknown column(s) " + String.join(", ", unknown)
                    + " (known: email, role_public_id, role, org_id, user_id)");
        }
    }

    @Override
    protected UserRow readRow() throws IOException {
        while (true) {
            CSVRecord record = nextRecord();
            if (record == null) {
                return null;
            }
            if (record.stream().allMatch(value -> value.isBlank())) {
                continue; // a line of only commas or spaces is a blank line
            }
            int line = startLine(record);
            String problem = null;
            if (record.size() > headerSize) {
                List<String> extra = record.toList().subList(headerSize, record.size());
                if (extra.stream().anyMatch(value -> !value.isBlank())) {
                    problem = "has " + record.size() + " values but the header has " + headerSize
                            + " columns (a value with a comma must be quoted)";
                }
            }
            return new UserRow(line, value(record, "email"), role(record), value(record, "org_id"), value(record, "user_id"), problem);
        }
    }

    private String role(CSVRecord record) {
        String id = value(record, "role_public_id");
        return id != null ? id : value(record, "role");
    }

    /** The cell's value, trimmed, without the apostrophe a failed-rows file puts before a formula character. */
    private String value(CSVRecord record, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? null : emptyToNull(SpreadsheetQuote.unquote(emptyToNull(record.get(index))));
    }

    private CSVRecord nextRecord() throws IOException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw e.getCause() instanceof InputFileException input ? input
                    : new InputFileException(source, text.line(), "is not valid CSV (" + e.getCause().getMessage() + ")");
        } catch (IllegalStateException e) {
            // Commons CSV reports a broken quote this way.
            throw new InputFileException(source, text.line(), "is not valid CSV (" + e.getMessage() + ")");
        }
    }

    /**
     * The parser counts the line a record ends on; a quoted value may span lines, so the start is
     * that count less the line breaks inside the values.
     */
    private int startLine(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            breaks += value.chars().filter(c -> c == '\n').count();
        }
        return (int) (parser.getCurrentLineNumber() - breaks);
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
