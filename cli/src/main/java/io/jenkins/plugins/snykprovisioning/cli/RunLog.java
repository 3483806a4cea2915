package io.jenkins.plugins.snykprovisioning.cli;

import io.jenkins.plugins.snykprovisioning.engine.ProgressListener;
import io.jenkins.plugins.snykprovisioning.engine.RunPlan;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.RunSummary;
import io.jenkins.plugins.snykprovisioning.results.SummaryTable;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The run's log file, {@code logs/provision_YYYYMMDD_HHMMSS.log}: every user's outcome, every
 * retry, and with {@code --verbose} every HTTP exchange as DEBUG lines. Never the token: the
 * engine's texts are redacted before they get here.
 */
final class RunLog implements ProgressListener, Closeable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final Path path;
    private final PrintWriter out;
    private final boolean verbose;

    RunLog(Path path, boolean verbose) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        this.path = path;
        this.out = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
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
    public void started(RunPlan plan) {
        log("INFO", "Starting " + (plan.dryRun() ? "a dry run of " : "") + plan.mode().id() + " for " + plan.rows()
                + " row(s) from " + plan.source() + ": " + plan.orgs() + " org(s), " + plan.invalidRows() + " invalid row(s), "
                + plan.duplicateRows() + " duplicate row(s), " + plan.resumed() + " already done earlier");
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
            log("INFO", SummaryTable.label(outcome.category()) + (outcome.dryRun() ? " (dry run)" : "") + ": " + where + detail);
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
    public void finished(RunSummary summary) {
        SummaryTable.lines(summary).forEach(line -> log("INFO", line));
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
