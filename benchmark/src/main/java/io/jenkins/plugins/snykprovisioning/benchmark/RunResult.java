package io.jenkins.plugins.snykprovisioning.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run measured.
 *
 * @param requests HTTP requests sent, retries included
 * @param parse the parse-only pass over the file, or null when the scenario has none
 * @param simulatorHeldBytes the heap still held after the run, when only the simulator (its state and request
 *     log) and the JVM's own baseline remain
 * @param loadAverage the machine's load average over the minute before the run: other work skews the figures
 * @param problems what the simulator's state or the run's outcomes show to be wrong; empty when right
 */
record RunResult(Scenario scenario, Bound bound, long requests, double wallSeconds, long rateLimited, long retries,
        HeapMeter.Usage heap, long simulatorHeldBytes, Parse parse, Timeline timeline, double loadAverage, List<String> problems) {

    /** A pass that only reads and parses the user file. */
    record Parse(long rows, double seconds, HeapMeter.Usage heap) {
    }

    double ratio() {
        return bound.ratio(wallSeconds);
    }

    double requestsPerSecond() {
        return requests / wallSeconds;
    }

    double rateLimitedShare() {
        return requests == 0 ? 0 : (double) rateLimited / requests;
    }

    boolean correct() {
        return problems.isEmpty();
    }

    /** True when the run was right and, if a target is set for it, met it. */
    boolean passed() {
        return correct() && missedTargets().isEmpty();
    }

    /** The parts of the target this run missed; empty without a target. */
    List<String> missedTargets() {
        Scenario.Target target = scenario.applicableTarget();
        if (target == null) {
            return List.of();
        }
        List<String> missed = new ArrayList<>();
        if (!(ratio() <= target.maxRatio())) {
            missed.add(String.format("ratio %.3f > %.2f", ratio(), target.maxRatio()));
        }
        if (rateLimitedShare() > target.max429Share()) {
            missed.add(String.format("429s %.2f%% > %.0f%%", rateLimitedShare() * 100, target.max429Share() * 100));
        }
        return missed;
    }
}
