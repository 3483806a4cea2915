package io.jenkins.plugins.snykprovisioning.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * How the simulator behaves: latency, rate limits, fault rates and the choices the Snyk
 * documentation leaves open. Every setting can change while the simulator runs (each request reads
 * the current values); setters return this for chaining. The JSON form (the admin endpoint
 * {@code /_simulator/config}) uses the property names of the getters.
 */
public final class SimulatorConfig {

    /** How the REST {@code email} filter matches; Snyk does not say, so clients must post-filter. */
    public enum EmailFilter {
        EXACT,
        CONTAINS;

        @JsonCreator
        public static EmailFilter parse(String text) {
            return parseEnum(EmailFilter.class, text);
        }
    }

    /**
     * The form of REST {@code links.next}; all forms repeat the request's parameters. Snyk
     * documents {@code /orgs/...} (the default); the others rehearse clients against variations.
     */
    public enum NextLinkStyle {
        /** {@code http://127.0.0.1:PORT/rest/orgs/...} */
        ABSOLUTE,
        /** {@code /rest/orgs/...} */
        RELATIVE_WITH_REST,
        /** {@code /orgs/...}, as Snyk documents it */
        RELATIVE_WITHOUT_REST,
        /** {@code {"href": "/rest/orgs/..."}} */
        OBJECT;

        @JsonCreator
        public static NextLinkStyle parse(String text) {
            return parseEnum(NextLinkStyle.class, text);
        }
    }

    private volatile Latency latency = Latency.NONE;
    private volatile int rateLimitPerMinute;
    private volatile long rateWindowMillis = 60_000;
    private volatile boolean countRejectedRequests = true;
    private volatile int retryAfterSeconds = -1;
    private volatile boolean rateLimitResetHeader;
    private volatile int existingUserStatus = 403;
    private volatile EmailFilter emailFilter = EmailFilter.CONTAINS;
    private volatile NextLinkStyle nextLinkStyle = NextLinkStyle.RELATIVE_WITHOUT_REST;
    private volatile boolean lenient;
    private volatile boolean validateResponses;
    private volatile int pendingPageSize = 100;
    private volatile boolean v1RoleUpdatesGone;
    private volatile boolean v1ProvisioningGone;
    private volatile double serverErrorRate;
    private volatile double burstRate;
    private volatile int burstLength = 3;
    private volatile double connectionResetRate;
    private volatile double slowRate;
    private volatile long slowResponseMillis = 35_000;
    private volatile double malformedRate;
    private volatile boolean echoTokenInErrors;
    private final PlannedFaults plannedFaults = new PlannedFaults();

    public Latency getLatency() {
        return latency;
    }

    @Option(names = "--latency-ms", paramLabel = "N|MIN-MAX",
            description = "Delay added to every API request: fixed (50) or uniformly random (20-80).")
    public SimulatorConfig setLatency(Latency latency) {
        this.latency = latency;
        return this;
    }

    /** Requests allowed per token and minute; 0 means no limit. */
    public int getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    @Option(names = "--rate-limit-per-minute", paramLabel = "N",
            description = "Requests per token and minute before 429 (Snyk: 1620 REST, 2000 V1); 0 = no limit.")
    public SimulatorConfig setRateLimitPerMinute(int rateLimitPerMinute) {
        this.rateLimitPerMinute = requireAtLeast("rateLimitPerMinute", rateLimitPerMinute, 0);
        return this;
    }

    /**
     * The sliding window of the rate limit; a window allows
     * {@code max(1, rateLimitPerMinute * rateWindowMillis / 60000)} requests.
     */
    public long getRateWindowMillis() {
        return rateWindowMillis;
    }

    @Option(names = "--rate-window-ms", paramLabel = "MS",
            description = "Sliding window of the rate limit; it allows max(1, N x MS / 60000) requests.")
    public SimulatorConfig setRateWindowMillis(long rateWindowMillis) {
        this.rateWindowMillis = requireAtLeast("rateWindowMillis", rateWindowMillis, 1);
        return this;
    }

    /**
     * Whether refused (429) requests count in the window, so a client that keeps calling keeps
     * getting 429 until it pauses for a whole window, as Snyk describes. Default true.
     */
    public boolean isCountRejectedRequests() {
        return countRejectedRequests;
    }

    @Option(names = "--count-rejected", negatable = true, fallbackValue = "true",
            description = "Count refused (429) requests in the window, so only a pause ends the 429s.")
    public SimulatorConfig setCountRejectedRequests(boolean countRejectedRequests) {
        this.countRejectedRequests = countRejectedRequests;
        return this;
    }

