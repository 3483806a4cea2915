package io.jenkins.plugins.snykprovisioning.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The end-of-run summary as plain text lines, shared by the CLI and the Jenkins console. */
public final class SummaryTable {

    private SummaryTable() {
    }

    /** The table with each outcome named by {@code label} (a front end's own wording, or {@link OutcomeCategory#label}). */
    public static List<String> lines(ProvisioningSummary summary, Function<OutcomeCategory, String> label) {
        List<String> lines = new ArrayList<>();
        String title = summary.dryRun() ? "Snyk provisioning summary (dry run: nothing was changed)" : "Snyk provisioning summary";
        lines.add("=".repeat(64));
        lines.add(title + (summary.mode().equals("provision") ? "" : " - mode " + summary.mode()));
        lines.add("=".repeat(64));
        if (summary.usersCounted()) {
            lines.add(row(summary.plan() != null ? "Actions in plan" : "Users in file", summary.totalRows()));
        }
        for (OutcomeCategory category : OutcomeCategory.values()) {
            // An onboarding run's table keeps the original script's rows.
            if (summary.plan() != null || !category.takesAccessAway() || summary.count(category) > 0) {
                lines.add(row(label.apply(category), summary.count(category)));
            }
        }
        if (summary.notProcessed() > 0) {
            lines.add(row("Not processed", summary.notProcessed()));
        }
        lines.add("-".repeat(64));
        lines.add(String.format(Locale.ROOT, "Requests %d (retries %d, rate-limited %d) in %.1f s", summary.requests(),
                summary.retries(), summary.rateLimited(), summary.durationSeconds()));
        if (summary.interrupted()) {
            lines.add("Interrupted: the results are incomplete; resume from the results file or journal to finish.");
        }
        for (String error : summary.errors()) {
            lines.add("Error: " + error);
        }
        return lines;
    }

    private static String row(String label, long value) {
        return String.format(Locale.ROOT, "%-34s %8d", label, value);
    }
}
