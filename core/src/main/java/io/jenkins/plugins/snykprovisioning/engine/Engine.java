package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import io.jenkins.plugins.snykprovisioning.http.CancelledException;
import io.jenkins.plugins.snykprovisioning.http.HttpStats;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.input.InputFileException;
import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import io.jenkins.plugins.snykprovisioning.results.FailedRowsCsv;
import io.jenkins.plugins.snykprovisioning.results.Journal;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.ResultsFormat;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What every run shares: outcomes journaled the moment they are known (and failures written to the
 * failed rows), the results file written at the end, also when the run is interrupted or stops on a
 * fatal error, and the way a run is stopped. Subclasses do the work of their mode.
 */
abstract class Engine {

    protected final ProvisioningRequest request;
    protected final SnykApi api;
    protected final ApiTransport transport;
    protected final ProgressListener listener;
    protected final Duration grace;
    private final List<String> errors = new ArrayList<>();
    private final RefusalStreak refusals = new RefusalStreak();
    protected volatile boolean stopping;
    private volatile boolean interrupted;
    protected volatile String fatalError;
    private volatile boolean refused;

    /**
     * @param transport the transport under {@code api}: this run's traffic figures, and the way to stop it
     * @param grace how long work already on the wire may finish after an interruption before its requests are cut
     */
    Engine(ProvisioningRequest request, SnykApi api, ApiTransport transport, ProgressListener listener, Duration grace) {
        this.request = request;
        this.api = api;
        this.transport = transport;
        this.listener = listener;
        this.grace = grace;
    }

    /**
     * Stops the run: no new work is started and no request retried; work on the wire may finish
     * within the grace period. Safe to call from any thread (a signal handler, a build abort).
     */
    final void cancel() {
        interrupted = true;
        stop();
    }

    /** The run cannot be done as it was set up (a front end reports it as bad usage): it stops before anything is written. */
    protected final void refuse(String message) {
        fatalError = message;
        refused = true;
    }

    protected final void stop() {
        stopping = true;
        transport.cancel();
    }

    final ProvisioningSummary execute() throws IOException {
        Instant startedAt = Instant.now();
        OutputFiles outputs = request.outputs();
        try (Journal journal = Journal.create(outputs.journalFile(), request.mode().id(), request.dryRun());
                FailedRowsCsv failedRows = outputs.failedRowsCsv() == null ? null : FailedRowsCsv.create(outputs.failedRowsCsv())) {
            OutcomeRecorder recorder = new OutcomeRecorder(journal, failedRows, listener);
            try {
                work(recorder);
            } catch (InputFileException e) {
                fatalError = e.getMessage();
            } catch (CancelledException e) {
                // Interrupted before work was handed out (reading the file or the API): nothing was done.
                cancel();
            } catch (SnykApiException | TransportException e) {
                fatalError = failedBeforeWork(e)
                        + (e instanceof SnykApiException refused && refused.status() == 401 ? " (check the token and the region)" : "");
            }
            if (fatalError != null) {
                errors.add(fatalError);
            }
            long recorded = recorder.recorded();
            long expected = Math.max(recorder.expected(), recorded);
            HttpStats stats = transport.stats();
            boolean complete = fatalError == null && !interrupted && recorded >= expected;
            ProvisioningSummary summary = new ProvisioningSummary(request.mode().id(), request.dryRun(), complete, interrupted,
                    fatalError, expected, recorder.counts(), expected - recorded, stats.requestsSent(), stats.calls(),
                    stats.retries(), stats.rateLimited(), startedAt, Instant.now(), errors, recorder.firstFailures(), refused,
                    planReport());
            journal.close();
            ResultsFormat.write(outputs.resultsFile(), outputs.journalFile(), summary);
            listener.finished(summary);
            return summary;
        }
    }

    /**
     * Does the run's work, recording every outcome with {@code recorder}, and telling it, as soon as it
     * is known, how many outcomes the run is about (rows of the file, actions of a plan).
     */
    protected abstract void work(OutcomeRecorder recorder) throws IOException, TransportException, SnykApiException;

    /** What the run was reading when the API refused or failed before any work was handed out. */
    protected abstract String failedBeforeWork(Exception e);

    /** What the run did with its plan; null for runs without one. */
    protected PlanReport planReport() {
        return null;
    }

    /** Throws once the run is stopping, or when the calling thread was interrupted (a build abort). */
    protected final void checkNotStopped() {
        if (Thread.currentThread().isInterrupted()) {
            cancel();
        }
        if (stopping) {
            throw new CancelledException("the run was interrupted while reading the user file");
        }
    }

    /**
     * Records an outcome from a worker (null: cut off before anything was changed). A rejected token, Snyk
     * refusing several users in a row for the same reason (rather than fail every user alike), or a journal
     * that cannot be written stops the run.
     */
    protected final void recordSafely(OutcomeRecorder recorder, UserOutcome outcome) {
        if (outcome == null) {
            return;
        }
        if (outcome.refusedWithStatus() == 401 && fatalError == null) {
            fatalError = "Snyk rejected the token (HTTP 401): " + outcome.message() + "; the run was stopped";
            stop();
        } else if (refusals.add(outcome)) {
            if (fatalError == null) {
                fatalError = "Snyk refused " + RefusalStreak.LIMIT + " users in a row for the same reason (" + outcome.message()
                        + "); the run was stopped rather than fail every user alike. The token's user probably lacks a "
                        + "permission the job needs: fix the token, then resume from the results to do the users not processed";
            }
            stop();
        }
        try {
            recorder.record(outcome);
        } catch (IOException e) {
            if (fatalError == null) {
                fatalError = "cannot write the journal: " + e.getMessage();
            }
            stop();
        }
    }

    /** A pool of workers for this run, stopping with it. */
    protected final WorkerPool workers() {
        return new WorkerPool(request.concurrency(), grace, () -> stopping, transport::abortInFlight);
    }

    protected final void interruptedWhileHandingOut() {
        // The calling thread was interrupted (a build abort): same as cancel().
        cancel();
        Thread.currentThread().interrupt();
    }
}
