package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.CancelledException;
import io.jenkins.plugins.snykprovisioning.http.ExchangeListener;
import io.jenkins.plugins.snykprovisioning.http.HttpStats;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.input.InputFileException;
import io.jenkins.plugins.snykprovisioning.input.UserRow;
import io.jenkins.plugins.snykprovisioning.input.UserRows;
import io.jenkins.plugins.snykprovisioning.results.FailedRowsCsv;
import io.jenkins.plugins.snykprovisioning.results.ResultsFile;
import io.jenkins.plugins.snykprovisioning.results.RunJournal;
import io.jenkins.plugins.snykprovisioning.results.RunSummary;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.SnykIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One provisioning or role-update run. The file is read twice: once to check every row before
 * anything is sent, once to hand users to a pool of workers. Every row ends in exactly one
 * outcome; each is journaled the moment it is known, and the results file is written at the end,
 * also when the run is interrupted or stops on a fatal error.
 */
public final class ProvisioningRun {

    /** How long users already on the wire may finish after an interruption before their requests are cut. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final RunRequest request;
    private final SnykApi api;
    private final ProgressListener listener;
    private final Duration grace;
    private final AtomicLong dispatched = new AtomicLong();
    private final List<String> errors = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean interrupted;
    private volatile String fatalError;

    public ProvisioningRun(RunRequest request, SnykApi api, ProgressListener listener) {
        this(request, api, listener, DEFAULT_GRACE);
    }

    public ProvisioningRun(RunRequest request, SnykApi api, ProgressListener listener, Duration grace) {
        this.request = request;
        this.api = api;
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.grace = grace;
        api.transport().setListener(new ExchangeListener() {
            @Override
            public void onExchange(String described, int status, long millis, int attempt, String failure) {
                ProvisioningRun.this.listener.exchanged(described, status, millis, attempt, failure);
            }

            @Override
            public void onRetry(String described, int attempt, String reason, long delayMillis) {
                ProvisioningRun.this.listener.retrying(described, attempt, reason, delayMillis);
            }
        });
    }

    /**
     * Stops the run: no new user is started and no request retried; users on the wire may finish
     * within the grace period. Safe to call from any thread (a signal handler, a build abort).
     */
    public void cancel() {
        interrupted = true;
        stop();
    }

    private void stop() {
        stopping = true;
        api.transport().cancel();
    }