    /**
     * The {@code Retry-After} value sent with every 429 (rate limit, bursts, the group-members
     * limit); -1 (default, like Snyk) sends none. A fixed hint: it may be shorter than the real wait.
     */
    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Option(names = "--retry-after-seconds", paramLabel = "S",
            description = "Send 'Retry-After: S' with every 429; -1 sends none (like Snyk).")
    public SimulatorConfig setRetryAfterSeconds(int retryAfterSeconds) {
        this.retryAfterSeconds = requireAtLeast("retryAfterSeconds", retryAfterSeconds, -1);
        return this;
    }

    /** Whether rate-limit 429s carry {@code X-RateLimit-Reset}: seconds until the window admits the token. */
    public boolean isRateLimitResetHeader() {
        return rateLimitResetHeader;
    }

    @Option(names = "--rate-limit-reset-header",
            description = "Send X-RateLimit-Reset (seconds until the window admits the token) with rate-limit 429s.")
    public SimulatorConfig setRateLimitResetHeader(boolean rateLimitResetHeader) {
        this.rateLimitResetHeader = rateLimitResetHeader;
        return this;
    }

    /** The status of "already exists"/"already provisioned" answers to V1 provisioning: 403, 409 or 400. */
    public int getExistingUserStatus() {
        return existingUserStatus;
    }

    @Option(names = "--existing-user-status", paramLabel = "403|409|400",
            description = "Status of V1 provisioning's 'already exists' and 'already provisioned' answers.")
    public SimulatorConfig setExistingUserStatus(int existingUserStatus) {
        if (existingUserStatus != 403 && existingUserStatus != 409 && existingUserStatus != 400) {
            throw new IllegalArgumentException("existingUserStatus must be 403, 409 or 400, not " + existingUserStatus);
        }
        this.existingUserStatus = existingUserStatus;
        return this;
    }

    public EmailFilter getEmailFilter() {
        return emailFilter;
    }

    @Option(names = "--email-filter", paramLabel = "exact|contains",
            description = "How the REST email filter matches (case-insensitive).")
    public SimulatorConfig setEmailFilter(EmailFilter emailFilter) {
        this.emailFilter = emailFilter;
        return this;
    }

    public NextLinkStyle getNextLinkStyle() {
        return nextLinkStyle;
    }

    @Option(names = "--next-link-style", paramLabel = "STYLE",
            description = "Form of REST links.next: absolute, relative-with-rest, relative-without-rest or object.")
    public SimulatorConfig setNextLinkStyle(NextLinkStyle nextLinkStyle) {
        this.nextLinkStyle = nextLinkStyle;
        return this;
    }

    /**
     * Whether REST requests are served without being checked against Snyk's spec (path ids,
     * parameters, {@code version}, content type, body). Default false: what Snyk refuses, the
     * simulator refuses, with Snyk's error document.
     */
    public boolean isLenient() {
        return lenient;
    }

    @Option(names = "--lenient",
            description = "Serve REST requests without checking them against Snyk's OpenAPI spec (by default what Snyk "
                    + "refuses is refused, with Snyk's error document).")
    public SimulatorConfig setLenient(boolean lenient) {
        this.lenient = lenient;
        return this;
    }

    /**
     * Whether every REST answer is checked against the spec (status, declared headers, body); what
     * does not conform is recorded in {@link SnykSimulator#contractViolations()}. Off by default, to
     * keep benchmarks fast; tests turn it on.
     */
    public boolean isValidateResponses() {
        return validateResponses;
    }

    @Option(names = "--validate-responses",
            description = "Check every REST answer against the spec; departures are listed at GET /_simulator/violations.")
    public SimulatorConfig setValidateResponses(boolean validateResponses) {
        this.validateResponses = validateResponses;
        return this;
    }

    /**
     * The page size of V1 pending provisions when {@code perPage} is absent, and the largest
     * {@code perPage} honoured (Snyk documents neither). Default 100.
     */
    public int getPendingPageSize() {
        return pendingPageSize;
    }

    @Option(names = "--pending-page-size", paramLabel = "N",
            description = "V1 pending provisions per page when perPage is absent, and the largest perPage honoured.")
    public SimulatorConfig setPendingPageSize(int pendingPageSize) {
        this.pendingPageSize = requireAtLeast("pendingPageSize", pendingPageSize, 1);
        return this;
    }

    /** Whether V1 role updates ({@code PUT /org/{orgId}/members/update/{userId}}) answer 410 Gone, as in an end-of-life brownout. */
    public boolean isV1RoleUpdatesGone() {
        return v1RoleUpdatesGone;
    }

    @Option(names = "--v1-role-updates-gone",
            description = "Answer 410 Gone to V1 role updates, as in an end-of-life brownout.")
    public SimulatorConfig setV1RoleUpdatesGone(boolean v1RoleUpdatesGone) {
        this.v1RoleUpdatesGone = v1RoleUpdatesGone;
        return this;
    }

