package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.plan.PlanDiff;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Progress for people: a bar redrawn in place on a terminal, plain lines (at most one every few
 * seconds) in a file or a build log. Failures are always printed as they happen; in small runs,
 * every user is. The CLI and the Jenkins console both print with it.
 */
public final class ProgressPrinter implements ProgressListener {

    private static final long LINE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int BAR_WIDTH = 30;
    /** Up to this many users, every outcome gets its own line; beyond, only failures do. */
    private static final long LIST_EVERY_USER_UP_TO = 100;

    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastLineNanos = System.nanoTime();
    private long failed;
    private boolean barShown;

    public ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(Workload workload) {
        out.println((workload.dryRun() ? "Dry run (nothing will be changed): " : "") + workload.mode().id() + " of " + workload.rows()
                + " user row(s) from " + workload.source() + " in " + workload.orgs() + " org(s)"
                + (workload.resumed() > 0 ? ", " + workload.resumed() + " already done by the earlier run" : ""));
    }

    @Override
    public synchronized void notice(String message) {
        clearBar();
        out.println("  " + message);
    }

    @Override
    public synchronized void userDone(UserOutcome outcome, long done, long total) {
        boolean failure = outcome.category() == OutcomeCategory.FAILED;
        if (failure) {
            failed++;
        }
        if (failure || total <= LIST_EVERY_USER_UP_TO) {
            clearBar();
            String detail = outcome.detail() == null ? "" : ": " + outcome.detail();
            out.println("  " + (failure ? "FAILED" : outcome.category().label() + (outcome.dryRun() ? " (dry run)" : ""))
                    + " " + outcome.email() + " (org " + outcome.orgId() + (outcome.line() > 0 ? ", line " + outcome.line() : "") + ")" + detail);
        }
        long now = System.nanoTime();
        if (terminal) {
            drawBar(done, total, now);
        } else if (done == total || now - lastLineNanos >= LINE_INTERVAL_NANOS) {
            lastLineNanos = now;
            out.println("  " + status(done, total, now));
        }
    }

    @Override
    public synchronized void retrying(String request, int attempt, String reason, long delayMillis) {
        if (reason.contains("429")) {
            clearBar();
            out.println("  rate-limited by Snyk: waiting " + delayMillis + " ms before retry " + attempt + " of " + request);
        }
    }

    @Override
    public synchronized void planned(Plan plan) {
        clearBar();
        PlanDiff.lines(plan).forEach(out::println);
    }

    @Override
    public synchronized void finished(ProvisioningSummary summary) {
        clearBar();
    }

    private void drawBar(long done, long total, long now) {
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / total);
        out.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + status(done, total, now) + "  ");
        out.flush();
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            out.print("\r" + " ".repeat(BAR_WIDTH + 80) + "\r");
            barShown = false;
        }
    }

    private String status(long done, long total, long now) {
        double seconds = Math.max(0.001, (now - startNanos) / 1e9);
        double rate = done / seconds;
        String eta = rate > 0 && total > done ? ", about " + formatSeconds((total - done) / rate) + " left" : "";
        return String.format(Locale.ROOT, "%d/%d users (%d%%), %d failed, %.1f users/s%s", done, total,
                total == 0 ? 100 : 100 * done / total, failed, rate, eta);
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
