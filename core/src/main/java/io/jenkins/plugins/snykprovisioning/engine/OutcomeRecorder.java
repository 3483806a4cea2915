package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.results.FailedRowsCsv;
import io.jenkins.plugins.snykprovisioning.results.Journal;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Takes each finished user to the journal, the failed-rows file, the counts, the first failures a
 * summary shows, and the listener.
 */
final class OutcomeRecorder {

    private final Journal journal;
    private final FailedRowsCsv failedRows;
    private final ProgressListener listener;
    private final Map<OutcomeCategory, Long> counts = new EnumMap<>(OutcomeCategory.class);
    private final List<UserOutcome> firstFailures = new ArrayList<>();
    private long recorded;
    private long total;

    OutcomeRecorder(Journal journal, FailedRowsCsv failedRows, ProgressListener listener) {
        this.journal = journal;
        this.failedRows = failedRows;
        this.listener = listener;
    }

    synchronized void expect(long rows) {
        this.total = rows;
    }

    /** Workers record at the same time: the listener is told in the same lock, so its counts never go backwards. */
    synchronized void record(UserOutcome outcome) throws IOException {
        journal.record(outcome);
        if (failedRows != null) {
            failedRows.record(outcome);
        }
        counts.merge(outcome.category(), 1L, Long::sum);
        if (outcome.failure() != null && firstFailures.size() < ProvisioningSummary.FAILURES_KEPT) {
            firstFailures.add(outcome);
        }
        listener.userDone(outcome, ++recorded, total);
    }

    synchronized long expected() {
        return total;
    }

    synchronized long recorded() {
        return recorded;
    }

    synchronized Map<OutcomeCategory, Long> counts() {
        return new EnumMap<>(counts);
    }

    synchronized List<UserOutcome> firstFailures() {
        return List.copyOf(firstFailures);
    }
}
