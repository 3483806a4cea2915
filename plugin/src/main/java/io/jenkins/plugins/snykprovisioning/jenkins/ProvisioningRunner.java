package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.engine.ProgressPrinter;
import io.jenkins.plugins.snykprovisioning.engine.ProvisioningRun;
import io.jenkins.plugins.snykprovisioning.engine.RunOutputs;
import io.jenkins.plugins.snykprovisioning.engine.RunRequest;
import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import io.jenkins.plugins.snykprovisioning.http.CancelledException;
import io.jenkins.plugins.snykprovisioning.input.InputLimits;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.results.PreviousRun;
import io.jenkins.plugins.snykprovisioning.results.RunSummary;
import io.jenkins.plugins.snykprovisioning.results.SummaryTable;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiBase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One provisioning run inside a build, the same for the freestyle step and the Pipeline step: reads the
 * users from the workspace, runs the engine in this (the controller's) JVM, prints progress and the
 * summary, copies the results into the workspace, archives them and shows a summary on the build page.
 *
 * <p>An interrupted thread (an aborted build) stops the engine, which records what it finished; the
 * partial results are kept like complete ones, then {@link InterruptedException} ends the build as aborted.
 */
final class ProvisioningRunner {

    /** The largest user file read; the engine bounds characters, rows and line lengths too. */
    static final long MAX_USER_FILE_BYTES = InputLimits.DEFAULT.maxChars();

    private final BuildWorkspace workspace;
    private final SnykCredentials credentials;
    private final BuildRecord record;
    private final PrintStream log;
    private final SnykApiDefaults defaults;

    ProvisioningRunner(BuildWorkspace workspace, SnykCredentials credentials, BuildRecord record, PrintStream log,
            SnykApiDefaults defaults) {
        this.workspace = workspace;
        this.credentials = credentials;
        this.record = record;
        this.log = log;
        this.defaults = defaults;
    }

    /**
     * @throws ProvisioningException the run could not start, stopped on a fatal error, or had failed users
     *     with {@code failOnUserErrors}
     * @throws InterruptedException the build was aborted (the partial results are kept)
     */
    ProvisioningResult run(ResolvedSettings settings) throws IOException, InterruptedException {
        SnykApiBase api;
        try {
            api = defaults.apiBase(settings.region());
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        }
        String token = credentials.token(settings.credentialsId());
        UserSource users = settings.usersFile() != null
                ? workspace.userFile(settings.usersFile(), MAX_USER_FILE_BYTES)
                : UserSource.ofText(Messages.ProvisioningRunner_InlineUsers(), settings.users());
        Path folder = record.newOutputFolder();
        PreviousRun previous = previousRun(settings, folder);
        Path results = folder.resolve(fileName(settings.resultsFile()));
        Path failedRows = folder.resolve(fileName(settings.failedCsv()));
        RunRequest request = new RunRequest(users, settings.mode(), settings.orgId(), settings.groupId(),
                settings.defaultRole(), settings.dryRun(), InputLimits.DEFAULT, previous,
                RunOutputs.beside(results, failedRows));

        settings.warnings().forEach(warning -> log.println(Messages.ProvisioningRunner_Warning(warning)));
        log.println(Messages.ProvisioningRunner_Start(settings.mode().id(), users.name(), orDash(settings.orgId()),
                orDash(settings.groupId()), api, settings.dryRun() ? Messages.ProvisioningRunner_DryRun() : ""));
        RunSummary summary = execute(request, api, token, settings);
        // The engine leaves the thread interrupted after an abort; copying and archiving need it clear.
        boolean wasAborted = Thread.interrupted() || summary.interrupted();

        SummaryTable.lines(summary).forEach(log::println);
        keepResults(settings, summary, results, failedRows);
        if (wasAborted) {
            throw buildAborted(Messages.ProvisioningRunner_Aborted());
        }
        if (summary.fatalError() != null) {
            throw new ProvisioningException(summary.fatalError());
        }
        if (summary.failed() > 0 && settings.failOnUserErrors()) {
            throw new ProvisioningException(Messages.ProvisioningRunner_UsersFailed(summary.failed()));
        }
        return new ProvisioningResult(summary, settings.resultsFile(), settings.failedCsv());
    }

    private RunSummary execute(RunRequest request, SnykApiBase api, String token, ResolvedSettings settings)
            throws IOException, InterruptedException {
        try (SnykApi client = new SnykApi(api, SnykApi.DEFAULT_REST_VERSION,
                new ApiTransport(token, defaults.transport(settings.concurrency(), settings.maxRetries())))) {
            return new ProvisioningRun(request, client, new ProgressPrinter(log, false)).execute();
        } catch (CancelledException e) {
            // Aborted while the group's roles were read, before any user was started.
            throw buildAborted(Messages.ProvisioningRunner_AbortedEarly());
        } catch (IOException e) {
            if (Thread.interrupted()) {
                throw buildAborted(Messages.ProvisioningRunner_AbortedEarly());
            }
            throw new ProvisioningException(Messages.ProvisioningRunner_EngineFailed(e.getMessage()));
        }
    }

    /** Jenkins shows an aborted build as such, without the exception's message: it is printed here. */
    private InterruptedException buildAborted(String message) {
        Thread.interrupted();
        log.println(message);
        return new InterruptedException(message);
    }

    private PreviousRun previousRun(ResolvedSettings settings, Path folder) throws IOException, InterruptedException {
        if (settings.resumeFrom() == null) {
            return PreviousRun.none();
        }
        Path copy = folder.resolve("resumed-from-" + fileName(settings.resumeFrom()));
        workspace.copyToController(settings.resumeFrom(), MAX_USER_FILE_BYTES, copy);
        try {
            return PreviousRun.load(copy);
        } catch (IOException e) {
            throw new ProvisioningException(Messages.ProvisioningRunner_BadResumeFile(settings.resumeFrom(), e.getMessage()));
        }
    }

    /** Copies the results into the workspace, archives them when asked, and shows the summary on the build. */
    private void keepResults(ResolvedSettings settings, RunSummary summary, Path results, Path failedRows)
            throws IOException, InterruptedException {
        workspace.copyFromController(results, settings.resultsFile());
        workspace.copyFromController(failedRows, settings.failedCsv());
        log.println(Messages.ProvisioningRunner_Results(settings.resultsFile()));
        log.println(summary.failed() > 0 ? Messages.ProvisioningRunner_FailedRowsToFix(settings.failedCsv())
                : Messages.ProvisioningRunner_FailedRows(settings.failedCsv()));
        if (settings.archiveResults()) {
            Map<String, String> artifacts = new LinkedHashMap<>();
            artifacts.put(settings.resultsFile(), settings.resultsFile());
            artifacts.put(settings.failedCsv(), settings.failedCsv());
            workspace.archive(artifacts);
            log.println(Messages.ProvisioningRunner_Archived());
        }
        record.attach(new ProvisioningSummaryAction(summary, failedUsers(failedRows), settings.resultsFile(),
                settings.failedCsv(), settings.archiveResults()));
    }

    /** The first failed users from the failed rows' file (email, role, org, user id, line, error). */
    private static List<ProvisioningSummaryAction.FailedUser> failedUsers(Path failedRows) throws IOException {
        List<ProvisioningSummaryAction.FailedUser> failed = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(failedRows, StandardCharsets.UTF_8);
                CSVParser rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : rows) {
                if (failed.size() == ProvisioningSummaryAction.MAX_FAILED_USERS) {
                    break;
                }
                String line = row.get("line");
                failed.add(new ProvisioningSummaryAction.FailedUser(row.get("email"), row.get("org_id"),
                        line == null || line.isBlank() ? 0 : Integer.parseInt(line), row.get("error")));
            }
        }
        return failed;
    }

    private static String fileName(String workspacePath) {
        int slash = Math.max(workspacePath.lastIndexOf('/'), workspacePath.lastIndexOf('\\'));
        return workspacePath.substring(slash + 1);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
