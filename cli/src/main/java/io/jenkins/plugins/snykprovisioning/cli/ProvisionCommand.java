package io.jenkins.plugins.snykprovisioning.cli;

import io.jenkins.plugins.snykprovisioning.engine.Mode;
import io.jenkins.plugins.snykprovisioning.engine.ProgressListener;
import io.jenkins.plugins.snykprovisioning.engine.ProgressPrinter;
import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.input.InputLimits;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.SummaryTable;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code snyk-provision}: every option of the original script, and more. */
@Command(name = "snyk-provision", sortOptions = false, usageHelpAutoWidth = true, versionProvider = ProvisionCommand.ToolVersion.class,
        subcommands = {DemoCommand.class, ExportCommand.class, CommandLine.HelpCommand.class},
        description = {
            "Provisions users to Snyk organizations in bulk from a CSV or JSON file, or one user with --email: "
                + "new users are provisioned, users who already exist are added to the org, and members' roles are corrected. "
                + "With --update-roles it sets the role of existing members instead (Snyk's V1 role-update procedure).",
            "",
            "User files: CSV with a header (email, role_public_id or role, optional org_id and user_id), or a JSON "
                + "array of objects with the same keys. Roles may be public ids or names (names need --group-id).",
            ""},
        footer = {"",
            "Exit codes: 0 every user done; 1 a user failed or the run could not be done; 2 bad usage, or a run refused "
                + "before anything was sent (rows without an org, a token that cannot do the job); "
                + "130 interrupted (Ctrl+C): the results so far are written, run again with --resume to finish.",
            "",
            "Try it without a Snyk tenant: snyk-provision demo"})
