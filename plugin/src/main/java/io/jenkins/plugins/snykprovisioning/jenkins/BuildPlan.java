package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The plan of a sync or offboarding run in a build. A plan to apply is copied from the workspace into the run's
 * folder on the controller, within the bound of a file to resume from; a plan the run makes is written there and
 * copied back into the workspace. Either is archived with the results, under its workspace path.
 */
final class BuildPlan {

    /** The largest plan read from a workspace: room for well over 100,000 actions. */
    static final long MAX_PLAN_BYTES = BuildProvisioning.MAX_USER_FILE_BYTES;
    /** Refusals named in the build's error; the build's page and the plan list them all. */
    static final int REFUSALS_IN_MESSAGE = 5;

    private final ResolvedSettings.Planning settings;
    private final Path folder;
    /** The controller's copy of the plan to apply; null when the run makes a plan. */
    private final Path toApply;

    private BuildPlan(ResolvedSettings.Planning settings, Path folder, Path toApply) {
        this.settings = settings;
        this.folder = folder;
        this.toApply = toApply;
    }

    /** The run's plan files in {@code folder}, the plan to apply copied there from the workspace. */
    static BuildPlan prepare(ResolvedSettings.Planning settings, BuildWorkspace workspace, Path folder)
            throws IOException, InterruptedException {
        Path toApply = null;
        if (settings.applyPlan() != null) {
            toApply = folder.resolve("applied-" + BuildProvisioning.fileName(settings.applyPlan()));
            workspace.copyToController(settings.applyPlan(), MAX_PLAN_BYTES, toApply);
        }
        return new BuildPlan(settings, folder, toApply);
    }

    /** Sets the sync options on {@code builder}: the plan to apply, or where the plan made goes and whether to apply it. */
    Provisioning.Builder configure(Provisioning.Builder builder) {
        builder.removeMissing(settings.removeMissing()).allOrgs(settings.allOrgs()).syncLimits(settings.limits());
        return toApply != null ? builder.applyPlan(toApply)
                : builder.planFile(folder.resolve(settings.planFile())).apply(settings.apply());
    }

    /**
     * Copies the plan made into the workspace, or removes a plan an earlier build left there when the run stopped
     * before making one, so that it is not taken for this run's.
     *
     * @return the plan's workspace path (the plan applied, or the plan made); null when no plan was made
     */
    String keep(BuildWorkspace workspace) throws IOException, InterruptedException {
        if (toApply != null) {
            return settings.applyPlan();
        }
        Path made = folder.resolve(settings.planFile());
        if (!Files.isRegularFile(made)) {
            workspace.delete(settings.planFile());
            return null;
        }
        workspace.copyFromController(made, settings.planFile());
        return settings.planFile();
    }

    /** Adds the plan to the artifacts (artifact path to path in the run's folder), under its workspace path. */
    void archiveInto(Map<String, String> artifacts) {
        if (toApply != null) {
            artifacts.put(settings.applyPlan(), folder.relativize(toApply).toString());
        } else if (Files.isRegularFile(folder.resolve(settings.planFile()))) {
            artifacts.put(settings.planFile(), settings.planFile());
        }
    }

    /**
     * The plan for the build's pages; null when the run stopped before it had one, or rejected the plan given without
     * checking it (made with another user's token): the build's error says why, and no limits were checked.
     */
    PlanView view(ProvisioningSummary summary, String planFile) {
        PlanReport report = summary.plan();
        return report == null || report.rejected() != null ? null : PlanView.of(report, planFile);
    }

    /** @throws ProvisioningException the limits refused the plan (nothing was applied), naming why */
    static void requireHeld(ProvisioningSummary summary) throws ProvisioningException {
        PlanReport report = summary.plan();
        if (report == null || !report.refused()) {
            return;
        }
        List<String> refusals = report.refusals();
        String reasons = String.join("; ", refusals.subList(0, Math.min(refusals.size(), REFUSALS_IN_MESSAGE)));
        throw new ProvisioningException(refusals.size() > REFUSALS_IN_MESSAGE
                ? Messages.BuildPlan_RefusedMore(reasons, refusals.size() - REFUSALS_IN_MESSAGE)
                : Messages.BuildPlan_Refused(reasons));
    }
}
