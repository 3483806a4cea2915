package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run that finished: what it did and where its files are in the workspace.
 *
 * @param resultsFile the results JSON, relative to the workspace
 * @param failedCsv the failed rows, relative to the workspace; null when no row failed
 */
record ProvisioningResult(ProvisioningSummary summary, String resultsFile, String failedCsv) {

    /** Some users could not be done: the build is unstable. */
    boolean usersFailed() {
        return !summary.allSucceeded();
    }

    /**
     * The Pipeline step's value: plain strings, numbers and booleans, which scripts read without approval.
     * Each outcome's count is under its results-file key ({@code provisioned}, {@code failed}...);
     * {@code failedCsv} is null when no row failed.
     */
    Map<String, Object> stepValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        for (OutcomeCategory category : OutcomeCategory.values()) {
            value.put(category.key(), summary.count(category));
        }
        value.put("total", summary.totalRows());
        value.put("complete", summary.complete());
        value.put("dryRun", summary.dryRun());
        value.put("resultsFile", resultsFile);
        value.put("failedCsv", failedCsv);
        return value;
    }
}