    /** Whether V1 provisioning ({@code POST /org/{orgId}/provision}) answers 410 Gone. */
    public boolean isV1ProvisioningGone() {
        return v1ProvisioningGone;
    }

    @Option(names = "--v1-provisioning-gone", description = "Answer 410 Gone to V1 provisioning.")
    public SimulatorConfig setV1ProvisioningGone(boolean v1ProvisioningGone) {
        this.v1ProvisioningGone = v1ProvisioningGone;
        return this;
    }

    /** Probability of a 500/502/503/504 instead of handling the request. */
    public double getServerErrorRate() {
        return serverErrorRate;
    }

    @Option(names = "--server-error-rate", paramLabel = "P",
            description = "Probability of a 500/502/503/504 instead of handling a request (not applied).")
    public SimulatorConfig setServerErrorRate(double serverErrorRate) {
        this.serverErrorRate = requireProbability("serverErrorRate", serverErrorRate);
        return this;
    }

    /** Probability that a request starts a burst of {@link #getBurstLength()} 429s for its token. */
    public double getBurstRate() {
        return burstRate;
    }

    @Option(names = "--burst-rate", paramLabel = "P",
            description = "Probability that a request starts a burst of 429s for its token (not applied).")
    public SimulatorConfig setBurstRate(double burstRate) {
        this.burstRate = requireProbability("burstRate", burstRate);
        return this;
    }

    public int getBurstLength() {
        return burstLength;
    }

    @Option(names = "--burst-length", paramLabel = "N", description = "Consecutive 429s in a burst.")
    public SimulatorConfig setBurstLength(int burstLength) {
        this.burstLength = requireAtLeast("burstLength", burstLength, 1);
        return this;
    }

    /** Probability that a handled request's connection is closed instead of answered. */
    public double getConnectionResetRate() {
        return connectionResetRate;
    }

    @Option(names = "--reset-rate", paramLabel = "P",
            description = "Probability that a request is applied, then its connection closed without an answer.")
    public SimulatorConfig setConnectionResetRate(double connectionResetRate) {
        this.connectionResetRate = requireProbability("connectionResetRate", connectionResetRate);
        return this;
    }

    /** Probability that a handled request's answer waits {@link #getSlowResponseMillis()}. */
    public double getSlowRate() {
        return slowRate;
    }

    @Option(names = "--slow-rate", paramLabel = "P",
            description = "Probability that a request is applied and its answer held back --slow-response-ms.")
    public SimulatorConfig setSlowRate(double slowRate) {
        this.slowRate = requireProbability("slowRate", slowRate);
        return this;
    }

    /** Default 35 s: past the 30 s timeout of the reference script. */
    public long getSlowResponseMillis() {
        return slowResponseMillis;
    }

    @Option(names = "--slow-response-ms", paramLabel = "MS", description = "Delay of a slow answer.")
    public SimulatorConfig setSlowResponseMillis(long slowResponseMillis) {
        this.slowResponseMillis = requireAtLeast("slowResponseMillis", slowResponseMillis, 0);
        return this;
    }

    /** Probability that a handled request's body is replaced by truncated JSON. */
    public double getMalformedRate() {
        return malformedRate;
    }

    @Option(names = "--malformed-rate", paramLabel = "P",
            description = "Probability that a request is applied and its JSON body cut short.")
    public SimulatorConfig setMalformedRate(double malformedRate) {
        this.malformedRate = requireProbability("malformedRate", malformedRate);
        return this;
    }

    /** Whether 4xx error texts repeat the Authorization header, so clients' redaction can be tested. */
    public boolean isEchoTokenInErrors() {
        return echoTokenInErrors;
    }

    @Option(names = "--echo-token-in-errors",
            description = "Repeat the Authorization header in 4xx error texts, to test clients' redaction.")
    public SimulatorConfig setEchoTokenInErrors(boolean echoTokenInErrors) {
        this.echoTokenInErrors = echoTokenInErrors;
        return this;
    }

    /** Accepts any case, with '-' for '_': {@code relative-with-rest}. */
    static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + Arrays.toString(
                type.getEnumConstants()).toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static double requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability between 0 and 1, not " + value);
        }
        return value;
    }

    private static int requireAtLeast(String name, int value, int minimum) {
        return (int) requireAtLeast(name, (long) value, minimum);
    }

    private static long requireAtLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
        }
        return value;
    }

    /**
     * Makes the next {@code times} requests with this method and a path starting with
     * {@code pathPrefix} suffer {@code fault}, for sure (the rates above stay random).
     */
    public SimulatorConfig planFault(String method, String pathPrefix, Fault fault, int times) {
        plannedFaults.add(method, pathPrefix, fault, times);
        return this;
    }

    public SimulatorConfig clearPlannedFaults() {
        plannedFaults.clear();
        return this;
    }

    PlannedFaults plannedFaults() {
        return plannedFaults;
    }
}
