package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.input.InputFileException;
import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.plan.PlanAction;
import io.jenkins.plugins.snykprovisioning.plan.PlanFile;
import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.TokenOwner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sync or offboarding run: reads the file and the orgs, makes a plan and writes it; applies it when
 * asked ({@code --yes}); or applies a plan made earlier, once the limits hold again against a fresh
 * reading. Nothing is written to Snyk unless a plan is applied, and a plan over a limit never is; a dry run
 * of an apply says what applying would do now.
 */
final class SyncEngine extends Engine {

    private final String apiRoot;
    private volatile PlanReport report;

    SyncEngine(ProvisioningRequest request, SnykApi api, ApiTransport transport, ProgressListener listener, Duration grace,
            String apiRoot) {
        super(request, api, transport, listener, grace);
        this.apiRoot = apiRoot;
    }

    @Override
    protected void work(OutcomeRecorder recorder) throws IOException, TransportException, SnykApiException {
        Plan given = request.sync().applyPlan();
        if (given != null) {
            applyGiven(given, recorder);
        } else {
            makePlan(recorder);
        }
    }

    @Override
    protected String failedBeforeWork(Exception e) {
        // The group's people are listed once per plan and once per apply, which Snyk allows about once a minute.
        String hint = e instanceof SnykApiException refused && refused.status() == 429
                ? "; Snyk lists a group's members about once a minute per token: try again in a minute, nothing was changed" : "";
        return "reading group " + request.groupId() + " and its orgs failed: " + e.getMessage() + hint;
    }

    @Override
    protected PlanReport planReport() {
        return report;
    }

    private void makePlan(OutcomeRecorder recorder) throws IOException, TransportException, SnykApiException {
        RoleCatalog roles = RoleCatalog.load(api, request.groupId());
        DesiredUsers desired = DesiredUsers.read(request, roles, this::checkNotStopped);
        desired.warnings.forEach(listener::notice);
        if (desired.rows == 0) {
            throw new InputFileException(request.source().name(), 0, "has no users (only a header or blank lines)");
        }
        TenantReader reader = new TenantReader(api, request.concurrency(), listener);
        TenantSnapshot snapshot = reader.read(request.groupId(), orgsOf(desired), reader.owner(), true);
        Plan plan = Planner.plan(request, apiRoot, desired, snapshot);
        PlanFile.write(plan, request.sync().planFile());
        listener.planned(plan);
        boolean apply = request.sync().apply() && !plan.refused() && !request.dryRun();
        report = new PlanReport(plan, request.sync().planFile(), plan.refusals(), false, null);
        if (apply) {
            apply(plan, snapshot, recorder);
        } else {
            recorder.expect(plan.actions().size());
            for (PlanAction action : plan.actions()) {
                recorder.record(PlanApplier.wouldDo(action));
            }
        }
    }

    private void applyGiven(Plan plan, OutcomeRecorder recorder) throws IOException, TransportException, SnykApiException {
        TenantReader reader = new TenantReader(api, request.concurrency(), listener);
        TokenOwner owner = reader.owner();
        if (!owner.id().equalsIgnoreCase(plan.tokenUserId())) {
            String rejected = "plan " + plan.id() + " was made with the token of " + plan.tokenUser() + ", not of "
                    + owner.describe() + "; make a new plan with this token";
            report = new PlanReport(plan, null, List.of(), false, rejected);
            refuse(rejected + "; nothing was applied");
            return;
        }
        // Who may be a service account is checked again before anything is taken away or re-roled.
        boolean touchesMembers = plan.actions().stream().anyMatch(action -> action.kind().removal() || action.kind() == Action.CHANGE_ROLE);
        TenantSnapshot now = reader.read(plan.groupId(), plan.orgIds(), owner, touchesMembers);
        listener.planned(plan);
        apply(plan, now, recorder);
    }

    /**
     * Carries out the actions, each in one worker, once the plan's limits hold for what is left to do: actions an
     * interrupted earlier apply finished are carried over, and those whose user changed since the plan
     * are skipped, so neither counts.
     */
    private void apply(Plan plan, TenantSnapshot now, OutcomeRecorder recorder) throws IOException {
        recorder.expect(plan.actions().size());
        PlanApplier applier = new PlanApplier(api, request, now, listener);
        List<UserOutcome> carried = new ArrayList<>();
        List<PlanAction> toDo = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (PlanAction action : plan.actions()) {
            UserOutcome earlier = request.previousRun().outcomeOf(UserOutcome.key(action.email(), action.orgId()));
            if (earlier != null && earlier.category() == doneAs(action.kind()) && seen.add(key(action))) {
                carried.add(earlier);
            } else {
                toDo.add(action);
            }
        }
        // The limits the plan was made and reviewed with, not this run's: an approved plan means those.
        List<String> refusals = plan.limits().refusals(toDo.stream().filter(applier::stillHolds).toList(),
                now.counts(), action -> now.untouchable(action.orgId(), action.userId(), action.email()));
        report = new PlanReport(plan, report == null ? null : report.planFile(), refusals, refusals.isEmpty() && !request.dryRun(), null);
        if (!refusals.isEmpty()) {
            refusals.forEach(refusal -> listener.notice("not applied, a limit no longer holds: " + refusal));
            return;
        }
        for (UserOutcome earlier : carried) {
            recorder.record(earlier);
        }
        if (!carried.isEmpty()) {
            listener.notice(carried.size() + " action(s) already done by the earlier run are not applied again");
        }
        WorkerPool workers = workers();
        try {
            for (PlanAction action : toDo) {
                if (stopping || !workers.submit(() -> recordSafely(recorder, applier.apply(action, request.dryRun())))) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            interruptedWhileHandingOut();
        } finally {
            workers.finish(this::cancel);
        }
    }

    /** The outcome an applied action of this kind ends in. */
    static OutcomeCategory doneAs(Action kind) {
        return switch (kind) {
            case PROVISION -> OutcomeCategory.PROVISIONED;
            case ADD_MEMBERSHIP -> OutcomeCategory.ORG_MEMBERSHIPS;
            case CHANGE_ROLE, REPLACE_PENDING_PROVISION -> OutcomeCategory.ROLE_UPDATED;
            case REMOVE_MEMBER -> OutcomeCategory.REMOVED;
            case DELETE_PENDING_PROVISION -> OutcomeCategory.PENDING_DELETED;
        };
    }

    private static String key(PlanAction action) {
        return action.kind().id() + '\u0000' + UserOutcome.key(action.email(), action.orgId());
    }

    /** The orgs a plan covers: the file's (rows' org_id, else the default org), or for offboarding from all orgs, the group's. */
    private List<String> orgsOf(DesiredUsers desired) throws TransportException, SnykApiException {
        if (request.mode() == Mode.OFFBOARD && request.sync().allOrgs()) {
            List<String> orgs = new ArrayList<>();
            api.groupOrgs().list(request.groupId()).forEach(org -> orgs.add(org.id()));
            return orgs;
        }
        Set<String> orgs = new LinkedHashSet<>();
        if (request.mode() == Mode.OFFBOARD) {
            desired.leavers.forEach(leaver -> orgs.add(leaver.orgId()));
        } else {
            orgs.addAll(desired.byOrg.keySet());
        }
        return List.copyOf(orgs);
    }
}
