package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import java.nio.file.Path;

/**
 * What a sync or offboarding run is asked beyond the users: how far it may go, and whether it makes a
 * plan, applies one, or both.
 *
 * @param removeMissing sync: remove members and pending provisions the file does not list
 * @param allOrgs offboarding: take the users from every org of the group, not only the file's org
 * @param planFile where a plan made by this run is written
 * @param applyPlan a plan from an earlier run, already checked against this run's API, group and orgs;
 *     null to make a plan
 * @param apply also apply the plan this run makes
 */
record SyncOptions(boolean removeMissing, boolean allOrgs, SyncLimits limits, Path planFile, Plan applyPlan, boolean apply) {
}
