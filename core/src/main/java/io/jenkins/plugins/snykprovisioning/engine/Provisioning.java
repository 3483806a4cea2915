package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import io.jenkins.plugins.snykprovisioning.http.ExchangeListener;
import io.jenkins.plugins.snykprovisioning.http.ProxySettings;
import io.jenkins.plugins.snykprovisioning.http.RetryPolicy;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import io.jenkins.plugins.snykprovisioning.input.InputLimits;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.plan.PlanFile;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import io.jenkins.plugins.snykprovisioning.results.PreviousRun;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiUrl;
import io.jenkins.plugins.snykprovisioning.snyk.SnykIds;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.SnykIds;
import io.jenkins.plugins.snykprovisioning.snyk.SnykRegion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The engine's front door, the same for the CLI, the Jenkins steps and the benchmark: say where the
 * API is, the token, how to send requests, which users and what to do with them, and where the
 * results go; {@link Builder#build()} checks it all, then {@link #run} does the work once, telling a
 * {@link ProgressListener} as it goes. Before its first write a run asks Snyk whether the token may do
 * the job ({@link TokenCheck}), and is refused when it may not.
 *
 * <pre>{@code
 * ProvisioningSummary summary = Provisioning.builder().region("SNYK-EU-01").token(token)
 *         .users(UserSource.ofPath(file)).defaultOrgId(org).groupId(group)
 *         .resultsFile(Path.of("results.json")).build()
 *         .run(new ProgressPrinter(System.out, false));
 * }</pre>
 */
public final class Provisioning {

    /** How long users already on the wire may finish after an interruption before their requests are cut. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    /** A plan older than this is not applied: the orgs have likely moved on. */
    public static final Duration DEFAULT_MAX_PLAN_AGE = Duration.ofHours(24);

    private final Builder settings;
    private final SnykApiUrl api;
    private final ProvisioningRequest request;
    private final TransportSettings transport;
    private final Object lock = new Object();
    private Engine engine;
    private boolean cancelled;
    private boolean started;

    private Provisioning(Builder settings, SnykApiUrl api, ProvisioningRequest request, TransportSettings transport) {
        this.settings = settings;
        this.api = api;
        this.request = request;
        this.transport = transport;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The API this run talks to, for logs. */
    public String apiRoot() {
        return api.toString();
    }

    /** Where the results, the journal and the failed rows go. */
    public OutputFiles outputs() {
        return request.outputs();
    }

    /**
     * Does the work: every row of the file ends in exactly one outcome, journaled as it happens; the
     * results file is written at the end, also after an interruption or a fatal error (which the summary
     * reports). Only a failure to write the outputs throws.
     */
    public ProvisioningSummary run(ProgressListener listener) throws IOException {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("A provisioning runs once; build another");
            }
            started = true;
        }
        listener = listener == null ? ProgressListener.NONE : listener;
        try (ApiTransport http = new ApiTransport(settings.token, transport, progressOf(listener))) {
            SnykApi client = new SnykApi(api, settings.restVersion, http);
            Engine work = request.mode().planned()
                    ? new SyncEngine(request, client, http, listener, settings.grace, api.toString())
                    : new ProvisioningEngine(request, client, http, listener, settings.grace);
            synchronized (lock) {
                engine = work;
                if (cancelled) {
                    work.cancel();
                }
            }
            return work.execute();
        }
    }

    /**
     * Stops a run: no new user is started and no request retried; users on the wire may finish within
     * a grace period, then the results are written. Safe from any thread, before or during {@link #run}.
     */
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            if (engine != null) {
                engine.cancel();
            }
        }
    }

    private static ExchangeListener progressOf(ProgressListener listener) {
        return new ExchangeListener() {
            @Override
            public void onExchange(String request, int status, long millis, int attempt, String failure) {
                listener.exchanged(request, status, millis, attempt, failure);
            }

            @Override
            public void onRetry(String request, int attempt, String reason, long delayMillis) {
                listener.retrying(request, attempt, reason, delayMillis);
            }
        };
    }

    /** Everything a run needs; unset values take the defaults of {@link TransportSettings} and {@link InputLimits}. */
    public static final class Builder {
        private String region;
        private String apiUrl;
        private String restVersion;
        private String token;
        private TransportSettings transport = TransportSettings.defaults();
        private UserSource users;
        private Mode mode = Mode.PROVISION;
        private String defaultOrgId;
        private String groupId;
        private String defaultRole;
        private boolean dryRun;
        private InputLimits limits = InputLimits.DEFAULT;
        private Path resumeFrom;
        private Path resultsFile;
        private Path failedRowsCsv;
        private Duration grace = DEFAULT_GRACE;
        private boolean removeMissing;
        private boolean allOrgs;
        private SyncLimits syncLimits = SyncLimits.DEFAULT;
        private Path planFile;
        private Path applyPlan;
        private boolean apply;
        private Duration maxPlanAge = DEFAULT_MAX_PLAN_AGE;

        private Builder() {
        }

        /** A Snyk region id such as {@code SNYK-EU-01}; blank for the default region. */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** An API base URL that replaces the region's (a private instance, a simulator): https, or http on loopback. */
        public Builder apiUrl(String value) {
            this.apiUrl = value;
            return this;
        }

        /** The REST API version to ask for; blank for {@link SnykApi#DEFAULT_REST_VERSION}. */
        public Builder restVersion(String value) {
            this.restVersion = value;
            return this;
        }

        /** The Snyk API token; sent in a header only, and redacted from every text the run produces. */
        public Builder token(String value) {
            this.token = value;
            return this;
        }

        public Builder concurrency(int value) {
            transport = transport.withConcurrency(value);
            return this;
        }

        /** Requests per minute for the token, 0 for no client-side pacing. */
        public Builder rateLimitPerMinute(int value) {
            transport = transport.withRateLimitPerMinute(value);
            return this;
        }

        public Builder timeouts(Duration connect, Duration response) {
            transport = transport.withTimeouts(connect, response);
            return this;
        }

        /** Retries of a request after 429, 5xx, timeouts and resets. */
        public Builder maxRetries(int value) {
            RetryPolicy policy = transport.retryPolicy();
            transport = transport.withRetryPolicy(new RetryPolicy(value, policy.baseDelay(), policy.maxDelay(), policy.maxServerHint()));
            return this;
        }

        /** Retries and the waits between them (tests shorten the waits). */
        Builder retryPolicy(RetryPolicy value) {
            transport = transport.withRetryPolicy(value);
            return this;
        }

        /** An HTTP proxy for the calls, or null to connect directly. */
        public Builder proxy(ProxySettings value) {
            transport = transport.withProxy(value);
            return this;
        }

        public Builder users(UserSource value) {
            this.users = value;
            return this;
        }

        public Builder mode(Mode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** The org of rows without {@code org_id}. */
        public Builder defaultOrgId(String value) {
            this.defaultOrgId = value;
            return this;
        }

        /** The orgs' group: needed to add users who already exist, and to use role names. */
        public Builder groupId(String value) {
            this.groupId = value;
            return this;
        }

        /** The role (public id or name) of rows without one. */
        public Builder defaultRole(String value) {
            this.defaultRole = value;
            return this;
        }

        /** Only read from Snyk, and report what would be done to each user. */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** Refuse files with more user rows than this. */
        public Builder maxRows(int value) {
            this.limits = limits.withMaxRows(value);
            return this;
        }

        /** A results file or journal of an earlier run: the users it shows done are not sent again. */
        public Builder resumeFrom(Path value) {
            this.resumeFrom = value;
            return this;
        }

        /** The results file; the journal is kept beside it. */
        public Builder resultsFile(Path value) {
            this.resultsFile = value;
            return this;
        }

        /** Where failed rows go as a user file to feed back in; null for none. */
        public Builder failedRowsCsv(Path value) {
            this.failedRowsCsv = value;
            return this;
        }

        Builder grace(Duration value) {
            this.grace = value;
            return this;
        }

        /** Sync: also remove members and pending provisions the file does not list. */
        public Builder removeMissing(boolean value) {
            this.removeMissing = value;
            return this;
        }

        /** Offboarding: take the users away from every org of the group, not only from the file's org. */
        public Builder allOrgs(boolean value) {
            this.allOrgs = value;
            return this;
        }

        /**
         * How far the plan a sync or an offboarding makes may go: removals, Org Admins left, protected users.
         * A plan applied from a file is held to the limits it was made with, which its reviewer saw.
         */
        public Builder syncLimits(SyncLimits value) {
            this.syncLimits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** Where a sync or an offboarding writes the plan it makes. */
        public Builder planFile(Path value) {
            this.planFile = value;
            return this;
        }

        /** Applies this plan (made earlier with this API, group and token) instead of making one. */
        public Builder applyPlan(Path value) {
            this.applyPlan = value;
            return this;
        }

        /** Applies the plan a sync or an offboarding makes in the same run, when the limits hold. */
        public Builder apply(boolean value) {
            this.apply = value;
            return this;
        }

        /** How old a plan may be when it is applied. */
        public Builder maxPlanAge(Duration value) {
            this.maxPlanAge = Objects.requireNonNull(value, "maxPlanAge");
            return this;
        }

        /**
         * Checks the settings and reads the earlier run to resume from.
         *
         * @throws IllegalArgumentException a setting is missing or wrong; the message says which
         * @throws IOException the file to resume from cannot be read
         */
        public Provisioning build() throws IOException {
            SnykApiUrl api = location();
            requireToken();
            if (resultsFile == null) {
                throw new IllegalArgumentException("No results file was given");
            }
            Plan given = applyPlan == null ? null : givenPlan(api.toString());
            Mode runMode = given == null ? mode : given.mode().equals(Plan.OFFBOARD) ? Mode.OFFBOARD : Mode.SYNC;
            String group = given == null ? blankToNull(groupId) : given.groupId();
            SyncOptions sync = null;
            if (runMode.planned()) {
                if (group == null) {
                    throw new IllegalArgumentException("A group id is needed to " + runMode.id()
                            + ": it names the roles, and tells people from service accounts");
                }
                if (given == null && planFile == null) {
                    throw new IllegalArgumentException("No plan file was given");
                }
                sync = new SyncOptions(removeMissing, allOrgs, syncLimits, planFile, given, apply);
            }
            if (users == null && given == null) {
                throw new IllegalArgumentException("No users were given");
            }
            // A plan made and not applied changes nothing, like a dry run.
            boolean nothingChanged = dryRun || (runMode.planned() && given == null && !apply);
            PreviousRun previous = resumeFrom == null ? PreviousRun.none() : PreviousRun.load(resumeFrom);
            ProvisioningRequest request = new ProvisioningRequest(given == null ? users : UserSource.ofText(applyPlan.toString(), ""),
                    runMode, blankToNull(defaultOrgId), group, blankToNull(defaultRole), nothingChanged, limits, previous,
                    OutputFiles.beside(resultsFile, failedRowsCsv), transport.concurrency(), sync);
            return new Provisioning(this, api, request, transport);
        }

        /**
         * The plan to apply, refused unless it was made for this API, this group and org (when given) and
         * is recent enough, and held its limits when it was made.
         */
        private Plan givenPlan(String apiRoot) {
            Plan plan;
            try {
                plan = PlanFile.read(applyPlan);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            String refused = null;
            if (!plan.apiRoot().equals(apiRoot)) {
                refused = "it was made for the API at " + plan.apiRoot() + ", not " + apiRoot;
            } else if (blankToNull(groupId) != null && !plan.groupId().equalsIgnoreCase(groupId.trim())) {
                refused = "it was made for group " + plan.groupId() + ", not " + groupId.trim();
            } else if (blankToNull(defaultOrgId) != null && !plan.orgIds().equals(List.of(defaultOrgId.trim()))) {
                refused = "it covers the orgs " + String.join(", ", plan.orgIds()) + ", not " + defaultOrgId.trim();
            } else if (plan.createdAt().plus(maxPlanAge).isBefore(Instant.now())) {
                refused = "it was made at " + plan.createdAt() + ", longer ago than " + maxPlanAge.toHours()
                        + " hours; make a new plan (or allow older plans with a longer maximum age)";
            } else if (plan.refused()) {
                refused = "its limits refused it when it was made (" + String.join("; ", plan.refusals()) + ")";
            }
            if (refused != null) {
                throw new IllegalArgumentException("Plan " + applyPlan + " cannot be applied: " + refused + "; nothing was changed");
            }
            return plan;
        }

        /**
         * Writes who has access to the group's orgs now: every member and pending provision as a user file
         * ({@code .json} for JSON, else CSV) that a sync takes back unchanged, and when {@code adminsReport} is
         * given, an access review in Markdown.
         *
         * @param orgIds the orgs to export; empty for every org of the group
         */
        public ExportSummary export(Path output, Path adminsReport, List<String> orgIds, ProgressListener listener)
                throws IOException, TransportException, SnykApiException {
            SnykApiUrl api = location();
            requireToken();
            if (blankToNull(groupId) == null) {
                throw new IllegalArgumentException("A group id is needed to export its orgs");
            }
            orgIds.forEach(org -> SnykIds.require("org", org));
            ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
            try (ApiTransport http = new ApiTransport(token, transport, progressOf(progress))) {
                return TenantExport.write(new SnykApi(api, restVersion, http), groupId.trim(), orgIds, transport.concurrency(),
                        output, adminsReport, progress);
            }
        }

        /**
         * Asks Snyk whose the token is ({@code GET /rest/self}), a cheap check that the API is reachable with
         * it, and whether it may do this job: for the mode, in the default org and the group, where they are
         * set ({@link TokenCheck}). Each request is sent once, without retries.
         *
         * @throws SnykApiException Snyk refused to say whose the token is (or rejected it later)
         */
        public TokenCheck checkConnection() throws TransportException, SnykApiException, IOException {
            SnykApiUrl api = location();
            requireToken();
            TransportSettings once = transport.withConcurrency(1)
                    .withRetryPolicy(new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
            try (ApiTransport http = new ApiTransport(token, once, null)) {
                SnykApi snyk = new SnykApi(api, restVersion, http);
                String org = blankToNull(defaultOrgId);
                String group = blankToNull(groupId);
                return TokenCheck.of(snyk, snyk.self().get(), mode, SnykIds.isUuid(org) ? List.of(org) : List.of(),
                        SnykIds.isUuid(group) ? group : null, Runnable::run);
            }
        }

        /** The API the settings point at, for messages; throws like {@link #build} when they point nowhere valid. */
        public String apiRoot() {
            return location().toString();
        }

        private SnykApiUrl location() {
            SnykRegion.fromId(region);
            SnykApiUrl api = SnykApiUrl.resolve(region, apiUrl);
            SnykApi.checkedVersion(restVersion);
            return api;
        }

        private void requireToken() {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("No Snyk API token was given");
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
