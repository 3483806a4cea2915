package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import io.jenkins.plugins.snykprovisioning.http.CancelledException;
import io.jenkins.plugins.snykprovisioning.http.HttpStats;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.input.InputFileException;
import io.jenkins.plugins.snykprovisioning.input.UserRow;
import io.jenkins.plugins.snykprovisioning.input.UserRows;
import io.jenkins.plugins.snykprovisioning.results.FailedRowsCsv;
import io.jenkins.plugins.snykprovisioning.results.Journal;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.ResultsFormat;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.SnykIds;
import io.jenkins.plugins.snykprovisioning.snyk.TokenOwner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes a user file through a run. The file is read twice: once to check every row before
 * anything is sent, once to hand users to a pool of workers. Every row ends in exactly one
 * outcome; each is journaled the moment it is known, and the results file is written at the end,
 * also when the run is interrupted or stops on a fatal error.
 */
final class ProvisioningEngine {

    private final ProvisioningRequest request;
    private final SnykApi api;
    private final ApiTransport transport;
    private final ProgressListener listener;
    private final Duration grace;
    private final AtomicLong dispatched = new AtomicLong();
    private final RefusalStreak refusals = new RefusalStreak();
    private final List<String> errors = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean interrupted;
    private volatile String fatalError;
    private volatile boolean refused;

    /**
     * @param transport the transport under {@code api}: this run's traffic figures, and the way to stop it
     * @param grace how long users already on the wire may finish after an interruption before their requests are cut
     */
    ProvisioningEngine(ProvisioningRequest request, SnykApi api, ApiTransport transport, ProgressListener listener, Duration grace) {
        this.request = request;
        this.api = api;
        this.transport = transport;
        this.listener = listener;
        this.grace = grace;
    }

    /**
     * Stops the run: no new user is started and no request retried; users on the wire may finish
     * within the grace period. Safe to call from any thread (a signal handler, a build abort).
     */
    void cancel() {
        interrupted = true;
        stop();
    }

    private void stop() {
        stopping = true;
        transport.cancel();
    }

    ProvisioningSummary execute() throws IOException {
        Instant startedAt = Instant.now();
        OutputFiles outputs = request.outputs();
        long rows = 0;
        try (Journal journal = Journal.create(outputs.journalFile(), request.mode().id(), request.dryRun());
                FailedRowsCsv failedRows = outputs.failedRowsCsv() == null ? null : FailedRowsCsv.create(outputs.failedRowsCsv())) {
            OutcomeRecorder recorder = new OutcomeRecorder(journal, failedRows, listener);
            try {
                InputScan scan = InputScan.of(request, this::checkNotStopped);
                rows = scan.rows;
                recorder.expect(rows);
                scan.warnings.forEach(listener::notice);
                if (scan.rows == 0) {
                    throw new InputFileException(request.source().name(), 0, "has no users (only a header or blank lines)");
                }
                String badGroup = request.groupId() == null ? null : SnykIds.problem("group", request.groupId());
                String refusal = scan.rowsWithoutOrg > 0 ? scan.withoutOrgProblem() : badGroup;
                if (refusal != null) {
                    refuse(refusal + "; nothing was sent");
                } else {
                    work(scan, recorder);
                }
            } catch (InputFileException e) {
                fatalError = e.getMessage();
            } catch (CancelledException e) {
                // Interrupted before users were handed out (reading the file or the roles): nothing was done.
                cancel();
            } catch (SnykApiException | TransportException e) {
                fatalError = "reading the roles of group " + request.groupId() + " failed: " + e.getMessage()
                        + (e instanceof SnykApiException refused && refused.status() == 401 ? " (check the token and the region)" : "");
            }
            if (fatalError != null) {
                errors.add(fatalError);
            }
            ProvisioningSummary summary = summarize(startedAt, rows, recorder);
            journal.close();
            ResultsFormat.write(outputs.resultsFile(), outputs.journalFile(), summary);
            listener.finished(summary);
            return summary;
        }
    }

    /** The run cannot be done as it was set up: it stops before anything is written. */
    private void refuse(String message) {
        fatalError = message;
        refused = true;
    }

    /**
     * Asks Snyk whose the token is and whether it may write members in the file's orgs. False when the run
     * is refused or stopped here; a dry run only warns.
     */
    private boolean tokenMayDoTheJob(InputScan scan, Executor pool) {
        try {
            TokenOwner owner;
            try {
                owner = api.self().get();
            } catch (TransportException | SnykApiException e) {
                if (e instanceof SnykApiException refusedToken && refusedToken.status() == 401) {
                    throw refusedToken;
                }
                listener.notice("not checked whether the token may do this job: Snyk did not say whose it is (" + e.getMessage() + ")");
                return true;
            }
            TokenCheck check = TokenCheck.of(api, owner, request.mode(), scan.usersPerOrg.keySet(), request.groupId(), pool);
            check.doubts().forEach(doubt -> listener.notice("not confirmed that the token may do this job: " + doubt));
            if (check.fit()) {
                return true;
            }
            if (request.dryRun()) {
                listener.notice("WARNING: " + check.refusal() + ". A real run would stop here, before its first write");
                return true;
            }
            refuse(check.refusal() + "; nothing was written");
        } catch (SnykApiException e) {
            fatalError = "Snyk rejected the token when asked whose it is: " + e.getMessage() + " (check the token and the region)";
        }
        return false;
    }

