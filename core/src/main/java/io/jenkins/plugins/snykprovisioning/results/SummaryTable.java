package io.jenkins.plugins.snykprovisioning.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The end-of-run summary as plain text lines, shared by the CLI and the Jenkins console. */
public final class SummaryTable {

    private static final String[][] LABELS = {
        {"provisioned", "Provisioned (new users)"},
        {"already_provisioned", "Already provisioned"},
        {"org_memberships", "Added to org (existing users)"},
        {"already_added", "Already added"},
        {"role_updated", "Role updated"},
        {"skipped", "Skipped"},
        {"failed", "Failed"},
    };

    private SummaryTable() {
    }

    /** A readable name of an outcome, e.g. "Added to org (existing users)". */
    public static String label(OutcomeCategory category) {
        for (String[] label : LABELS) {
            if (label[0].equals(category.key())) {
                return label[1];
            }
        }
        return category.key();
    }

    public static List<String> lines(RunSummary summary) {
        List<String> lines = new ArrayList<>();
        String title = summary.dryRun() ? "Snyk provisioning summary (dry run: nothing was changed)" : "Snyk provisioning summary";
        lines.add("=".repeat(64));
        lines.add(title + (summary.mode().equals("provision") ? "" : " - mode " + summary.mode()));
        lines.add("=".repeat(64));
        lines.add(row("Users in file", summary.totalRows()));
        for (OutcomeCategory category : OutcomeCategory.values()) {
            lines.add(row(label(category), summary.count(category)));
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
