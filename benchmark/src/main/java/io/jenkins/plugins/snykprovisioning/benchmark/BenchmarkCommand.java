package io.jenkins.plugins.snykprovisioning.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -Xmx256m -jar snyk-provisioning-benchmark.jar}: the engine against the lower bound
 * the API sets, one table line per run. Without options it runs the standard scenarios; options pick
 * scenarios and change their parameters.
 */
@Command(name = "snyk-provisioning-benchmark", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        version = "snyk-provisioning-benchmark 1.0",
        description = {
            "Runs the provisioning engine against the Snyk API simulator in this JVM and compares each run's wall time with "
                + "the bound T_bound = max(N·k·L / C, N·k / (R/60)), where k is the API calls the run needed per user "
                + "(retries not counted). Each run gets a fresh tenant, token and user file, and its result is checked "
                + "in the simulator's state afterwards.",
            "",
            "Scenarios: latency (2,000 new users, L=50 ms, C=10, no limit), rate (2,000 new users, L=5 ms, C=10, "
                + "6,000/min on both sides, a 1 s API window), faults (the mix at L=50 ms, C=10, 10%% of requests 5xx, "
                + "2%% 429 in bursts of three, no Retry-After), mix (60%% new, 20%% existing platform users, 20%% members "
                + "with a wrong role, L=50 ms, C=10), file (100,000 new users in a generated CSV, L=0, C=10, no limit: "
                + "parse time and heap; run it with -Xmx256m).",
            "",
            "Sync scenarios (not run by default): sync-read (a sync planned over 50 orgs of 2,000 members and 150 pending "
                + "provisions each, L=0: the list requests against the paging minimum), sync-apply (10,000 removals applied, "
                + "L=5 ms, C=10, 6,000/min on both sides, a 1 s API window: the ratio to T_bound).",
            ""})
