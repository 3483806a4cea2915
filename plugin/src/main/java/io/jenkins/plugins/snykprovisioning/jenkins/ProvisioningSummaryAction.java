package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.snykprovisioning.input.Excerpt;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One provisioning run on the build's page (summary.jelly) and its own page (index.jelly): the count of
 * each outcome, the failed users with their reasons (the first {@value #FAILED_USERS_IN_SUMMARY} on the
 * build's page, the first {@value #MAX_FAILED_USERS} on its own), and links to the archived results. Also in the build's remote API ({@code api/json}).
 * The build's page shows the outcome as a bar ({@link #getOutcomeBar()}), and the job's page the last builds'
 * runs ({@link #getProjectActions()}). A sync or offboarding run also shows its plan ({@link PlanView}), and a run
 * that applied a plan made earlier links to the run that made it ({@link #getPlannedIn()}).
 *
 * <p>Saved with the build, so it holds only strings, numbers, JDK collections and this plugin's classes:
 * Jenkins' class filter refuses other types in build records.
 */
@ExportedBean
public final class ProvisioningSummaryAction implements RunAction2, SimpleBuildStep.LastBuildAction {

    /** Failed users kept with the build; the failed rows' file has them all. */
    static final int MAX_FAILED_USERS = ProvisioningSummary.FAILURES_KEPT;
    /** Failed users listed on the build's page; its own page lists the others. */
    static final int FAILED_USERS_IN_SUMMARY = 5;
    /** Longer emails, ids and messages are cut: the build record is loaded into the controller's memory. */
    static final int MAX_VALUE_CHARS = 256;
    static final int MAX_MESSAGE_CHARS = 1024;
    static final String URL_NAME = "snyk-provisioning";

    private final String mode;
    private final boolean dryRun;
    private final boolean complete;
    private final boolean interrupted;
    private final String fatalError;
    /** Refused before anything was written, because of how the run was set up (a token that cannot do it, rows without an org). */
    private final boolean refused;
    private final long total;
    private final long notProcessed;
    private final LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
    private final ArrayList<FailedUser> failedUsers;
    private final String resultsFile;
    private final String failedCsv;
    private final boolean archived;
    private final PlanView plan;
    private int number = 1;
    private transient Run<?, ?> run;

    /**
     * @param resultsFile the results JSON, relative to the workspace (and the artifacts, when {@code archived})
     * @param failedCsv the failed rows' CSV, likewise; null when no row failed
     * @param plan a sync or offboarding run's plan; null for the other modes, or when the run stopped before it had one
     */
    ProvisioningSummaryAction(ProvisioningSummary summary, String resultsFile, String failedCsv, boolean archived,
            PlanView plan) {
        this.mode = summary.mode();
        this.dryRun = summary.dryRun();
        this.complete = summary.complete();
        this.interrupted = summary.interrupted();
        this.fatalError = Excerpt.of(summary.fatalError(), MAX_MESSAGE_CHARS);
        this.refused = summary.refused();
        this.total = summary.totalRows();
        this.notProcessed = summary.notProcessed();
        for (OutcomeCategory category : OutcomeCategory.values()) {
            counts.put(category.key(), summary.count(category));
        }
        this.failedUsers = new ArrayList<>();
        for (UserOutcome failure : summary.firstFailures()) {
            failedUsers.add(new FailedUser(failure.email(), failure.orgId(), failure.line(), failure.message()));
        }
        this.resultsFile = resultsFile;
        this.failedCsv = failedCsv;
        this.archived = archived;
        this.plan = plan;
    }

    /** The {@code number}th run of the build; each has its own page. */
    void numbered(int number) {
        this.number = number;
    }

    /** Which run of the build this is, from 1. */
    int number() {
        return number;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-people";
    }

    @Override
    public String getDisplayName() {
        return number == 1 ? Messages.ProvisioningSummaryAction_DisplayName()
                : Messages.ProvisioningSummaryAction_NumberedDisplayName(number);
    }

    @Override
    public String getUrlName() {
        return number == 1 ? URL_NAME : URL_NAME + "-" + number;
    }

    @Exported
    public String getMode() {
        return mode;
    }

    @Exported
    public boolean isDryRun() {
        return dryRun;
    }

    /** Every user has an outcome: not interrupted, no fatal error. */
    @Exported
    public boolean isComplete() {
        return complete;
    }

    @Exported
    public boolean isInterrupted() {
        return interrupted;
    }

    /** Why the run stopped early (a rejected token, an unusable file), or null. */
    @Exported
    public String getFatalError() {
        return fatalError;
    }

    /** User rows in the file. */
    @Exported
    public long getTotal() {
        return total;
    }

    @Exported
    public long getNotProcessed() {
        return notProcessed;
    }

    /** Users per outcome, under the keys of the results file and of the Pipeline step's value. */
    @Exported
    public Map<String, Long> getCounts() {
        return counts;
    }

    public long getFailed() {
        return counts.getOrDefault(OutcomeCategory.FAILED.key(), 0L);
    }

    @Exported
    public List<FailedUser> getFailedUsers() {
        return failedUsers;
    }

    /** The first failed users, for the build's page. */
    public List<FailedUser> getFailedUsersInSummary() {
        return failedUsers.subList(0, Math.min(failedUsers.size(), FAILED_USERS_IN_SUMMARY));
    }

    /** Failed users not listed here (see the failed rows' file). */
    @Exported
    public long getFailedUsersNotShown() {
        return Math.max(0, getFailed() - failedUsers.size());
    }

    @Exported
    public String getResultsFile() {
        return resultsFile;
    }

    /** The failed rows' CSV, or null when no row failed (no such file is kept). */
    @Exported
    public String getFailedCsv() {
        return failedCsv;
    }

    /** True when the results and failed rows are among the build's artifacts. */
    @Exported
    public boolean isArchived() {
        return archived;
    }

    /** A sync or offboarding run's plan; null for the other modes. */
    @Exported
    public PlanView getPlan() {
        return plan;
    }

    /**
     * For a run that applied a plan made earlier, the run of this job that made it (this build's earlier runs, then
     * the last builds'); null for other runs, or when the plan was made elsewhere (another job, the command line).
     */
    public PlanOrigin getPlannedIn() {
        if (plan == null || plan.isMade() || run == null) {
            return null;
        }
        return PlanOrigin.find(ProvisioningHistoryAction.newestFirst(run), plan.getId());
    }

    /** Says that the list is cut short, or null when every failed user is listed. */
    public String getFailedUsersNote() {
        long notShown = getFailedUsersNotShown();
        return notShown == 0 ? null : Messages.ProvisioningSummaryAction_FailedUsersCapped(failedUsers.size(), getFailed());
    }

    public String getNotArchivedNote() {
        return failedCsv == null ? Messages.ProvisioningSummaryAction_NotArchived(resultsFile)
                : Messages.ProvisioningSummaryAction_NotArchivedWithFailedRows(resultsFile, failedCsv);
    }

    /** The outcomes with their readable names ("would be ..." in a dry run), for the pages. */
    public List<OutcomeCount> getOutcomes() {
        List<OutcomeCount> outcomes = new ArrayList<>();
        counts.forEach((key, count) -> outcomes.add(
                new OutcomeCount(OutcomeLabels.of(OutcomeCategory.byKey(key), dryRun), count)));
        return outcomes;
    }

    /** The outcome as one stacked bar, for the build's page. */
    public OutcomeBar getOutcomeBar() {
        return OutcomeBar.of(counts, notProcessed, dryRun);
    }

    /**
     * The table of the job's last runs, for the job's page; from the build's first run only, so that a build
     * with several runs adds one table.
     */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return number == 1 && run != null ? List.of(new ProvisioningHistoryAction(run.getParent())) : List.of();
    }

    /**
     * One line for the build page, e.g. "3 user row(s), mode provision: 1 failed (dry run: nothing was changed)", or
     * for a plan "5 change(s) planned, mode sync: limits held (plan only: nothing was changed)".
     */
    public String getHeadline() {
        long failed = getFailed();
        boolean planRefused = plan != null && plan.isRefused();
        String status = interrupted ? Messages.ProvisioningSummaryAction_Interrupted()
                : refused ? Messages.ProvisioningSummaryAction_Refused()
                : fatalError != null ? Messages.ProvisioningSummaryAction_Stopped()
                : planRefused ? Messages.ProvisioningSummaryAction_PlanRefused()
                : failed > 0 ? Messages.ProvisioningSummaryAction_SomeFailed(failed)
                : plan == null ? Messages.ProvisioningSummaryAction_AllDone()
                : plan.isApplied() ? Messages.ProvisioningSummaryAction_PlanApplied()
                : Messages.ProvisioningSummaryAction_PlanHeld();
        if (plan == null) {
            return Messages.ProvisioningSummaryAction_Headline(total, mode, status)
                    + (dryRun ? " " + Messages.ProvisioningSummaryAction_DryRun() : "");
        }
        return Messages.ProvisioningSummaryAction_PlanHeadline(plan.getChanges(), mode, status)
                + (dryRun && !planRefused ? " " + Messages.ProvisioningSummaryAction_PlanOnly() : "");
    }

    /** An outcome and how many users ended in it, for the pages. */
    public static final class OutcomeCount {
        private final String label;
        private final long count;

        OutcomeCount(String label, long count) {
            this.label = label;
            this.count = count;
        }

        public String getLabel() {
            return label;
        }

        public long getCount() {
            return count;
        }
    }

    /** A user the run could not do, and why. */
    @ExportedBean(defaultVisibility = 2)
    public static final class FailedUser {
        private final String email;
        private final String orgId;
        private final int line;
        private final String error;

        FailedUser(String email, String orgId, int line, String error) {
            this.email = Excerpt.of(email, MAX_VALUE_CHARS);
            this.orgId = Excerpt.of(orgId, MAX_VALUE_CHARS);
            this.line = line;
            this.error = Excerpt.of(error, MAX_MESSAGE_CHARS);
        }

        @Exported
        public String getEmail() {
            return email;
        }

        @Exported
        public String getOrgId() {
            return orgId;
        }

        /** The user's line in the file, 0 when unknown. */
        @Exported
        public int getLine() {
            return line;
        }

        @Exported
        public String getError() {
            return error;
        }
    }
}
