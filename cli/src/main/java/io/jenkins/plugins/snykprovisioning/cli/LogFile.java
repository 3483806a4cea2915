package io.jenkins.plugins.snykprovisioning.cli;

import io.jenkins.plugins.snykprovisioning.engine.ProgressListener;
import io.jenkins.plugins.snykprovisioning.engine.Workload;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.OwnerOnlyFiles;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.SummaryTable;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The run's log file, {@code logs/provision_YYYYMMDD_HHMMSS.log}: every user's outcome, every
 * retry, and with {@code --verbose} every HTTP exchange as DEBUG lines. Never the token: the
 * engine's texts are redacted before they get here. Owner-only, like the results: it names every user.
 */
final class LogFile implements ProgressListener, Closeable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final Path path;
    private final PrintWriter out;
    private final boolean verbose;

    LogFile(Path path, boolean verbose) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        this.path = path;
        this.out = new PrintWriter(OwnerOnlyFiles.newWriter(path));
        this.verbose = verbose;
    }

    static Path newPath(Path directory) {
        return directory.resolve("provision_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + ".log");
    }

    Path path() {
        return path;
    }

    synchronized void log(String level, String message) {
        out.println(LocalDateTime.now().format(STAMP) + " - " + level + " - " + message);
        out.flush();
    }

    @Override
    public void started(Workload workload) {
        log("INFO", "Starting " + (workload.dryRun() ? "a dry run of " : "") + workload.mode().id() + " for " + workload.rows()
                + " row(s) from " + workload.source() + ": " + workload.orgs() + " org(s), " + workload.invalidRows()
                + " invalid row(s), " + workload.duplicateRows() + " duplicate row(s), " + workload.resumed() + " already done earlier");
    }

    @Override
    public void notice(String message) {
        log("INFO", message);
    }

    @Override
    public void userDone(UserOutcome outcome, long done, long total) {
        String where = outcome.email() + " in org " + outcome.orgId() + (outcome.line() > 0 ? " (line " + outcome.line() + ")" : "");
        if (outcome.category() == OutcomeCategory.FAILED) {
            log("ERROR", "Failed: " + where + ": " + outcome.message());
        } else {
            String detail = outcome.detail() == null ? "" : ": " + outcome.detail();
            log("INFO", outcome.category().label() + (outcome.dryRun() ? " (dry run)" : "") + ": " + where + detail);
        }
    }

    @Override
    public void retrying(String request, int attempt, String reason, long delayMillis) {
        log("WARNING", request + ": " + reason + "; retry " + attempt + " in " + delayMillis + " ms");
    }

    @Override
    public void exchanged(String request, int status, long millis, int attempt, String failure) {
        if (verbose) {
            log("DEBUG", request + " -> " + (status == 0 ? failure : Integer.toString(status)) + " in " + millis + " ms"
                    + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
        }
    }

    @Override
    public void finished(ProvisioningSummary summary) {
        SummaryTable.lines(summary, OutcomeCategory::label).forEach(line -> log("INFO", line));
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
