package io.jenkins.plugins.snykprovisioning.results;

import io.jenkins.plugins.snykprovisioning.input.SpreadsheetQuote;
import io.jenkins.plugins.snykprovisioning.snyk.SnykIds;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Failed rows as a user file that can be fed straight back in: the user columns with the role and
 * org each row ended up with (defaults applied), then the line and error for the reader, which the
 * input reader accepts and ignores. A role is written under {@code role_public_id} when it is an id
 * (a UUID) and under {@code role} when it is a name, as a user file would give it; the reader takes
 * either. Cells a spreadsheet would run as formulas are quoted ({@link SpreadsheetQuote}). Written as
 * failures happen.
 */
public final class FailedRowsCsv implements Closeable {

    static final String[] HEADER = {"email", "role_public_id", "role", "org_id", "user_id", "line", "error"};

    private final CSVPrinter printer;

    private FailedRowsCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    public static FailedRowsCsv create(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get()
                .print(OwnerOnlyFiles.newWriter(path));
        printer.flush();
        return new FailedRowsCsv(printer);
    }

    public synchronized void record(UserOutcome outcome) throws IOException {
        if (outcome.failure() == null) {
            return;
        }
        UserOutcome.Subject subject = outcome.subject();
        boolean roleId = SnykIds.isUuid(subject.role());
        printer.printRecord(Stream.of(subject.email(), roleId ? subject.role() : null, roleId ? null : subject.role(),
                subject.orgId(), subject.userId(), subject.line() > 0 ? Integer.toString(subject.line()) : null,
                outcome.failure().message()).map(SpreadsheetQuote::quote).toArray());
        printer.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        printer.close();
    }
}
