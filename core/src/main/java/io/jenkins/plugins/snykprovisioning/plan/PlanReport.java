package io.jenkins.plugins.snykprovisioning.plan;

import java.nio.file.Path;
import java.util.List;

/**
 * What a sync or offboarding run did with its plan, for the front ends to show and to decide the exit.
 *
 * @param plan the plan made, or the plan given to apply
 * @param planFile where this run wrote the plan it made; null when it applied one from a file
 * @param refusals why the plan was not applied: the limits checked in this run, rows the plan could not
 *     use; empty when they held
 * @param applied the plan's actions were carried out in this run (each one's outcome is in the results)
 * @param rejected why a plan given to apply was not even checked: it was made for another API, group or
 *     token user, or is too old; null otherwise
 */
public record PlanReport(Plan plan, Path planFile, List<String> refusals, boolean applied, String rejected) {

    public PlanReport {
        refusals = List.copyOf(refusals);
    }

    /** Nothing was applied because of a limit or the file: the run failed. */
    public boolean refused() {
        return !refusals.isEmpty();
    }
}
