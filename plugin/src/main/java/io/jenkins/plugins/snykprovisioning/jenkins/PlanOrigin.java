package io.jenkins.plugins.snykprovisioning.jenkins;

import java.util.Iterator;

/** The run that made a plan another run applied, found among the job's builds by the plan's id. */
public final class PlanOrigin {

    private final String label;
    private final String url;

    private PlanOrigin(String label, String url) {
        this.label = label;
        this.url = url;
    }

    /**
     * The run that made plan {@code planId}, among the first {@value ProvisioningHistory#MAX_BUILDS_EXAMINED} builds of
     * {@code newestFirst} (the applying build first: a Pipeline may plan and apply in one build); null when none did.
     */
    static PlanOrigin find(Iterator<? extends ProvisioningHistory.Build> newestFirst, String planId) {
        for (int examined = 0; examined < ProvisioningHistory.MAX_BUILDS_EXAMINED && newestFirst.hasNext(); examined++) {
            ProvisioningHistory.Build build = newestFirst.next();
            for (ProvisioningSummaryAction run : build.runs()) {
                PlanView plan = run.getPlan();
                if (plan != null && plan.isMade() && plan.getId().equals(planId)) {
                    return new PlanOrigin(ProvisioningHistory.label(build, run), ProvisioningHistory.url(build, run));
                }
            }
        }
        return null;
    }

    /** "#12", or "#12 (2)" for a build's second run. */
    public String getLabel() {
        return label;
    }

    /** The run's page, relative to Jenkins' root. */
    public String getUrl() {
        return url;
    }
}
