package io.jenkins.plugins.snykprovisioning.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.http.RetryPolicy;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorState;
import io.jenkins.plugins.snykprovisioning.simulator.SnykSimulator;
import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulated Snyk tenant for engine tests, and a way to run the engine against it over HTTP.
 *
 * <p>Group {@link #GROUP} (SSO on) with orgs {@link #ORG} and {@link #OTHER_ORG}, the default roles
 * and a custom "Developer" role. alice is a collaborator of ORG, bob a Developer of ORG and a
 * collaborator of OTHER_ORG, carol a collaborator of OTHER_ORG only, dave is pending in ORG;
 * outsider exists in the platform but in no org of the group.
 *
 * <p>A test registers one per test ({@code @RegisterExtension}); it is stopped, its folder deleted and its
 * contract violations reported after each test.
 */
final class SimulatedSnyk implements AutoCloseable, AfterEachCallback {

    static final String GROUP = "a0000000-0000-4000-8000-000000000001";
    static final String ORG = "b0000000-0000-4000-8000-000000000001";
    static final String OTHER_ORG = "b0000000-0000-4000-8000-000000000002";
    static final String DEVELOPER = "c0000000-0000-4000-8000-000000000001";
    static final String ADMIN_ID = "d0000000-0000-4000-8000-000000000001";
    static final String SERVICE_ID = "d0000000-0000-4000-8000-000000000002";
    static final String ALICE_ID = "d0000000-0000-4000-8000-000000000003";
    static final String BOB_ID = "d0000000-0000-4000-8000-000000000004";
    static final String CAROL_ID = "d0000000-0000-4000-8000-000000000005";
    static final String OUTSIDER_ID = "d0000000-0000-4000-8000-000000000006";

    final String token = "personal-" + UUID.randomUUID();
    private int extraTokens;
    final String serviceToken = "service-" + UUID.randomUUID();
    final SnykSimulator simulator;
    final Path dir;

    /** A fresh tenant, and a folder of its own for the run's files. */
    SimulatedSnyk() {
        try {
            this.dir = Files.createTempDirectory("simulated-snyk");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SimulatorState state = SimulatorState.builder()
                .group(GROUP, "Acme", true)
                .customRole(GROUP, DEVELOPER, "Developer")
                .org(ORG, "platform", GROUP)
                .org(OTHER_ORG, "payments", GROUP)
                .user(ADMIN_ID, "admin@acme.test")
                .user(SERVICE_ID, "ci-bot@acme.test")
                .user(ALICE_ID, "alice@acme.test")
                .user(BOB_ID, "bob@acme.test")
                .user(CAROL_ID, "carol@acme.test")
                .user(OUTSIDER_ID, "outsider@acme.test")
                .groupMember(GROUP, ADMIN_ID, "Group Admin")
                .orgMember(ORG, ADMIN_ID, Role.ORG_ADMIN)
                .orgMember(OTHER_ORG, ADMIN_ID, Role.ORG_ADMIN)
                .orgMember(ORG, SERVICE_ID, Role.ORG_ADMIN)
                .orgMember(ORG, ALICE_ID, Role.ORG_COLLABORATOR)
                .orgMember(ORG, BOB_ID, "Developer")
                .orgMember(OTHER_ORG, BOB_ID, Role.ORG_COLLABORATOR)
                .orgMember(OTHER_ORG, CAROL_ID, Role.ORG_COLLABORATOR)
                .pendingProvision(ORG, "dave@acme.test", Role.ORG_COLLABORATOR)
                .personalToken(token, "admin", ADMIN_ID, true)
                .serviceAccountToken(serviceToken, "ci-bot", SERVICE_ID)
                .build();
        // Every answer is checked against Snyk's REST spec; close() fails the test on any departure.
        this.simulator = new SnykSimulator(state, new SimulatorConfig().setValidateResponses(true)).start(0);
    }

    /**
     * One more token of the admin: a plan and its applies each list the group's people, which Snyk allows
     * about once a minute per token.
     */
    String anotherToken() {
        String value = "personal-" + UUID.randomUUID();
        state().addToken(new ApiToken(value, "admin-" + (++extraTokens),
                ADMIN_ID, TokenType.PERSONAL, true));
        return value;
    }

    SimulatorConfig config() {
        return simulator.config();
    }

    SimulatorState state() {
        return simulator.state();
    }

    /** A stable UUID for a user the test adds, from a name such as "member7". */
    static String userId(String name) {
        return UUID.nameUUIDFromBytes(("user:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    String roleId(String name) {
        return SimulatorState.defaultRoleId(GROUP, name);
    }

    /** The role a user holds in an org now, by name, or null. */
    String roleOf(String org, String email) {
        String userId = state().findUserByEmail(email).orElseThrow().id();
        return state().memberRole(org, userId).map(Role::name).orElse(null);
    }

    boolean pending(String org, String email) {
        return state().pendingProvisions(org).stream().anyMatch(p -> p.email().equalsIgnoreCase(email));
    }

    /** How one test run is set up; defaults suit fast tests (no rate limit, quick retries). */
    final class Run {
        String users;
        Mode mode = Mode.PROVISION;
        String groupId = GROUP;
        String defaultOrg = ORG;
        String defaultRole;
        boolean dryRun;
        String apiToken = token;
        int concurrency = 4;
        int rateLimitPerMinute;
        int maxRetries = 3;
        Duration responseTimeout = Duration.ofSeconds(5);
        Duration retryBase = Duration.ofMillis(20);
        Duration retryCap = Duration.ofMillis(200);
        Path resumeFrom;
        boolean removeMissing;
        boolean allOrgs;
        SyncLimits limits = SyncLimits.DEFAULT;
        Path planFile = dir.resolve("plan-" + UUID.randomUUID() + ".json");
        Path applyPlan;
        boolean apply;
        Duration maxPlanAge = Provisioning.DEFAULT_MAX_PLAN_AGE;
        String resultsName = "results-" + UUID.randomUUID() + ".json";
        final List<String> notices = new ArrayList<>();
        final List<String> retries = new ArrayList<>();
        volatile Provisioning provisioning;

        Path results() {
            return dir.resolve(resultsName);
        }

        Path journal() {
            return provisioning.outputs().journalFile();
        }

        Path failedCsv() {
            return dir.resolve(resultsName + ".failed.csv");
        }

        /** Runs, doing {@code then} (on another thread) once the simulator has received {@code writes} writes. */
        Finished executeAndAfterWrites(int writes, Runnable then) throws IOException, InterruptedException {
            Thread watcher = new Thread(() -> {
                while (simulator.requests().writes().size() < writes) {
                    Thread.onSpinWait();
                }
                then.run();
            });
            watcher.start();
            Finished done = execute();
            watcher.join();
            return done;
        }

        /** Runs and cancels the run once the simulator has received {@code writes} writes, as an abort would. */
        Finished executeCancelledAfter(int writes) throws IOException, InterruptedException {
            return executeAndAfterWrites(writes, () -> provisioning.cancel());
        }

        Finished execute() throws IOException {
            provisioning = Provisioning.builder().apiUrl(simulator.baseUrl()).token(apiToken)
                    .concurrency(concurrency).rateLimitPerMinute(rateLimitPerMinute).timeouts(Duration.ofSeconds(2), responseTimeout)
                    .retryPolicy(new RetryPolicy(maxRetries, retryBase, retryCap, Duration.ofSeconds(5)))
                    .users(users == null ? null : UserSource.ofText("users.csv", users)).mode(mode).defaultOrgId(defaultOrg).groupId(groupId)
                    .defaultRole(defaultRole).dryRun(dryRun).resumeFrom(resumeFrom)
                    .resultsFile(results()).failedRowsCsv(failedCsv()).grace(Duration.ofSeconds(2))
                    .removeMissing(removeMissing).allOrgs(allOrgs).syncLimits(limits).planFile(planFile).applyPlan(applyPlan)
                    .apply(apply).maxPlanAge(maxPlanAge)
                    .build();
            ProvisioningSummary summary = provisioning.run(new ProgressListener() {
                @Override
                public void notice(String message) {
                    synchronized (notices) {
                        notices.add(message);
                    }
                }

                @Override
                public void retrying(String request, int attempt, String reason, long delayMillis) {
                    synchronized (retries) {
                        retries.add(request + " | " + reason + " | " + delayMillis);
                    }
                }
            });
            return new Finished(summary, SnykJson.MAPPER.readTree(results().toFile()));
        }
    }

    Run run(String users) {
        Run run = new Run();
        run.users = users;
        return run;
    }

    Finished execute(String users, Consumer<Run> setup) throws IOException {
        Run run = run(users);
        setup.accept(run);
        return run.execute();
    }

    /** A run's summary and its results file. */
    record Finished(ProvisioningSummary summary, JsonNode results) {

        /** The entry of {@code email} in {@code category}, or null. */
        JsonNode entry(String category, String email) {
            for (JsonNode entry : results.get(category)) {
                if (email.equalsIgnoreCase(entry.path("email").asText())) {
                    return entry;
                }
            }
            return null;
        }

        /** Which category holds {@code email} (the first, when a file repeats a user). */
        String categoryOf(String email) {
            for (String category : List.of("provisioned", "already_provisioned", "org_memberships", "already_added",
                    "role_updated", "failed", "skipped")) {
                if (entry(category, email) != null) {
                    return category;
                }
            }
            return null;
        }

        int size(String category) {
            return results.get(category).size();
        }
    }

    /**
     * Stops the simulator and fails when the client sent a REST request Snyk's spec refuses or
     * the simulator answered one in a way the spec does not allow.
     */
    /** The writes the simulator received: what a refusal must leave empty. */
    List<LoggedRequest> writes() {
        return simulator.requests().writes();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Override
    public void close() {
        simulator.close();
        List<String> violations = simulator.contractViolations().entries();
        if (!violations.isEmpty()) {
            throw new AssertionError("Departures from Snyk's REST spec:\n" + String.join("\n", violations));
        }
    }
}
