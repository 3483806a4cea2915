package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.snykprovisioning.engine.ProgressPrinter;
import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.input.InputLimits;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.SummaryTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One provisioning run inside a build, the same for the freestyle step and the Pipeline step: reads the
 * users from the workspace, runs the engine in this (the controller's) JVM, prints progress and the
 * summary, archives the results, copies them into the workspace and shows a summary on the build page.
 *
 * <p>An interrupted thread (an aborted build) stops the engine, which records what it finished; the
 * partial results are kept like complete ones, then {@link InterruptedException} ends the build as aborted.
 */
final class BuildProvisioning {

    /** The largest user file read; the engine bounds characters, rows and line lengths too. */
    static final long MAX_USER_FILE_BYTES = InputLimits.DEFAULT.maxChars();

    private final BuildContext build;

    BuildProvisioning(BuildContext build) {
        this.build = build;
    }

    /**
     * The one entry both steps call, in the controller's JVM. Failed users (or, with {@code unstableOnChanges}, a
     * plan with changes) make the build unstable; a run that cannot be done, a plan its limits refuse, or failed users
     * with {@code failOnUserErrors}, fail it with a one-line message.
     */
    static StepResult perform(ProvisioningSettings settings, Run<?, ?> run, FilePath workspace, EnvVars environment,
            Launcher launcher, TaskListener listener) throws IOException, InterruptedException {
        BuildProvisioning provisioning = new BuildProvisioning(new BuildContext(new FilePathWorkspace(workspace),
                new RunCredentials(run, environment), new RunBuildRecord(run, launcher, listener), listener.getLogger(),
                SnykApiDefaults.current()));
        try {
            StepResult result = provisioning.run(ResolvedSettings.of(settings, environment::expand));
            if (result.unstableReason() != null) {
                run.setResult(Result.UNSTABLE);
            }
            return result;
        } catch (ProvisioningException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Does what the settings ask: an export, or a provisioning, sync or offboarding run. */
    StepResult run(ResolvedSettings settings) throws IOException, InterruptedException {
        return settings.export() != null ? new BuildExport(build).export(settings)
                : provision(settings);
    }

    /**
     * @throws ProvisioningException the run could not start, stopped on a fatal error, had failed users
     *     with {@code failOnUserErrors}, or its plan was refused by its limits
     * @throws InterruptedException the build was aborted (the partial results are kept)
     */
    ProvisioningResult provision(ResolvedSettings settings) throws IOException, InterruptedException {
        String token = build.credentials().token(settings.credentialsId());
        ResolvedSettings.Planning planning = settings.planning();
        boolean applying = planning != null && planning.applyPlan() != null;
        // A plan to apply says itself what to do: no users are read.
        UserSource users = applying ? null : settings.usersFile() != null
                ? build.workspace().userFile(settings.usersFile(), MAX_USER_FILE_BYTES)
                : UserSource.ofText(Messages.BuildProvisioning_InlineUsers(), settings.users());
        Path folder = build.record().newOutputFolder();
        // Laid out as in the workspace, so the folder is archived as it is.
        Path results = folder.resolve(settings.resultsFile());
        Path failedRows = folder.resolve(settings.failedCsv());
        BuildPlan plan = planning == null ? null : BuildPlan.prepare(planning, build.workspace(), folder);
        Provisioning provisioning;
        try {
            Provisioning.Builder builder = build.defaults()
                    .configure(Provisioning.builder(), settings.region(), settings.concurrency(), settings.maxRetries())
                    .token(token).users(users).mode(settings.mode()).defaultOrgId(settings.orgId()).groupId(settings.groupId())
                    .defaultRole(settings.defaultRole()).dryRun(settings.dryRun())
                    .resumeFrom(resumeFile(settings, folder)).resultsFile(results).failedRowsCsv(failedRows);
            provisioning = (plan == null ? builder : plan.configure(builder)).build();
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        } catch (IOException e) {
            throw new ProvisioningException(Messages.BuildProvisioning_BadResumeFile(settings.resumeFrom(), e.getMessage()));
        }

        settings.warnings().forEach(warning -> build.log().println(Messages.BuildProvisioning_Warning(warning)));
        build.log().println(Messages.BuildProvisioning_Start(settings.mode().id(),
                applying ? Messages.BuildProvisioning_PlanToApply(planning.applyPlan()) : users.name(), orDash(settings.orgId()),
                orDash(settings.groupId()), provisioning.apiRoot(), settings.dryRun() ? Messages.BuildProvisioning_DryRun()
                        : planning != null && planning.planOnly() ? Messages.BuildProvisioning_PlanOnly() : ""));
        ProvisioningSummary summary = execute(provisioning);
        // The engine leaves the thread interrupted after an abort; copying and archiving need it clear.
        boolean wasAborted = Thread.interrupted() || summary.interrupted();

        // A fatal error ends the build with Jenkins' own "ERROR: ..." line: the table leaves it out, to say it once.
        String endingError = wasAborted ? null : summary.fatalError();
        SummaryTable.lines(summary, category -> OutcomeLabels.of(category, summary.dryRun())).stream()
                .filter(line -> endingError == null || !line.endsWith(endingError))
                .forEach(build.log()::println);
        String planFile = plan == null ? null : plan.keep(build.workspace());
        String failedCsv = keepResults(settings, summary, folder, plan, planFile);
        if (wasAborted) {
            throw buildAborted(Messages.BuildProvisioning_Aborted());
        }
        if (endingError != null) {
            throw new ProvisioningException(endingError);
        }
        BuildPlan.requireHeld(summary);
        if (summary.failed() > 0 && settings.failOnUserErrors()) {
            throw new ProvisioningException(Messages.BuildProvisioning_UsersFailed(summary.failed()));
        }
        return new ProvisioningResult(summary, settings.resultsFile(), failedCsv, planFile,
                planning != null && planning.unstableOnChanges());
    }

    private ProvisioningSummary execute(Provisioning provisioning) throws IOException, InterruptedException {
        try {
            return provisioning.run(new ProgressPrinter(build.log(), false));
        } catch (IOException e) {
            if (Thread.interrupted()) {
                throw buildAborted(Messages.BuildProvisioning_AbortedEarly());
            }
            throw new ProvisioningException(Messages.BuildProvisioning_EngineFailed(e.getMessage()));
        }
    }

    /** Jenkins shows an aborted build as such, without the exception's message: it is printed here. */
    private InterruptedException buildAborted(String message) {
        Thread.interrupted();
        build.log().println(message);
        return new InterruptedException(message);
    }

    /** The earlier run's file, copied from the workspace into this run's folder; null when not resuming. */
    private Path resumeFile(ResolvedSettings settings, Path folder) throws IOException, InterruptedException {
        if (settings.resumeFrom() == null) {
            return null;
        }
        Path copy = folder.resolve("resumed-from-" + fileName(settings.resumeFrom()));
        build.workspace().copyToController(settings.resumeFrom(), MAX_USER_FILE_BYTES, copy);
        return copy;
    }

    /**
     * Archives the results from the controller's copy when asked, copies them into the workspace (where the
     * Pipeline value and the docs promise them), shows the summary on the build, and then removes the run's
     * folder: the build keeps one copy, its artifacts. The failed rows are kept only when some row failed; a file
     * of an earlier run where they would go is removed, so that it is not taken for this run's. A sync or
     * offboarding run's plan ({@code plan}, already in the workspace at {@code planFile}) is archived with them.
     *
     * @return the failed rows' workspace path, or null when no row failed
     */
    private String keepResults(ResolvedSettings settings, ProvisioningSummary summary, Path folder, BuildPlan plan,
            String planFile) throws IOException, InterruptedException {
        String failedCsv = hasRows(folder.resolve(settings.failedCsv())) ? settings.failedCsv() : null;
        if (settings.archiveResults()) {
            Map<String, String> artifacts = new LinkedHashMap<>();
            artifacts.put(settings.resultsFile(), settings.resultsFile());
            if (failedCsv != null) {
                artifacts.put(failedCsv, failedCsv);
            }
            if (plan != null) {
                plan.archiveInto(artifacts);
            }
            build.record().archive(folder, artifacts);
        }
        build.workspace().copyFromController(folder.resolve(settings.resultsFile()), settings.resultsFile());
        if (failedCsv != null) {
            build.workspace().copyFromController(folder.resolve(failedCsv), failedCsv);
        } else {
            build.workspace().delete(settings.failedCsv());
        }
        build.log().println(Messages.BuildProvisioning_Results(settings.resultsFile()));
        build.log().println(failedCsv != null ? Messages.BuildProvisioning_FailedRowsToFix(failedCsv)
                : Messages.BuildProvisioning_NoFailedRows());
        if (planFile != null) {
            build.log().println(Messages.BuildProvisioning_Plan(planFile));
        }
        if (settings.archiveResults()) {
            build.log().println(Messages.BuildProvisioning_Archived());
        }
        build.record().attach(new ProvisioningSummaryAction(summary, settings.resultsFile(), failedCsv, settings.archiveResults(),
                plan == null ? null : plan.view(summary, planFile)));
        deleteRecursively(folder);
        return failedCsv;
    }

    /** True when the CSV file has a row below its header. */
    static boolean hasRows(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return false;
        }
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return reader.readLine() != null && reader.readLine() != null;
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static String fileName(String workspacePath) {
        int slash = Math.max(workspacePath.lastIndexOf('/'), workspacePath.lastIndexOf('\\'));
        return workspacePath.substring(slash + 1);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