public final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME", split = ",",
            description = "Scenarios to run, in order (default: latency,rate,faults,mix,file).")
    List<String> scenarios;

    @Option(names = {"-n", "--users"}, paramLabel = "N", description = "Users (rows in the file).")
    Integer users;

    @Option(names = "--mix", paramLabel = "NEW,EXISTING,WRONG", description = "Percentages of new users, existing platform "
            + "users not in the org and members with a wrong role, e.g. 60,20,20.")
    String mix;

    @Option(names = {"-l", "--latency-ms"}, paramLabel = "L", description = "Latency the simulator adds to every request.")
    Long latencyMillis;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "C", description = "The engine's concurrency.")
    Integer concurrency;

    @Option(names = {"-r", "--rate-limit"}, paramLabel = "PER_MINUTE",
            description = "Rate limit per token on the simulator and in the engine (0: none).")
    Integer rateLimit;

    @Option(names = "--client-rate-limit", paramLabel = "PER_MINUTE",
            description = "The engine's own limit when it should differ from the API's (0: none).")
    Integer clientRateLimit;

    @Option(names = "--rate-window-ms", paramLabel = "MS", description = "The simulator's rate-limit window (default 1000).")
    Long rateWindowMillis;

    @Option(names = "--server-errors", paramLabel = "SHARE", description = "Share of requests answered 500/502/503/504, e.g. 0.1.")
    Double serverErrorShare;

    @Option(names = "--bursts", paramLabel = "SHARE", description = "Share of requests answered 429 in bursts, e.g. 0.02.")
    Double burstShare;

    @Option(names = "--burst-length", paramLabel = "N", description = "Consecutive requests of the token a burst refuses (default 3).")
    Integer burstLength;

    @Option(names = "--retry-after-seconds", paramLabel = "S", description = "Retry-After sent with every 429 (-1: none, the default).")
    Integer retryAfterSeconds;

    @Option(names = "--repeat", paramLabel = "TIMES", defaultValue = "1", description = "Run each scenario this many times "
            + "(default ${DEFAULT-VALUE}): one line per run, to see the spread.")
    int repeat;

    @Option(names = "--sync-orgs", paramLabel = "N", defaultValue = "50", description = "sync-read: orgs (default ${DEFAULT-VALUE}).")
    int syncOrgs;

    @Option(names = "--sync-members", paramLabel = "N", defaultValue = "2000",
            description = "sync-read: members per org (default ${DEFAULT-VALUE}).")
    int syncMembers;

    @Option(names = "--sync-pending", paramLabel = "N", defaultValue = "150",
            description = "sync-read: pending provisions per org (default ${DEFAULT-VALUE}).")
    int syncPending;

    @Option(names = "--sync-removals", paramLabel = "N", defaultValue = "10000",
            description = "sync-apply: removals applied (default ${DEFAULT-VALUE}).")
    int syncRemovals;

    @Option(names = "--markdown", description = "Print the table as Markdown.")
    boolean markdown;

    @Option(names = "--timeline", description = "Under each line, where the run's time went.")
    boolean timeline;

    @Option(names = "--no-warmup", description = "Skip the unreported warm-up run that compiles the hot code first.")
    boolean noWarmup;

    private final PrintStream out;

    BenchmarkCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkCommand(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Scenario> planned = new ArrayList<>();
        List<String> syncScenarios = new ArrayList<>();
        try {
            for (String name : scenarios == null ? List.of("latency", "rate", "faults", "mix", "file") : scenarios) {
                if (name.startsWith("sync-")) {
                    syncScenarios.add(name);
                } else {
                    planned.add(withOptions(Scenario.named(name)));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ScenarioRunner runner = new ScenarioRunner();
        boolean allRight = true;
        out.printf("Snyk provisioning benchmark: %d processor(s), max heap %d MB, Java %s%s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"), noWarmup ? "" : ", after an unreported warm-up run");
        if (!noWarmup) {
            runner.run(Scenario.MIX.withLatencyMillis(0));
        }
        if (!planned.isEmpty()) {
            Report report = new Report(out, markdown);
            report.header();
            for (Scenario scenario : planned) {
                for (int i = 0; i < repeat; i++) {
                    RunResult result = runner.run(scenario);
                    report.line(result);
                    report.details(result, timeline);
                    allRight &= result.correct();
                }
            }
            report.footer();
        }
        SyncBenchmark sync = new SyncBenchmark(out);
        for (String name : syncScenarios) {
            for (int i = 0; i < repeat; i++) {
                SyncBenchmark.Result result = switch (name) {
                    case "sync-read" -> sync.read(syncOrgs, syncMembers, syncPending, latencyMillis == null ? 0 : latencyMillis,
                            concurrency == null ? 10 : concurrency);
                    case "sync-apply" -> sync.apply(syncRemovals, latencyMillis == null ? 5 : latencyMillis,
                            concurrency == null ? 10 : concurrency, rateLimit == null ? 6000 : rateLimit);
                    default -> throw new CommandLine.ParameterException(spec.commandLine(), "Unknown scenario '" + name
                            + "'; the sync scenarios are sync-read and sync-apply");
                };
                sync.print(result);
                allRight &= result.problems().isEmpty();
            }
        }
        return allRight ? 0 : 1;
    }

    private Scenario withOptions(Scenario scenario) {
        Scenario changed = scenario;
        if (users != null) {
            changed = changed.withUsers(users);
        }
        if (mix != null) {
            changed = changed.withMix(Mix.parse(mix));
        }
        if (latencyMillis != null) {
            changed = changed.withLatencyMillis(latencyMillis);
        }
        if (concurrency != null) {
            changed = changed.withConcurrency(concurrency);
        }
        if (rateLimit != null || clientRateLimit != null) {
            int api = rateLimit != null ? rateLimit : changed.rateLimitPerMinute();
            changed = changed.withRateLimits(api, clientRateLimit != null ? clientRateLimit : api);
        }
        if (rateWindowMillis != null) {
            changed = changed.withRateWindowMillis(rateWindowMillis);
        }
        if (serverErrorShare != null || burstShare != null || burstLength != null || retryAfterSeconds != null) {
            Scenario.Faults faults = changed.faults();
            changed = changed.withFaults(new Scenario.Faults(
                    serverErrorShare != null ? serverErrorShare : faults.serverErrorShare(),
                    burstShare != null ? burstShare : faults.burstShare(),
                    burstLength != null ? burstLength : faults.burstLength(),
                    retryAfterSeconds != null ? retryAfterSeconds : faults.retryAfterSeconds()));
        }
        return changed;
    }
}
