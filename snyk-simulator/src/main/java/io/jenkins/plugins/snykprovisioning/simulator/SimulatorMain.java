package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.EmailFilter;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.NextLinkStyle;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar snyk-simulator.jar}: serves the simulator until Ctrl+C. The only line on
 * standard output is the base URL, so scripts can read it; everything else goes to standard error.
 */
@Command(name = "snyk-simulator", sortOptions = false, usageHelpWidth = 120, usageHelpAutoWidth = true,
        showDefaultValues = true,
        description = {
            "Serves a stateful Snyk API (V1 under /v1, REST under /rest) on 127.0.0.1 for tests, demos and "
                    + "benchmarks, with Snyk's rate limits and injectable latency and faults.",
            "Prints the base URL (http://127.0.0.1:PORT) on standard output once listening; Ctrl+C stops it."})
public final class SimulatorMain implements Callable<Integer> {

    private static final SimulatorConfig DEFAULTS = new SimulatorConfig();

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one.")
    private int port;

    @Option(names = "--state", paramLabel = "FILE", description = "State to serve (JSON); default: the demo state below.")
    private Path stateFile;

    @Option(names = "--save-state", paramLabel = "FILE", description = "Write the state here (JSON) when stopping.")
    private Path saveStateFile;

    @Option(names = "--latency-ms", paramLabel = "N|MIN-MAX",
            description = "Delay added to every API request: fixed (50) or uniformly random (20-80).")
    private Latency latency = DEFAULTS.getLatency();

    @Option(names = "--rate-limit-per-minute", paramLabel = "N",
            description = "Requests per token and minute before 429 (Snyk: 1620 REST, 2000 V1); 0 = no limit.")
    private int rateLimitPerMinute = DEFAULTS.getRateLimitPerMinute();

    @Option(names = "--rate-window-ms", paramLabel = "MS",
            description = "Sliding window of the rate limit; it allows max(1, N x MS / 60000) requests.")
    private long rateWindowMillis = DEFAULTS.getRateWindowMillis();

    @Option(names = "--count-rejected", negatable = true, fallbackValue = "true",
            description = "Count refused (429) requests in the window, so only a pause ends the 429s.")
    private boolean countRejected = DEFAULTS.isCountRejectedRequests();

    @Option(names = "--retry-after-seconds", paramLabel = "S",
            description = "Send 'Retry-After: S' with every 429; -1 sends none (like Snyk).")
    private int retryAfterSeconds = DEFAULTS.getRetryAfterSeconds();

    @Option(names = "--rate-limit-reset-header",
            description = "Send X-RateLimit-Reset (seconds until the window admits the token) with rate-limit 429s.")
    private boolean rateLimitResetHeader = DEFAULTS.isRateLimitResetHeader();

    @Option(names = "--existing-user-status", paramLabel = "403|409|400",
            description = "Status of V1 provisioning's 'already exists' and 'already provisioned' answers.")
    private int existingUserStatus = DEFAULTS.getExistingUserStatus();

    @Option(names = "--email-filter", paramLabel = "exact|contains",
            description = "How the REST email filter matches (case-insensitive).")
    private EmailFilter emailFilter = DEFAULTS.getEmailFilter();

    @Option(names = "--next-link-style", paramLabel = "STYLE",
            description = "Form of REST links.next: absolute, relative-with-rest, relative-without-rest or object.")
    private NextLinkStyle nextLinkStyle = DEFAULTS.getNextLinkStyle();

    @Option(names = "--lenient",
            description = "Serve REST requests without checking them against Snyk's OpenAPI spec (by default what Snyk "
                    + "refuses is refused, with Snyk's error document).")
    private boolean lenient = DEFAULTS.isLenient();

    @Option(names = "--validate-responses",
            description = "Check every REST answer against the spec; departures are listed at GET /_simulator/violations.")
    private boolean validateResponses = DEFAULTS.isValidateResponses();

    @Option(names = "--pending-page-size", paramLabel = "N",
            description = "V1 pending provisions per page when perPage is absent, and the largest perPage honoured.")
    private int pendingPageSize = DEFAULTS.getPendingPageSize();

    @Option(names = "--v1-role-updates-gone",
            description = "Answer 410 Gone to V1 role updates, as in an end-of-life brownout.")
    private boolean v1RoleUpdatesGone = DEFAULTS.isV1RoleUpdatesGone();

    @Option(names = "--v1-provisioning-gone", description = "Answer 410 Gone to V1 provisioning.")
    private boolean v1ProvisioningGone = DEFAULTS.isV1ProvisioningGone();

