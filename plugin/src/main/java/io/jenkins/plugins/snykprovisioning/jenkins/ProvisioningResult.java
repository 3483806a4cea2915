package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run that finished: what it did and where its files are in the workspace.
 *
 * @param resultsFile the results JSON, relative to the workspace
 * @param failedCsv the failed rows, relative to the workspace; null when no row failed
 * @param planFile a sync or offboarding run's plan (the plan made, or the plan applied), relative to the workspace;
 *     null in the other modes
 * @param unstableOnChanges a plan made with changes makes the build unstable (a drift check)
 */
record ProvisioningResult(ProvisioningSummary summary, String resultsFile, String failedCsv, String planFile,
        boolean unstableOnChanges) implements StepResult {

    /** Some users could not be done: the build is unstable. */
    boolean usersFailed() {
        return !summary.allSucceeded();
    }

    /** Users failed, or (with {@code unstableOnChanges}) the plan this run made has changes. */
    @Override
    public String unstableReason() {
        if (usersFailed()) {
            return Messages.ProvisioningResult_UsersFailed(summary.failed());
        }
        PlanReport report = summary.plan();
        if (unstableOnChanges && report != null && report.planFile() != null && !report.plan().actions().isEmpty()) {
            return Messages.ProvisioningResult_PlanHasChanges(report.plan().actions().size());
        }
        return null;
    }

    /**
     * The Pipeline step's value. Each outcome's count is under its results-file key ({@code provisioned},
     * {@code failed}...); {@code failedCsv} is null when no row failed. A sync or offboarding run adds its plan: the
     * count of each action under the plan file's action ids ({@code provision}, {@code remove_member}...),
     * {@code changes} (their sum), {@code planId}, {@code planFile} and {@code applied}.
     */
    @Override
    public Map<String, Object> stepValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        for (OutcomeCategory category : OutcomeCategory.values()) {
            value.put(category.key(), summary.count(category));
        }
        value.put("total", summary.totalRows());
        value.put("complete", summary.complete());
        value.put("dryRun", summary.dryRun());
        value.put("resultsFile", resultsFile);
        value.put("failedCsv", failedCsv);
        PlanReport report = summary.plan();
        if (report != null) {
            Plan plan = report.plan();
            for (Map.Entry<Action, Long> count : plan.counts().entrySet()) {
                value.put(count.getKey().id(), count.getValue());
            }
            value.put("changes", (long) plan.actions().size());
            value.put("planId", plan.id());
            value.put("planFile", planFile);
            value.put("applied", report.applied());
        }
        return value;
    }
}
