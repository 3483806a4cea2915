package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.input.InputFileException;
import io.jenkins.plugins.snykprovisioning.input.UserRow;
import io.jenkins.plugins.snykprovisioning.input.UserRows;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.SnykIds;
import io.jenkins.plugins.snykprovisioning.snyk.TokenOwner;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes a user file through a provisioning or role-update run. The file is read twice: once to
 * check every row before anything is sent, once to hand users to a pool of workers. Every row ends in
 * exactly one outcome.
 */
final class ProvisioningEngine extends Engine {

    private final AtomicLong dispatched = new AtomicLong();

    ProvisioningEngine(ProvisioningRequest request, SnykApi api, ApiTransport transport, ProgressListener listener, Duration grace) {
        super(request, api, transport, listener, grace);
    }

    @Override
    protected void work(OutcomeRecorder recorder) throws IOException, TransportException, SnykApiException {
        InputScan scan = InputScan.of(request, this::checkNotStopped);
        recorder.expect(scan.rows);
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
    }

    @Override
    protected String failedBeforeWork(Exception e) {
        return "reading the roles of group " + request.groupId() + " failed: " + e.getMessage();
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
        WorkerPool workers = workers();
        try (UserRows rows = UserRows.open(request.source(), request.limits())) {
            // The reads every user waits for go out at once, while the roles are read.
            UserWorkflow workflow = workflow(scan, workers.executor());
            RoleCatalog roles = loadRoles();
            if (!tokenMayDoTheJob(scan, workers.executor())) {
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
                dispatched.incrementAndGet();
                if (!workers.submit(() -> recordSafely(recorder, workflow.handle(checked, role)))) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            interruptedWhileHandingOut();
        } finally {
            workers.finish(this::cancel);
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
}
