package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.plan.OrgCounts;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.plan.PlanAction;
import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Plans, their reports and the runs that show them, made up for the pages' tests. */
final class Plans {

    static final String ORG = "20000000-0000-4000-8000-000000000001";
    static final String OTHER_ORG = "20000000-0000-4000-8000-000000000002";
    static final Instant MADE = Instant.parse("2026-11-30T08:00:00Z");

    private Plans() {
    }

    /** An action on {@code email} in {@code orgId}; the roles matter only to the kinds that use them. */
    static PlanAction action(int id, Action kind, String orgId, String email, String currentRole, String role, int line) {
        return new PlanAction(id, kind, orgId, email, "user-" + id, "membership-" + id, currentRole, role,
                role == null ? null : "role-" + role, line);
    }

    /** A sync plan of {@code actions}, with figures for {@link #ORG} only. */
    static Plan plan(String id, List<PlanAction> actions, List<String> notes, List<String> refusals) {
        return plan(id, actions, notes, refusals, SyncLimits.DEFAULT);
    }

    /** A sync plan of {@code actions} made with {@code limits}. */
    static Plan plan(String id, List<PlanAction> actions, List<String> notes, List<String> refusals, SyncLimits limits) {
        List<String> orgIds = new ArrayList<>(new LinkedHashSet<>(actions.stream().map(PlanAction::orgId).toList()));
        return new Plan(id, MADE, Plan.SYNC, "https://api.snyk.io", "10000000-0000-4000-8000-000000000001", orgIds,
                "40000000-0000-4000-8000-000000000001", "admin", "users.csv", true, limits,
                List.of(new OrgCounts(ORG, 4, 1, 2)), actions, notes, refusals);
    }

    /** What a run did with {@code plan}: made it (and maybe applied it), or applied one made earlier. */
    static PlanReport report(Plan plan, boolean made, boolean applied) {
        return new PlanReport(plan, made ? Path.of("snyk-plan.json") : null, plan.refusals(), applied, null);
    }

    /** A run's page for {@code report}, with the limits it checked the default ones. */
    static ProvisioningSummaryAction run(PlanReport report) {
        long actions = report.plan().actions().size();
        ProvisioningSummary summary = new ProvisioningSummary(Plan.SYNC, !report.applied(), true, false, null, actions, Map.of(),
                0, 1, 1, 0, 0, Instant.EPOCH, Instant.EPOCH, List.of(), List.of(), false, report);
        return new ProvisioningSummaryAction(summary, "r.json", null, true,
                PlanView.of(report, "snyk-plan.json"));
    }
}