public final class ProvisionCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERRUPTED = 130;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--org-id", paramLabel = "ORG_ID", description = "Org for rows without an org_id column.")
    String orgId;

    @Option(names = "--group-id", paramLabel = "GROUP_ID", description = "The orgs' group: needed to add users who already exist "
            + "and to use role names. Recommended always.")
    String groupId;

    static final class Users {
        @Option(names = "--email", paramLabel = "EMAIL", required = true, description = "One user to provision.")
        String email;

        @Option(names = "--file", paramLabel = "FILE", required = true, description = "CSV or JSON file of users.")
        Path file;
    }

    /** One of the two is needed, but not for the subcommands, so it is checked in {@link #call}. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Users users;

    @Option(names = "--role-public-id", paramLabel = "ROLE", description = "Role for --email, and for file rows without a role: "
            + "a role public id, or a role name with --group-id.")
    String role;

    @Option(names = "--user-id", paramLabel = "USER_ID", description = "With --email and --update-roles: the member's user id "
            + "(for service accounts, which Snyk does not list).")
    String userId;

    @Option(names = "--output", paramLabel = "FILE", description = "Results file (JSON, as the original script's). "
            + "Default: logs/provision_<time>_results.json. A journal is kept beside it while running.")
    Path output;

    @Option(names = "--verbose", description = "Log every HTTP request in the log file (DEBUG lines).")
    boolean verbose;

    @Option(names = "--dry-run", description = "Only read from Snyk, and report what would be done to each user.")
    boolean dryRun;

    @Option(names = "--update-roles", description = "Set the role of existing org members instead of provisioning.")
    boolean updateRoles;

    @Option(names = "--resume", paramLabel = "FILE", description = "A results file or journal of an earlier run: "
            + "users it shows done are not sent again, and are carried into this run's results.")
    Path resume;

    @Option(names = "--failed-csv", paramLabel = "FILE", description = "Write failed rows here, as a user file to feed back in.")
    Path failedCsv;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_ROWS, description = "Refuse files with more users (default ${DEFAULT-VALUE}).")
    int maxRows;

    @Mixin
    ApiOptions api;

    @Mixin
    PlanOptions plan;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs", description = "Where log files go (default ${DEFAULT-VALUE}).")
    Path logDirectory;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "-V", versionHelp = true, description = "Print this tool's version (--version is the REST API's, "
            + "as in the original script).")
    boolean printVersion;

    /** The version in the jar's manifest ({@code Implementation-Version}). */
    static final class ToolVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ProvisionCommand.class.getPackage().getImplementationVersion();
            return new String[] {"snyk-provision " + (version != null ? version : "(version unknown: not run from its jar)")};
        }
    }

    private final CliEnvironment environment;

    public ProvisionCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        Path logPath = LogFile.newPath(logDirectory);
        Path results = output != null ? output : logDirectory.resolve(logPath.getFileName().toString().replace(".log", "_results.json"));
        requireFile("--resume", resume);
        requireFile("--apply", plan.applyPlan);
        Provisioning provisioning;
        try {
            Provisioning.Builder builder = api.builder(spec.commandLine(), environment)
                    .defaultOrgId(orgId).groupId(groupId).defaultRole(role).dryRun(dryRun).maxRows(maxRows)
                    .resumeFrom(resume).resultsFile(results).failedRowsCsv(failedCsv);
            plan.check(spec.commandLine().getParseResult());
            if (plan.planned()) {
                if (updateRoles) {
                    throw new IllegalArgumentException("--update-roles is a run of its own: give it without --sync, --offboard or --apply");
                }
                String planName = logPath.getFileName().toString().replace("provision_", "plan_").replace(".log", ".json");
                plan.configure(builder, logPath.resolveSibling(planName));
                if (plan.applyPlan == null) {
                    builder.users(userSource());
                }
            } else {
                builder.users(userSource()).mode(updateRoles ? Mode.UPDATE_ROLES : Mode.PROVISION);
            }
            provisioning = builder.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream out = environment.out();
        try (LogFile log = new LogFile(logPath, verbose)) {
            log.log("INFO", api.describe(provisioning.apiRoot()));
            return environment.interruptible(provisioning::cancel, () -> {
                ProvisioningSummary summary = provisioning.run(ProgressListener.all(log, new ProgressPrinter(out, environment.terminal())));
                SummaryTable.lines(summary, OutcomeCategory::label).forEach(out::println);
                PlanReport report = summary.plan();
                if (report != null && report.planFile() != null) {
                    out.println("Plan:        " + report.planFile().toAbsolutePath() + (report.applied() || report.refused() ? ""
                            : " (review it, then apply it with --apply " + report.planFile() + ")"));
                }
                out.println("Results:     " + results.toAbsolutePath());
                out.println("Journal:     " + provisioning.outputs().journalFile().toAbsolutePath());
                if (failedCsv != null) {
                    out.println("Failed rows: " + failedCsv.toAbsolutePath() + (summary.failed() > 0 ? " (fix and run again with --file)" : ""));
                }
                out.println("Log:         " + log.path().toAbsolutePath());
                return exitCode(summary);
            });
        }
    }

    static int exitCode(ProvisioningSummary summary) {
        if (summary.interrupted()) {
            return EXIT_INTERRUPTED;
        }
        if (summary.refused()) {
            return EXIT_USAGE;
        }
        return summary.allSucceeded() ? EXIT_OK : EXIT_FAILED;
    }

    /** Bad usage unless {@code path} (when given) is a file. */
    private void requireFile(String option, Path path) {
        if (path == null || Files.isRegularFile(path)) {
            return;
        }
        throw new CommandLine.ParameterException(spec.commandLine(), option + " " + path
                + (Files.isDirectory(path) ? ": is a directory, not a file" : ": no such file"));
    }

    private UserSource userSource() {
        if (users == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give the users: --file FILE or --email EMAIL");
        }
        if (users.file != null) {
            requireFile("--file", users.file);
            return UserSource.ofPath(users.file);
        }
        if (role == null && !updateRoles) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--role-public-id is required with --email");
        }
        if (orgId == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--org-id is required with --email");
        }
        return UserSource.ofUser("--email " + users.email, users.email, userId);
    }
}
