package io.jenkins.plugins.snykprovisioning.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The table: a header, then one line per run as it finishes; plain aligned text or Markdown. */
final class Report {

    private static final String[] HEADERS = {"scenario", "N", "requests", "calls", "k", "L ms", "C", "R/min", "wall s",
        "T_bound s", "ratio", "target", "429s", "429 %", "retries", "req/s", "heap MB", "script s", "verdict", "notes"};
    private static final int[] WIDTHS = {8, 7, 8, 7, 6, 4, 3, 6, 7, 9, 6, 20, 5, 5, 7, 6, 9, 8, 7, 0};
    private static final Set<Integer> TEXT_COLUMNS = Set.of(0, 11, 18, 19);

    private final PrintStream out;
    private final boolean markdown;
    private final List<String> deferred = new ArrayList<>();

    Report(PrintStream out, boolean markdown) {
        this.out = out;
        this.markdown = markdown;
    }

    void header() {
        print(List.of(HEADERS));
        if (markdown) {
            List<String> rule = new ArrayList<>();
            for (int i = 0; i < HEADERS.length; i++) {
                rule.add(TEXT_COLUMNS.contains(i) ? "---" : "---:");
            }
            print(rule);
        }
    }

    void line(RunResult result) {
        Bound bound = result.bound();
        Scenario scenario = result.scenario();
        Scenario.Target target = scenario.applicableTarget();
        print(List.of(scenario.name(), Long.toString(bound.users()), Long.toString(result.requests()),
                Long.toString(bound.calls()), format("%.3f", bound.k()), Long.toString(scenario.latencyMillis()),
                Integer.toString(scenario.concurrency()), perMinute(scenario), format("%.2f", result.wallSeconds()),
                format("%.2f", bound.seconds()), Double.isNaN(result.ratio()) ? "n/a" : format("%.3f", result.ratio()),
                target == null ? "-" : target.toString(), Long.toString(result.rateLimited()),
                format("%.2f", result.rateLimitedShare() * 100), Long.toString(result.retries()),
                format("%.0f", result.requestsPerSecond()), heap(result.heap()), format("%.0f", bound.sequentialScriptSeconds()),
                verdict(result), notes(result)));
    }

    /**
     * Details of a run: what was wrong, which target was missed and, with {@code timeline}, where
     * the time went. Under its line in text; after the table in Markdown, which lines would break.
     */
    void details(RunResult result, boolean timeline) {
        List<String> lines = new ArrayList<>();
        result.problems().forEach(problem -> lines.add(scenarioName(result) + " WRONG: " + problem));
        result.missedTargets().forEach(missed -> lines.add(scenarioName(result) + " missed: " + missed));
        if (timeline) {
            lines.add(scenarioName(result) + ": " + result.timeline() + "; the simulator holds " + mb(result.simulatorHeldBytes())
                    + " MB after the run");
        }
        if (markdown) {
            deferred.addAll(lines);
        } else {
            lines.forEach(line -> out.println("    " + line));
        }
    }

    /** Ends the table: deferred details, then what the columns mean. */
    void footer() {
        out.println();
        if (!deferred.isEmpty()) {
            deferred.forEach(line -> out.println("- " + line));
            out.println();
        }
        out.println("k = API calls the run needed per user (a retried call counts once); requests include retries; T_bound "
                + "uses k, so retries count against the engine. heap MB = peak heap use / the most held just after a "
                + "collection, for engine and simulator together. script s = N·(k·L + 0.2 s), the original sequential script. "
                + "load = the machine's load average before the run; the benchmark alone stays near 1, more means other work competed.");
    }

    private static String scenarioName(RunResult result) {
        return result.scenario().name();
    }

    private static String perMinute(Scenario scenario) {
        if (scenario.rateLimitPerMinute() == 0 && scenario.clientRateLimitPerMinute() == 0) {
            return "-";
        }
        return scenario.rateLimitPerMinute() == scenario.clientRateLimitPerMinute() ? Integer.toString(scenario.rateLimitPerMinute())
                : scenario.rateLimitPerMinute() + "/" + scenario.clientRateLimitPerMinute();
    }

    private static String heap(HeapMeter.Usage usage) {
        return mb(usage.peakBytes()) + "/" + (usage.afterGcBytes() < 0 ? "-" : mb(usage.afterGcBytes()));
    }

    private static String mb(long bytes) {
        return Long.toString(Math.round(bytes / (1024.0 * 1024.0)));
    }

    private static String verdict(RunResult result) {
        if (!result.correct()) {
            return "WRONG";
        }
        if (result.scenario().applicableTarget() == null) {
            return "ok";
        }
        return result.missedTargets().isEmpty() ? "met" : "MISSED";
    }

    private static String notes(RunResult result) {
        List<String> notes = new ArrayList<>();
        notes.add(format("load %.1f", result.loadAverage()));
        Scenario scenario = result.scenario();
        if (!scenario.mix().equals(Mix.ALL_NEW)) {
            notes.add("mix " + scenario.mix() + " new/existing/wrong role");
        }
        if (!scenario.faults().equals(Scenario.Faults.NONE)) {
            notes.add(scenario.faults().toString());
        }
        if (scenario.rateLimitPerMinute() > 0) {
            notes.add("API window " + scenario.rateWindowMillis() + " ms");
        }
        RunResult.Parse parse = result.parse();
        if (parse != null) {
            notes.add(format("parse only: %d rows in %.2f s, heap %s MB; the simulator holds %s MB after the run", parse.rows(),
                    parse.seconds(), heap(parse.heap()), mb(result.simulatorHeldBytes())));
        }
        return String.join("; ", notes);
    }

    private void print(List<String> cells) {
        StringBuilder line = new StringBuilder();
        if (markdown) {
            line.append("| ").append(String.join(" | ", cells)).append(" |");
        } else {
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                line.append(pad(cell, WIDTHS[i], !TEXT_COLUMNS.contains(i)));
                if (i < cells.size() - 1) {
                    line.append("  ");
                }
            }
        }
        out.println(line.toString().stripTrailing());
    }

    /** Text left-aligned, figures right-aligned. */
    private static String pad(String text, int width, boolean right) {
        if (text.length() >= width) {
            return text;
        }
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
