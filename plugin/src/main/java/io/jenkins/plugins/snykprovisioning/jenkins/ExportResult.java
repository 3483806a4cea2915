package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.engine.ExportSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An export that finished.
 *
 * @param exportFile the user file written, relative to the workspace
 * @param adminsReport the access review, relative to the workspace; null when none was asked for
 */
record ExportResult(ExportSummary summary, String exportFile, String adminsReport) implements StepResult {

    /** {@code orgs}, {@code members}, {@code pending}, {@code withoutEmail}, and the files' workspace paths. */
    @Override
    public Map<String, Object> stepValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("orgs", (long) summary.orgs());
        value.put("members", summary.members());
        value.put("pending", summary.pending());
        value.put("withoutEmail", summary.withoutEmail());
        value.put("exportFile", exportFile);
        value.put("adminsReport", adminsReport);
        return value;
    }

    /** An export changes nothing and has nothing to fail but the whole. */
    @Override
    public String unstableReason() {
        return null;
    }
}