    public RunSummary execute() throws IOException {
        Instant startedAt = Instant.now();
        RunOutputs outputs = request.outputs();
        keepPreviousJournal(outputs.journalFile());
        long rows = 0;
        try (RunJournal journal = RunJournal.create(outputs.journalFile(), request.mode().id(), request.dryRun());
                FailedRowsCsv failedRows = outputs.failedRowsCsv() == null ? null : FailedRowsCsv.create(outputs.failedRowsCsv())) {
            RunRecorder recorder = new RunRecorder(journal, failedRows, listener);
            try {
                InputScan scan = InputScan.of(request, this::checkNotStopped);
                rows = scan.rows;
                recorder.expect(rows);
                scan.warnings.forEach(listener::notice);
                if (scan.rows == 0) {
                    throw new InputFileException(request.source().name(), 0, "has no users (only a header or blank lines)");
                }
                String badGroup = request.groupId() == null ? null : SnykIds.problem("group", request.groupId());
                if (badGroup != null) {
                    fatalError = badGroup + "; nothing was sent";
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
                        + (e instanceof SnykApiException api && api.status() == 401 ? " (check the token and the region)" : "");
            }
            if (fatalError != null) {
                errors.add(fatalError);
            }
            RunSummary summary = summarize(startedAt, rows, recorder);
            journal.close();
            ResultsFile.write(outputs.resultsFile(), outputs.journalFile(), summary);
            listener.finished(summary);
            return summary;
        }
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

    private void work(InputScan scan, RunRecorder recorder) throws IOException, TransportException, SnykApiException {
        int workers = Math.min(200, api.transport().settings().concurrency() * 4);
        ExecutorService pool = Executors.newFixedThreadPool(workers, workerThreads());
        // Bounded hand-over: the file is read only as fast as users are done.
        Semaphore backlog = new Semaphore(workers * 2);
        try (UserRows rows = UserRows.open(request.source(), request.limits())) {
            // The reads every user waits for go out at once, while the roles are read.
            UserWorkflow workflow = workflow(scan, pool);
            RoleCatalog roles = loadRoles();
            Set<String> carried = carryOver(scan, recorder);
            listener.started(new RunPlan(request.mode(), request.dryRun(), request.source().name(), scan.rows, scan.invalidRows,
                    scan.duplicateRows, scan.usersPerOrg.size(), carried.size()));
            UserRow row;
            while (!stopping && (row = rows.next()) != null) {
                PlannedRow planned = PlannedRow.of(row, request);
                if (planned.problem() == null && carried.contains(planned.key()) && scan.firstRows.get(planned.key()).line == planned.line()) {
                    continue;
                }
                UserOutcome decided = decideWithoutApi(planned, scan, roles);
                if (decided != null) {
                    recorder.record(decided);
                    continue;
                }
                RoleCatalog.ResolvedRole role = roles.resolve(planned.role());
                backlog.acquire();
                if (stopping) {
                    break;
                }
                dispatched.incrementAndGet();
                pool.execute(() -> {
                    try {
                        recordSafely(recorder, handle(workflow, planned, role));
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

    /** Null when the user was cut off before any write was sent: then nothing happened to them. */
    private UserOutcome handle(UserWorkflow workflow, PlannedRow planned, RoleCatalog.ResolvedRole role) {
        long writesBefore = api.transport().writesSentByThisThread();
        try {
            UserOutcome outcome = workflow.handle(planned, role);
            if (outcome.entry().path("status_code").asInt() == 401 && fatalError == null) {
                fatalError = "Snyk rejected the token (HTTP 401): " + outcome.message() + "; the run was stopped";
                stop();
            }
            return outcome;
        } catch (CancelledException e) {
            if (api.transport().writesSentByThisThread() == writesBefore) {
                return null;
            }
            return UserOutcome.failure(planned.subject(), "interrupted before this user was finished (" + e.getMessage()
                    + "); a change may have been made: run again or resume to finish", null, "interrupted", null, null);
        }
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

    private void recordSafely(RunRecorder recorder, UserOutcome outcome) {
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
                api.transport().abortInFlight();
            }
        }
        if (interruptedHere) {
            Thread.currentThread().interrupt();
        }
    }

    /** Outcomes known from the file alone: bad rows, duplicates, unknown roles. */
    private UserOutcome decideWithoutApi(PlannedRow row, InputScan scan, RoleCatalog roles) {
        if (row.problem() != null) {
            return UserOutcome.failure(row.subject(), row.problem(), null, "invalid_row", null, null);
        }
        InputScan.FirstRow first = scan.firstRows.get(row.key());
        if (first == null) {
            // The file changed between the two passes.
            return UserOutcome.failure(row.subject(), "the file changed while it was being processed",
                    null, "invalid_row", null, null);
        }
        if (InputScan.conflicting(first, roles)) {
            return UserOutcome.failure(row.subject(), "this user appears more than once for org "
                    + row.orgId() + " with different roles (first on line " + first.line + "); fix the file", null,
                    "conflicting_duplicate", null, null);
        }
        if (first.line != row.line()) {
            return UserOutcome.skipped(row.subject(), "duplicate of line " + first.line, first.line);
        }
        if (roles.resolve(row.role()) == null) {
            return UserOutcome.failure(row.subject(), roles.whyUnknown(row.role(), request.groupId()), null, "unknown_role", null, null);
        }
        return null;
    }

    /** Users an earlier run already did: recorded first, so that a crash now cannot lose them. */
    private Set<String> carryOver(InputScan scan, RunRecorder recorder) throws IOException {
        Set<String> carried = new HashSet<>();
        if (request.previousRun().size() == 0) {
            return carried;
        }
        for (String key : scan.firstRows.keySet()) {
            UserOutcome previous = request.previousRun().outcomeOf(key);
            if (previous != null) {
                recorder.record(previous);
                carried.add(key);
            }
        }
        listener.notice(carried.size() + " user(s) already done by the earlier run are not sent again");
        return carried;
    }

    /** The workflow of the run's mode, its shared reads already started on {@code pool}. */
    private UserWorkflow workflow(InputScan scan, Executor pool) {
        int maxOrgs = api.transport().settings().concurrency();
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

    private RunSummary summarize(Instant startedAt, long rows, RunRecorder recorder) {
        HttpStats stats = api.transport().stats();
        long recorded = recorder.recorded();
        boolean complete = fatalError == null && !interrupted && recorded >= rows;
        return new RunSummary(request.mode().id(), request.dryRun(), complete, interrupted, fatalError, rows,
                recorder.counts(), Math.max(0, rows - recorded), stats.requestsSent(), stats.calls(), stats.retries(),
                stats.rateLimited(), startedAt, Instant.now(), errors);
    }

    /** A journal from an earlier run is kept beside the new one rather than overwritten. */
    private static void keepPreviousJournal(Path journal) throws IOException {
        if (Files.exists(journal)) {
            String name = journal.getFileName().toString().replaceFirst("\\.jsonl$", "");
            Files.move(journal, journal.resolveSibling(name + ".previous.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        }
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
