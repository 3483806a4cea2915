package io.jenkins.plugins.snykprovisioning.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a run. {@code complete} is false when the run stopped early (interrupted, or a
 * {@code fatalError} such as an unreadable file or a rejected token): then {@code notProcessed}
 * rows have no outcome yet, and a resume finishes them.
 *
 * @param requests HTTP requests sent, retries included
 * @param calls API calls the work needed (a retried call counts once)
 */
public record RunSummary(String mode, boolean dryRun, boolean complete, boolean interrupted, String fatalError, long totalRows,
        Map<OutcomeCategory, Long> counts, long notProcessed, long requests, long calls, long retries, long rateLimited,
        Instant startedAt, Instant finishedAt, List<String> errors) {

    public RunSummary {
        EnumMap<OutcomeCategory, Long> all = new EnumMap<>(OutcomeCategory.class);
        for (OutcomeCategory category : OutcomeCategory.values()) {
            all.put(category, counts.getOrDefault(category, 0L));
        }
        counts = Collections.unmodifiableMap(all);
        errors = List.copyOf(errors);
    }

    public long count(OutcomeCategory category) {
        return counts.get(category);
    }

    public long failed() {
        return count(OutcomeCategory.FAILED);
    }

    public double durationSeconds() {
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /** Nothing failed, nothing left undone, no run-level error. */
    public boolean allSucceeded() {
        return complete && failed() == 0 && errors.isEmpty();
    }

    public ObjectNode toJson() {
        ObjectNode json = SnykJson.MAPPER.createObjectNode();
        json.put("mode", mode);
        json.put("dry_run", dryRun);
        json.put("complete", complete);
        json.put("interrupted", interrupted);
        if (fatalError != null) {
            json.put("fatal_error", fatalError);
        }
        json.put("total", totalRows);
        ObjectNode byOutcome = json.putObject("counts");
        counts.forEach((category, count) -> byOutcome.put(category.key(), count));
        json.put("not_processed", notProcessed);
        json.put("requests", requests);
        json.put("api_calls", calls);
        json.put("retries", retries);
        json.put("rate_limited", rateLimited);
        json.put("duration_seconds", Math.round(durationSeconds() * 1000) / 1000.0);
        json.put("started_at", startedAt.toString());
        json.put("finished_at", finishedAt.toString());
        return json;
    }
}