    @Option(names = "--server-error-rate", paramLabel = "P",
            description = "Probability of a 500/502/503/504 instead of handling a request (not applied).")
    private double serverErrorRate = DEFAULTS.getServerErrorRate();

    @Option(names = "--burst-rate", paramLabel = "P",
            description = "Probability that a request starts a burst of 429s for its token (not applied).")
    private double burstRate = DEFAULTS.getBurstRate();

    @Option(names = "--burst-length", paramLabel = "N", description = "Consecutive 429s in a burst.")
    private int burstLength = DEFAULTS.getBurstLength();

    @Option(names = "--reset-rate", paramLabel = "P",
            description = "Probability that a request is applied, then its connection closed without an answer.")
    private double connectionResetRate = DEFAULTS.getConnectionResetRate();

    @Option(names = "--slow-rate", paramLabel = "P",
            description = "Probability that a request is applied and its answer held back --slow-response-ms.")
    private double slowRate = DEFAULTS.getSlowRate();

    @Option(names = "--slow-response-ms", paramLabel = "MS", description = "Delay of a slow answer.")
    private long slowResponseMillis = DEFAULTS.getSlowResponseMillis();

    @Option(names = "--malformed-rate", paramLabel = "P",
            description = "Probability that a request is applied and its JSON body cut short.")
    private double malformedRate = DEFAULTS.getMalformedRate();

    @Option(names = "--echo-token-in-errors",
            description = "Repeat the Authorization header in 4xx error texts, to test clients' redaction.")
    private boolean echoTokenInErrors = DEFAULTS.isEchoTokenInErrors();

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SimulatorMain())
                .registerConverter(Latency.class, Latency::parse)
                .registerConverter(EmailFilter.class, EmailFilter::parse)
                .registerConverter(NextLinkStyle.class, NextLinkStyle::parse);
        commandLine.getCommandSpec().usageMessage().footer(footer());
        return commandLine;
    }

    private static String footer() {
        return String.join(System.lineSeparator(),
                "",
                "Admin endpoints (no token; never delayed, faulted or logged):",
                "  GET  /_simulator/state            the state as JSON, token values hidden",
                "  PUT  /_simulator/state            replace the state (JSON with token values)",
                "  GET  /_simulator/config           the settings above as JSON",
                "  POST /_simulator/config           change some settings, e.g. {\"serverErrorRate\": 0.1}",
                "  GET  /_simulator/requests[?since=N]  the request log (token labels only)",
                "  DELETE /_simulator/requests       clear the request log",
                "  GET  /_simulator/violations       REST requests refused by the spec, answers that departed from it",
                "  POST /_simulator/login?email=E    first SSO login: E's pending provisions become memberships",
                "",
                DemoState.describe(),
                "");
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        SimulatorConfig config;
        SimulatorState state;
        try {
            config = new SimulatorConfig().setLatency(latency).setRateLimitPerMinute(rateLimitPerMinute)
                    .setRateWindowMillis(rateWindowMillis).setCountRejectedRequests(countRejected)
                    .setRetryAfterSeconds(retryAfterSeconds).setRateLimitResetHeader(rateLimitResetHeader)
                    .setExistingUserStatus(existingUserStatus).setEmailFilter(emailFilter)
                    .setNextLinkStyle(nextLinkStyle).setServerErrorRate(serverErrorRate).setBurstRate(burstRate)
                    .setBurstLength(burstLength).setConnectionResetRate(connectionResetRate).setSlowRate(slowRate)
                    .setSlowResponseMillis(slowResponseMillis).setMalformedRate(malformedRate)
                    .setEchoTokenInErrors(echoTokenInErrors).setLenient(lenient).setValidateResponses(validateResponses)
                    .setPendingPageSize(pendingPageSize).setV1RoleUpdatesGone(v1RoleUpdatesGone)
                    .setV1ProvisioningGone(v1ProvisioningGone);
        } catch (IllegalArgumentException e) {
            err.println("Invalid option: " + e.getMessage());
            return 2;
        }
        try {
            state = stateFile == null ? DemoState.create() : SimulatorState.load(stateFile);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        SnykSimulator simulator;
        try {
            simulator = new SnykSimulator(state, config).start(port);
        } catch (UncheckedIOException e) {
            err.println(e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            if (saveStateFile != null) {
                state.save(saveStateFile);
                err.println("State saved to " + saveStateFile);
            }
            err.flush();
        }, "snyk-simulator-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(simulator.baseUrl());
        out.flush();
        err.println("Snyk API simulator listening on " + simulator.baseUrl() + " (state: "
                + (stateFile == null ? "demo" : stateFile) + "); Ctrl+C stops it.");
        err.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
