package io.jenkins.plugins.snykprovisioning.benchmark;

import io.jenkins.plugins.snykprovisioning.engine.ProgressListener;
import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.input.InputLimits;
import io.jenkins.plugins.snykprovisioning.input.UserRows;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.simulator.Latency;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig;
import io.jenkins.plugins.snykprovisioning.simulator.SnykSimulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Runs one scenario: a fresh simulated tenant and user file, the simulator in this JVM on
 * loopback, the engine as the CLI drives it (a real provisioning run, no dry run), then the
 * figures from the engine's counters and the check of the simulator's state.
 */
final class ScenarioRunner {

    private final HeapMeter heap = new HeapMeter();

    /** The first few users who failed, so that a wrong run says why. */
    private static final class FailureSamples implements ProgressListener {
        private static final int KEPT = 3;
        private final List<String> samples = new CopyOnWriteArrayList<>();

        @Override
        public void userDone(UserOutcome outcome, long done, long total) {
            if (outcome.category() == OutcomeCategory.FAILED && samples.size() < KEPT) {
                samples.add(outcome.email() + ": " + outcome.message());
            }
        }

        List<String> explain(List<String> problems) {
            if (problems.isEmpty() || samples.isEmpty()) {
                return problems;
            }
            List<String> explained = new ArrayList<>(problems);
            samples.forEach(sample -> explained.add("failed user " + sample));
            return explained;
        }
    }

    RunResult run(Scenario scenario) throws IOException, InterruptedException {
        Tenant tenant = new Tenant(scenario.users(), scenario.mix());
        Path directory = Files.createTempDirectory("snyk-provisioning-benchmark");
        try {
            Path users = directory.resolve("users.csv");
            tenant.writeCsv(users);
            RunResult.Parse parse = scenario.timeParse() ? parse(users) : null;
            try (SnykSimulator simulator = new SnykSimulator(tenant.state(), simulatorConfig(scenario.latencyMillis(),
                    scenario.rateLimitPerMinute(), scenario.rateWindowMillis(), scenario.faults())).start(0)) {
                Provisioning provisioning = Provisioning.builder().apiUrl(simulator.baseUrl()).token(tenant.token())
                        .concurrency(scenario.concurrency()).rateLimitPerMinute(scenario.clientRateLimitPerMinute())
                        .users(UserSource.ofPath(users)).defaultOrgId(Tenant.ORG_ID).groupId(Tenant.GROUP_ID)
                        .resultsFile(directory.resolve("results.json")).build();
                FailureSamples failures = new FailureSamples();
                heap.reset();
                double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                Instant started = Instant.now();
                long startedNanos = System.nanoTime();
                ProvisioningSummary summary = provisioning.run(failures);
                double wallSeconds = (System.nanoTime() - startedNanos) / 1e9;
                Instant finished = Instant.now();
                HeapMeter.Usage heapUsage = heap.usage();
                long simulatorHeld = heap.heldBytes();
                Bound bound = new Bound(tenant.users(), summary.calls(), scenario.latencyMillis() / 1000.0, scenario.concurrency(),
                        scenario.rateLimitPerMinute());
                Timeline timeline = Timeline.of(simulator.requests().entries(), started, finished, scenario.concurrency());
                return new RunResult(scenario, bound, summary.requests(), wallSeconds, summary.rateLimited(), summary.retries(),
                        heapUsage, simulatorHeld, parse, timeline, loadAverage, failures.explain(tenant.verify(simulator.state(), summary)));
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    /** Reads every row of the file and nothing more: the cost of the input alone. */
    private RunResult.Parse parse(Path file) throws IOException, InterruptedException {
        heap.reset();
        long startedNanos = System.nanoTime();
        long rows = 0;
        try (UserRows reader = UserRows.open(UserSource.ofPath(file), InputLimits.DEFAULT)) {
            while (reader.next() != null) {
                rows++;
            }
        }
        return new RunResult.Parse(rows, (System.nanoTime() - startedNanos) / 1e9, heap.usage());
    }

    static SimulatorConfig simulatorConfig(long latencyMillis, int rateLimitPerMinute, long rateWindowMillis, Scenario.Faults faults) {
        return new SimulatorConfig()
                .setLatency(Latency.fixed(latencyMillis))
                .setRateLimitPerMinute(rateLimitPerMinute)
                .setRateWindowMillis(rateWindowMillis)
                .setServerErrorRate(faults.serverErrorShare())
                .setBurstRate(faults.burstStartRate())
                .setBurstLength(faults.burstLength())
                .setRetryAfterSeconds(faults.retryAfterSeconds());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
