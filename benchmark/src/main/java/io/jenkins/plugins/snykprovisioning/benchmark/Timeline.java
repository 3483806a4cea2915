package io.jenkins.plugins.snykprovisioning.benchmark;

import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a run's wall time went, as the simulator saw its requests arrive: before the first
 * request (reading and checking the file), the shared reads before the first write, the writes,
 * and after the last answer (the results file). {@code wireBusy} is the share of the run's
 * request-time capacity ({@code C ×} the span of requests) that requests actually used.
 */
record Timeline(long beforeFirstRequestMillis, long sharedReadsMillis, long writesMillis, long afterLastAnswerMillis,
        double wireBusy, long requests) {

    static Timeline of(List<LoggedRequest> log, Instant runStarted, Instant runFinished, int concurrency) {
        if (log.isEmpty()) {
            return new Timeline(millis(runStarted, runFinished), 0, 0, 0, 0, 0);
        }
        Instant first = log.get(0).timestamp();
        Instant firstWrite = null;
        Instant lastAnswer = first;
        long busyMillis = 0;
        for (LoggedRequest request : log) {
            if (request.timestamp().isBefore(first)) {
                first = request.timestamp();
            }
            if (request.isWrite() && (firstWrite == null || request.timestamp().isBefore(firstWrite))) {
                firstWrite = request.timestamp();
            }
            Instant answered = request.timestamp().plusMillis(request.durationMillis());
            if (answered.isAfter(lastAnswer)) {
                lastAnswer = answered;
            }
            busyMillis += request.durationMillis();
        }
        if (firstWrite == null) {
            firstWrite = lastAnswer;
        }
        long span = Math.max(1, millis(first, lastAnswer));
        return new Timeline(millis(runStarted, first), millis(first, firstWrite), millis(firstWrite, lastAnswer),
                millis(lastAnswer, runFinished), (double) busyMillis / (concurrency * span), log.size());
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    @Override
    public String toString() {
        return String.format("before the first request %d ms | shared reads %d ms | writes %d ms | after the last answer %d ms"
                + " | %d requests, wire busy %.0f%% of C", beforeFirstRequestMillis, sharedReadsMillis, writesMillis,
                afterLastAnswerMillis, requests, wireBusy * 100);
    }
}
