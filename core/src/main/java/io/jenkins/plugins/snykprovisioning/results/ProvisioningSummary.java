package io.jenkins.plugins.snykprovisioning.results;

import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a provisioning run. {@code complete} is false when the run stopped early
 * (interrupted, or a {@code fatalError} such as an unreadable file or a rejected token): then
 * {@code notProcessed} rows have no outcome yet, and a resume finishes them.
 *
 * @param mode the mode's id ({@code provision}, {@code updateRoles})
 * @param totalRows rows in the file (0 when the run stopped before it had read the file: see {@link #usersCounted})
 * @param requests HTTP requests sent, retries included
 * @param calls API calls sent (a retried call counts once), never more than {@code requests}
 * @param firstFailures the first {@value #FAILURES_KEPT} failed users, for a front end to show
 * @param refused the run was refused before anything was written, because of how it was set up (no org for
 *     some rows, a token that cannot do the job): {@code fatalError} says why; front ends report it as bad usage
 * @param plan what a sync or offboarding run did with its plan; null for the other modes
 */
public record ProvisioningSummary(String mode, boolean dryRun, boolean complete, boolean interrupted, String fatalError,
        long totalRows, Map<OutcomeCategory, Long> counts, long notProcessed, long requests, long calls, long retries,
        long rateLimited, Instant startedAt, Instant finishedAt, List<String> errors, List<UserOutcome> firstFailures,
        boolean refused, PlanReport plan) {

    /** Failed users a summary keeps; the failed rows' file has them all. */
    public static final int FAILURES_KEPT = 200;

    public ProvisioningSummary {
        EnumMap<OutcomeCategory, Long> all = new EnumMap<>(OutcomeCategory.class);
        for (OutcomeCategory category : OutcomeCategory.values()) {
            all.put(category, counts.getOrDefault(category, 0L));
        }
        counts = Collections.unmodifiableMap(all);
        errors = List.copyOf(errors);
        firstFailures = List.copyOf(firstFailures.subList(0, Math.min(firstFailures.size(), FAILURES_KEPT)));
    }

    public long count(OutcomeCategory category) {
        return counts.get(category);
    }

    public long failed() {
        return count(OutcomeCategory.FAILED);
    }

    /**
     * False when the run stopped before it had read the user file to its end, or found no user in it: then
     * {@code totalRows} is 0 and says nothing about the file.
     */
    public boolean usersCounted() {
        return complete || totalRows > 0;
    }

    public double durationSeconds() {
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /** Nothing failed, nothing left undone, no run-level error, no plan refused. */
    public boolean allSucceeded() {
        return complete && failed() == 0 && errors.isEmpty() && (plan == null || !plan.refused() && plan.rejected() == null);
    }
}