    private RoleCatalog loadRoles() throws TransportException, SnykApiException {
        if (request.groupId() == null) {
            listener.notice("no group id: roles are sent as given, as public ids");
            return RoleCatalog.unverified();
        }
        RoleCatalog roles = RoleCatalog.load(api, request.groupId());
        listener.notice("group " + request.groupId() + ": " + roles.size() + " role(s)");
        return roles;
    }

    private void work(InputScan scan, OutcomeRecorder recorder) throws IOException, TransportException, SnykApiException {
        int workers = Math.min(200, request.concurrency() * 4);
        ExecutorService pool = Executors.newFixedThreadPool(workers, workerThreads());
        // Bounded hand-over: the file is read only as fast as users are done.
        Semaphore backlog = new Semaphore(workers * 2);
        try (UserRows rows = UserRows.open(request.source(), request.limits())) {
            // The reads every user waits for go out at once, while the roles are read.
            UserWorkflow workflow = workflow(scan, pool);
            RoleCatalog roles = loadRoles();
            if (!tokenMayDoTheJob(scan, pool)) {
                return;
            }
            RowTriage triage = new RowTriage(scan, roles, request.groupId());
            int carried = triage.carryOver(request.previousRun(), recorder);
            if (request.previousRun().size() > 0) {
                listener.notice(carried + " user(s) already done by the earlier run are not sent again");
            }
            listener.started(new Workload(request.mode(), request.dryRun(), request.source().name(), scan.rows, scan.invalidRows,
                    scan.duplicateRows, scan.usersPerOrg.size(), carried));
            UserRow row;
            while (!stopping && (row = rows.next()) != null) {
                CheckedRow checked = CheckedRow.of(row, request);
                if (triage.carriedOver(checked)) {
                    continue;
                }
                UserOutcome decided = triage.outcomeWithoutApi(checked);
                if (decided != null) {
                    recorder.record(decided);
                    continue;
                }
                RoleCatalog.ResolvedRole role = roles.resolve(checked.role());
                backlog.acquire();
                if (stopping) {
                    break;
                }
                dispatched.incrementAndGet();
                pool.execute(() -> {
                    try {
                        recordSafely(recorder, handle(workflow, checked, role));
                    } finally {
                        backlog.release();
                    }
                });
            }
        } catch (InterruptedException e) {
            // The calling thread was interrupted (a build abort): same as cancel().
            cancel();
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdown();
            finish(pool);
        }
    }

    /** Null when the user was cut off before anything was changed: then nothing happened to them. */
    private UserOutcome handle(UserWorkflow workflow, CheckedRow row, RoleCatalog.ResolvedRole role) {
        UserOutcome outcome = workflow.handle(row, role);
        if (outcome == null) {
            return null;
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
        return outcome;
    }

    /** Throws once the run is stopping, or when the calling thread was interrupted (a build abort). */
    private void checkNotStopped() {
        if (Thread.currentThread().isInterrupted()) {
            cancel();
        }
        if (stopping) {
            throw new CancelledException("the run was interrupted while reading the user file");
        }
    }

    private void recordSafely(OutcomeRecorder recorder, UserOutcome outcome) {
        if (outcome == null) {
            return;
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

    /**
     * Waits for users in progress, whatever interrupts this thread: their outcomes must reach the
     * journal before it closes. After an interruption, requests still on the wire past the grace
     * period are cut.
     */
    private void finish(ExecutorService pool) {
        boolean interruptedHere = false;
        long abortAt = Long.MAX_VALUE;
        while (true) {
            try {
                if (pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interruptedHere = true;
                cancel();
            }
            if (stopping && abortAt == Long.MAX_VALUE) {
                abortAt = System.nanoTime() + grace.toNanos();
            } else if (System.nanoTime() > abortAt) {
                transport.abortInFlight();
            }
        }
        if (interruptedHere) {
            Thread.currentThread().interrupt();
        }
    }

    /** The workflow of the run's mode, its shared reads already started on {@code pool}. */
    private UserWorkflow workflow(InputScan scan, Executor pool) {
        int maxOrgs = request.concurrency();
        if (request.mode() == Mode.UPDATE_ROLES) {
            RoleUpdateWorkflow workflow = new RoleUpdateWorkflow(api, request, listener);
            workflow.prefetch(scan.usersPerOrg.keySet(), pool, maxOrgs);
            return workflow;
        }
        OrgReads orgs = new OrgReads(api, scan.usersPerOrg, listener);
        orgs.prefetch(pool, maxOrgs);
        GroupDirectory group = request.groupId() == null ? null
                : new GroupDirectory(api, request.groupId(), dispatched::get, scan.firstRows.size(), listener);
        return new ProvisionWorkflow(api, request, orgs, group);
    }

    private ProvisioningSummary summarize(Instant startedAt, long rows, OutcomeRecorder recorder) {
        HttpStats stats = transport.stats();
        long recorded = recorder.recorded();
        boolean complete = fatalError == null && !interrupted && recorded >= rows;
        return new ProvisioningSummary(request.mode().id(), request.dryRun(), complete, interrupted, fatalError, rows,
                recorder.counts(), Math.max(0, rows - recorded), stats.requestsSent(), stats.calls(), stats.retries(),
                stats.rateLimited(), startedAt, Instant.now(), errors, recorder.firstFailures(), refused);
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "snyk-provisioning-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
