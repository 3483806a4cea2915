package io.jenkins.plugins.snykprovisioning.cli;

import io.jenkins.plugins.snykprovisioning.engine.Mode;
import io.jenkins.plugins.snykprovisioning.engine.ProgressListener;
import io.jenkins.plugins.snykprovisioning.engine.ProgressPrinter;
import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import io.jenkins.plugins.snykprovisioning.input.InputLimits;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.SummaryTable;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code snyk-provision}: every option of the original script, and more. */
@Command(name = "snyk-provision", sortOptions = false, usageHelpAutoWidth = true, versionProvider = ProvisionCommand.ToolVersion.class,
        subcommands = {DemoCommand.class, CommandLine.HelpCommand.class},
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

    @Option(names = "--token", paramLabel = "TOKEN", description = "Snyk API token of a person (not a service account). "
            + "Default: environment variable SNYK_TOKEN, else PERSONAL_SNYK_TOKEN (safer than this option, which other users may see in the process list).")
    String token;

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

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "SNYK-US-01",
            description = "SNYK-US-01 (default), SNYK-US-02, SNYK-EU-01 or SNYK-AU-01.")
    String region;

    @Option(names = "--version", paramLabel = "DATE", defaultValue = SnykApi.DEFAULT_REST_VERSION,
            description = "REST API version (default ${DEFAULT-VALUE}).")
    String restVersion;

    @Option(names = "--output", paramLabel = "FILE", description = "Results file (JSON, as the original script's). "
            + "Default: logs/provision_<time>_results.json. A journal is kept beside it while running.")
    Path output;

    @Option(names = "--verbose", description = "Log every HTTP request in the log file (DEBUG lines).")
    boolean verbose;

    @Option(names = "--api-url", paramLabel = "URL", description = "API base URL instead of the region's, for private Snyk "
            + "instances or a rehearsal against the simulator (https, or http on loopback).")
    String apiUrl;

    @Option(names = "--dry-run", description = "Only read from Snyk, and report what would be done to each user.")
    boolean dryRun;

    @Option(names = "--update-roles", description = "Set the role of existing org members instead of provisioning.")
    boolean updateRoles;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + TransportSettings.DEFAULT_CONCURRENCY,
            description = "Requests in flight at once (default ${DEFAULT-VALUE}, as Snyk advises).")
    int concurrency;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "" + TransportSettings.DEFAULT_MAX_RETRIES,
            description = "Retries of a request after 429, 5xx, timeouts and resets (default ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--rate-limit", paramLabel = "PER_MINUTE", defaultValue = "" + TransportSettings.DEFAULT_RATE_LIMIT_PER_MINUTE,
            description = "Requests per minute for the token (default ${DEFAULT-VALUE}, under Snyk's 1,620 REST and 2,000 V1; 0: no limit).")
    int rateLimit;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + TransportSettings.DEFAULT_RESPONSE_TIMEOUT_SECONDS, description = "Time to wait for an answer (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--resume", paramLabel = "FILE", description = "A results file or journal of an earlier run: "
            + "users it shows done are not sent again, and are carried into this run's results.")
    Path resume;

    @Option(names = "--failed-csv", paramLabel = "FILE", description = "Write failed rows here, as a user file to feed back in.")
    Path failedCsv;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + InputLimits.DEFAULT_MAX_ROWS, description = "Refuse files with more users (default ${DEFAULT-VALUE}).")
    int maxRows;

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
        Provisioning provisioning;
        try {
            provisioning = Provisioning.builder().region(region).apiUrl(apiUrl).restVersion(restVersion).token(resolveToken())
                    .concurrency(concurrency).rateLimitPerMinute(rateLimit).maxRetries(maxRetries)
                    .timeouts(Duration.ofSeconds(TransportSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS), Duration.ofSeconds(timeoutSeconds))
                    .users(userSource()).mode(updateRoles ? Mode.UPDATE_ROLES : Mode.PROVISION)
                    .defaultOrgId(orgId).groupId(groupId).defaultRole(role).dryRun(dryRun).maxRows(maxRows)
                    .resumeFrom(resume).resultsFile(results).failedRowsCsv(failedCsv)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream out = environment.out();
        try (LogFile log = new LogFile(logPath, verbose)) {
            log.log("INFO", "Snyk API at " + provisioning.apiRoot() + ", concurrency " + concurrency + ", rate limit "
                    + (rateLimit == 0 ? "none" : rateLimit + "/min") + ", up to " + maxRetries + " retries");
            return environment.interruptible(provisioning::cancel, () -> {
                ProvisioningSummary summary = provisioning.run(ProgressListener.all(log, new ProgressPrinter(out, environment.terminal())));
                SummaryTable.lines(summary, OutcomeCategory::label).forEach(out::println);
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

    private String resolveToken() {
        String value = token;
        for (String variable : new String[] {"SNYK_TOKEN", "PERSONAL_SNYK_TOKEN"}) {
            if (value == null || value.isBlank()) {
                value = environment.variable(variable);
            }
        }
        if (value == null || value.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "No Snyk API token: set SNYK_TOKEN (or PERSONAL_SNYK_TOKEN), or pass --token");
        }
        return value.trim();
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
