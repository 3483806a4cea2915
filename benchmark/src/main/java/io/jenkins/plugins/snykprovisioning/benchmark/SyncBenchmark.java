package io.jenkins.plugins.snykprovisioning.benchmark;

import io.jenkins.plugins.snykprovisioning.engine.Mode;
import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.plan.RemovalLimit;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.simulator.Latency;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorState;
import io.jenkins.plugins.snykprovisioning.simulator.SnykSimulator;
import io.jenkins.plugins.snykprovisioning.simulator.StateBuilder;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The sync mode's two figures. {@code sync-read}: planning a sync of many large orgs reads them at the
 * paging minimum (the org's memberships 100 a page, its pending provisions page by page, and the group's
 * roles, people and the token's owner once), counted on the simulator's request log. {@code sync-apply}:
 * applying 10,000 removals, against the bound the API's latency, the concurrency and the rate limit set.
 */
final class SyncBenchmark {

    static final String GROUP_ID = "e0000000-0000-4000-8000-000000000001";
    private static final String ADMIN_ID = "e0000000-0000-4000-8000-00000000000a";
    private static final String ADMIN_EMAIL = "admin@sync.bench";
    private static final int PAGE = 100;

    /** What one sync run measured. */
    record Result(String scenario, int orgs, long members, long pending, long listRequests, long minimumListRequests,
            long actions, long requests, long calls, double wallSeconds, Bound bound, List<String> problems) {

        double ratio() {
            return bound == null ? Double.NaN : bound.ratio(wallSeconds);
        }
    }

    private final PrintStream out;

    SyncBenchmark(PrintStream out) {
        this.out = out;
    }

    /** Plans a sync of {@code orgs} orgs of {@code members} members and {@code pending} pending provisions each, changing nothing. */
    Result read(int orgs, int members, int pending, long latencyMillis, int concurrency) throws IOException {
        String token = "bench-" + UUID.randomUUID();
        StateBuilder state = SimulatorState.builder().group(GROUP_ID, "Sync benchmark", true).user(ADMIN_ID, ADMIN_EMAIL)
                .personalToken(token, "bench-admin", ADMIN_ID, true);
        List<String> orgIds = new ArrayList<>();
        Path directory = Files.createTempDirectory("snyk-sync-benchmark");
        Path users = directory.resolve("users.csv");
        try (BufferedWriter file = Files.newBufferedWriter(users, StandardCharsets.UTF_8)) {
            file.write("email,role,org_id\n");
            String emails = "user%06d@sync.bench";
            state.users(emails, orgs * members, true);
            for (int o = 0; o < orgs; o++) {
                String org = orgId(o);
                orgIds.add(org);
                state.org(org, "org-" + o, GROUP_ID).orgMember(org, ADMIN_ID, Role.ORG_ADMIN);
                file.write(ADMIN_EMAIL + "," + Role.ORG_ADMIN + "," + org + "\n");
                for (int m = 1; m < members; m++) {
                    String email = String.format(Locale.ROOT, emails, o * members + m);
                    state.orgMember(org, StateBuilder.bulkUserId(email), Role.ORG_COLLABORATOR);
                    file.write(email + "," + Role.ORG_COLLABORATOR + "," + org + "\n");
                }
                for (int p = 0; p < pending; p++) {
                    String email = "pending" + o + "-" + p + "@sync.bench";
                    state.pendingProvision(org, email, Role.ORG_COLLABORATOR);
                    file.write(email + "," + Role.ORG_COLLABORATOR + "," + org + "\n");
                }
            }
        }
        try (SnykSimulator simulator = new SnykSimulator(state.build(), new SimulatorConfig().setLatency(Latency.fixed(latencyMillis)))
                .start(0)) {
            long started = System.nanoTime();
            ProvisioningSummary summary = Provisioning.builder().apiUrl(simulator.baseUrl()).token(token).concurrency(concurrency)
                    .rateLimitPerMinute(0).groupId(GROUP_ID).mode(Mode.SYNC).removeMissing(true)
                    .users(UserSource.ofPath(users)).resultsFile(directory.resolve("results.json"))
                    .planFile(directory.resolve("plan.json")).build().run(null);
            double wall = (System.nanoTime() - started) / 1e9;
            List<LoggedRequest> log = simulator.requests().entries();
            long lists = log.stream().filter(r -> r.method().equals("GET")).count();
            long pendingPages = pending / PAGE + 1;
            long minimum = (long) orgs * (ceil(members, PAGE) + pendingPages) + 3;
            List<String> problems = new ArrayList<>();
            if (summary.plan() == null || !summary.plan().plan().actions().isEmpty()) {
                problems.add("the plan of an unchanged tenant is not empty");
            }
            if (lists > minimum) {
                problems.add(lists + " list requests, more than the paging minimum of " + minimum);
            }
            return new Result("sync-read", orgs, (long) orgs * members, (long) orgs * pending, lists, minimum, 0,
                    summary.requests(), summary.calls(), wall, null, problems);
        } finally {
            deleteRecursively(directory);
        }
    }

    /** Syncs one org of {@code removals} members plus an admin to a file naming the admin alone: {@code removals} removals, applied. */
    Result apply(int removals, long latencyMillis, int concurrency, int ratePerMinute) throws IOException {
        String token = "bench-" + UUID.randomUUID();
        String org = orgId(0);
        String emails = "leaver%06d@sync.bench";
        StateBuilder state = SimulatorState.builder().group(GROUP_ID, "Sync benchmark", true).user(ADMIN_ID, ADMIN_EMAIL)
                .personalToken(token, "bench-admin", ADMIN_ID, true).org(org, "org-0", GROUP_ID).orgMember(org, ADMIN_ID, Role.ORG_ADMIN)
                .users(emails, removals, true);
        for (int i = 1; i <= removals; i++) {
            state.orgMember(org, StateBuilder.bulkUserId(String.format(Locale.ROOT, emails, i)), Role.ORG_COLLABORATOR);
        }
        Path directory = Files.createTempDirectory("snyk-sync-benchmark");
        Path users = Files.writeString(directory.resolve("users.csv"), "email,role,org_id\n" + ADMIN_EMAIL + "," + Role.ORG_ADMIN
                + "," + org + "\n");
        SimulatorConfig config = new SimulatorConfig().setLatency(Latency.fixed(latencyMillis)).setRateLimitPerMinute(ratePerMinute)
                .setRateWindowMillis(1000);
        try (SnykSimulator simulator = new SnykSimulator(state.build(), config).start(0)) {
            long started = System.nanoTime();
            ProvisioningSummary summary = Provisioning.builder().apiUrl(simulator.baseUrl()).token(token).concurrency(concurrency)
                    .rateLimitPerMinute(ratePerMinute).groupId(GROUP_ID).mode(Mode.SYNC).removeMissing(true).apply(true)
                    .syncLimits(new SyncLimits(RemovalLimit.parse("100%"), 1, Set.of()))
                    .users(UserSource.ofPath(users)).resultsFile(directory.resolve("results.json"))
                    .planFile(directory.resolve("plan.json")).build().run(null);
            double wall = (System.nanoTime() - started) / 1e9;
            List<String> problems = new ArrayList<>();
            long removed = summary.count(OutcomeCategory.REMOVED);
            if (removed != removals || summary.failed() > 0) {
                problems.add(removed + " removed and " + summary.failed() + " failed, expected " + removals + " removed"
                        + (summary.plan() == null ? "" : "; plan refusals: " + summary.plan().refusals()));
            }
            long members = simulator.state().org(org).orElseThrow().members().size();
            if (members != 1) {
                problems.add(members + " members left, expected the admin alone");
            }
            Bound bound = new Bound(removals, summary.calls(), latencyMillis / 1000.0, concurrency, ratePerMinute);
            return new Result("sync-apply", 1, removals + 1L, 0, 0, 0, removals, summary.requests(), summary.calls(), wall, bound,
                    problems);
        } finally {
            deleteRecursively(directory);
        }
    }

    void print(Result result) {
        out.printf(Locale.ROOT, "%-10s orgs %d, members %d, pending %d: %d list requests (paging minimum %d), %d actions, "
                + "%d requests, %d calls, %.2f s%s%s%n", result.scenario(), result.orgs(), result.members(), result.pending(),
                result.listRequests(), result.minimumListRequests(), result.actions(), result.requests(), result.calls(),
                result.wallSeconds(), result.bound() == null ? ""
                        : String.format(Locale.ROOT, ", T_bound %.2f s, ratio %.3f", result.bound().seconds(), result.ratio()),
                result.problems().isEmpty() ? "" : "  WRONG: " + String.join("; ", result.problems()));
    }

    private static String orgId(int index) {
        return String.format(Locale.ROOT, "e1000000-0000-4000-8000-%012d", index);
    }

    private static long ceil(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
