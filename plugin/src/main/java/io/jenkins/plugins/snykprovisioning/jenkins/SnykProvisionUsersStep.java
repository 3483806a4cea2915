package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The Pipeline step {@code snykProvisionUsers}: the freestyle step's run, whose value is a map of plain
 * values (the count of each outcome, {@code total}, {@code complete}, {@code dryRun}, and the workspace
 * paths {@code resultsFile} and {@code failedCsv}; for a sync or offboarding run also its plan's, see
 * {@link ProvisioningResult#stepValue()}; for an export, {@link ExportResult#stepValue()}). Its form and help files are also the freestyle step's: the
 * Pipeline Steps Reference reads each parameter's help from this class's own folder only.
 */
public class SnykProvisionUsersStep extends Step implements ProvisioningSettings {

    static final String FUNCTION_NAME = "snykProvisionUsers";

    private final String credentialsId;
    private String orgId;
    private String groupId;
    private String usersFile;
    private String users;
    private String defaultRole;
    private JobMode mode = JobMode.provision;
    private boolean dryRun;
    private boolean removeMissing;
    private boolean allOrgs;
    private String planFile = DEFAULT_PLAN_FILE;
    private String applyPlan;
    private boolean apply;
    private boolean unstableOnChanges;
    private String maxRemovals;
    private Integer minAdmins;
    private String protectedUsers;
    private String exportFile = DEFAULT_EXPORT_FILE;
    private String adminsReport;
    private String region;
    private Integer concurrency;
    private Integer maxRetries;
    private String resultsFile = DEFAULT_RESULTS_FILE;
    private boolean archiveResults = true;
    private boolean failOnUserErrors;
    private String resumeFrom;

    /** The credentials are all a script must give; every other setting is optional (see {@link ProvisioningSettings}). */
    @DataBoundConstructor
    public SnykProvisionUsersStep(String credentialsId) {
        this.credentialsId = ProvisioningSettings.optional(credentialsId);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public String getOrgId() {
        return orgId;
    }

    /** May be left out when every row of the user file names its org. */
    @DataBoundSetter
    public void setOrgId(String orgId) {
        this.orgId = ProvisioningSettings.optional(orgId);
    }

    @Override
    public String getGroupId() {
        return groupId;
    }

    @DataBoundSetter
    public void setGroupId(String groupId) {
        this.groupId = ProvisioningSettings.optional(groupId);
    }

    @Override
    public String getUsersFile() {
        return usersFile;
    }

    @DataBoundSetter
    public void setUsersFile(String usersFile) {
        this.usersFile = ProvisioningSettings.optional(usersFile);
    }

    @Override
    public String getUsers() {
        return users;
    }

    @DataBoundSetter
    public void setUsers(String users) {
        this.users = ProvisioningSettings.optional(users);
    }

    @Override
    public String getDefaultRole() {
        return defaultRole;
    }

    @DataBoundSetter
    public void setDefaultRole(String defaultRole) {
        this.defaultRole = ProvisioningSettings.optional(defaultRole);
    }

    @Override
    public JobMode getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(JobMode mode) {
        this.mode = mode == null ? JobMode.provision : mode;
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public boolean isRemoveMissing() {
        return removeMissing;
    }

    @DataBoundSetter
    public void setRemoveMissing(boolean removeMissing) {
        this.removeMissing = removeMissing;
    }

    @Override
    public boolean isAllOrgs() {
        return allOrgs;
    }

    @DataBoundSetter
    public void setAllOrgs(boolean allOrgs) {
        this.allOrgs = allOrgs;
    }

    @Override
    public String getPlanFile() {
        return planFile;
    }

    @DataBoundSetter
    public void setPlanFile(String planFile) {
        this.planFile = ProvisioningSettings.planFileOrDefault(planFile);
    }

    @Override
    public String getApplyPlan() {
        return applyPlan;
    }

    @DataBoundSetter
    public void setApplyPlan(String applyPlan) {
        this.applyPlan = ProvisioningSettings.optional(applyPlan);
    }

    @Override
    public boolean isApply() {
        return apply;
    }

    @DataBoundSetter
    public void setApply(boolean apply) {
        this.apply = apply;
    }

    @Override
    public boolean isUnstableOnChanges() {
        return unstableOnChanges;
    }

    @DataBoundSetter
    public void setUnstableOnChanges(boolean unstableOnChanges) {
        this.unstableOnChanges = unstableOnChanges;
    }

    @Override
    public String getMaxRemovals() {
        return maxRemovals;
    }

    @DataBoundSetter
    public void setMaxRemovals(String maxRemovals) {
        this.maxRemovals = ProvisioningSettings.optional(maxRemovals);
    }

    @Override
    public Integer getMinAdmins() {
        return minAdmins;
    }

    @DataBoundSetter
    public void setMinAdmins(Integer minAdmins) {
        this.minAdmins = minAdmins;
    }

    @Override
    public String getProtectedUsers() {
        return protectedUsers;
    }

    @DataBoundSetter
    public void setProtectedUsers(String protectedUsers) {
        this.protectedUsers = ProvisioningSettings.optional(protectedUsers);
    }

    @Override
    public String getExportFile() {
        return exportFile;
    }

    @DataBoundSetter
    public void setExportFile(String exportFile) {
        this.exportFile = ProvisioningSettings.exportFileOrDefault(exportFile);
    }

    @Override
    public String getAdminsReport() {
        return adminsReport;
    }

    @DataBoundSetter
    public void setAdminsReport(String adminsReport) {
        this.adminsReport = ProvisioningSettings.optional(adminsReport);
    }

    @Override
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = ProvisioningSettings.optional(region);
    }

    @Override
    public Integer getConcurrency() {
        return concurrency;
    }

    @DataBoundSetter
    public void setConcurrency(Integer concurrency) {
        this.concurrency = ProvisioningSettings.concurrencyOrGlobal(concurrency);
    }

    @Override
    public Integer getMaxRetries() {
        return maxRetries;
    }

    /** 0 turns retries off; left out, the global setting holds. */
    @DataBoundSetter
    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public String getResultsFile() {
        return resultsFile;
    }

    @DataBoundSetter
    public void setResultsFile(String resultsFile) {
        this.resultsFile = ProvisioningSettings.resultsFileOrDefault(resultsFile);
    }

    @Override
    public boolean isArchiveResults() {
        return archiveResults;
    }

    @DataBoundSetter
    public void setArchiveResults(boolean archiveResults) {
        this.archiveResults = archiveResults;
    }

    @Override
    public boolean isFailOnUserErrors() {
        return failOnUserErrors;
    }

    @DataBoundSetter
    public void setFailOnUserErrors(boolean failOnUserErrors) {
        this.failOnUserErrors = failOnUserErrors;
    }

    @Override
    public String getResumeFrom() {
        return resumeFrom;
    }

    @DataBoundSetter
    public void setResumeFrom(String resumeFrom) {
        this.resumeFrom = ProvisioningSettings.optional(resumeFrom);
    }

    /**
     * Runs off the Pipeline thread. It does not survive a controller restart, but every outcome is
     * journaled as it happens and the results of an interrupted run are kept, so a run can be resumed.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient SnykProvisionUsersStep step;
        private transient volatile Thread worker;
        private transient volatile Throwable gracefulStopCause;

        Execution(SnykProvisionUsersStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            worker = Thread.currentThread();
            try {
                StepContext context = getContext();
                StepResult result = BuildProvisioning.perform(step, context.get(Run.class), context.get(FilePath.class),
                        context.get(EnvVars.class), context.get(Launcher.class), context.get(TaskListener.class));
                String unstable = result.unstableReason();
                if (unstable != null) {
                    StageWarning.markUnstable(context::get, context.getClass().getClassLoader(), unstable);
                }
                return result.stepValue();
            } catch (InterruptedException e) {
                // Stopped by stop(): end with its cause (which says "aborted by ..."), now that results are kept.
                Throwable cause = gracefulStopCause;
                if (cause instanceof Exception stopped) {
                    throw stopped;
                }
                throw e;
            } finally {
                worker = null;
            }
        }

        /**
         * The first stop interrupts the run, which then records and archives what it did before the step
         * fails (by default the step would fail at once, while its results are still being written). A second
         * stop, or one before the run started, fails the step at once.
         */
        @Override
        public void stop(Throwable cause) throws Exception {
            Thread running = worker;
            if (running == null || gracefulStopCause != null) {
                super.stop(cause);
                return;
            }
            gracefulStopCause = cause;
            running.interrupt();
        }
    }

    /** The form's lists and checks, which both descriptors delegate to {@link ProvisioningForm}. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @Override
        public String getDisplayName() {
            return Messages.SnykProvisionUsersBuilder_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return ProvisioningForm.fillCredentialsIdItems(item, credentialsId);
        }

        public ListBoxModel doFillRegionItems() {
            return ProvisioningForm.fillRegionItems();
        }

        public ListBoxModel doFillModeItems() {
            return ProvisioningForm.fillModeItems();
        }

        public FormValidation doCheckOrgId(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.snykId(value));
        }

        public FormValidation doCheckGroupId(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.snykId(value));
        }

        public FormValidation doCheckUsersFile(@QueryParameter String value, @QueryParameter String users) {
            return ProvisioningForm.shown(FormChecks.usersFile(value, users));
        }

        public FormValidation doCheckConcurrency(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.concurrency(value));
        }

        public FormValidation doCheckMaxRetries(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.maxRetries(value));
        }

        public FormValidation doCheckResultsFile(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.workspacePath(value));
        }

        public FormValidation doCheckResumeFrom(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.workspacePath(value));
        }

        public FormValidation doCheckPlanFile(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.workspacePath(value));
        }

        public FormValidation doCheckApplyPlan(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.workspacePath(value));
        }

        public FormValidation doCheckMaxRemovals(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.maxRemovals(value));
        }

        public FormValidation doCheckMinAdmins(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.minAdmins(value));
        }

        public FormValidation doCheckProtectedUsers(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.protectedUsers(value));
        }

        public FormValidation doCheckExportFile(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.workspacePath(value));
        }

        public FormValidation doCheckAdminsReport(@QueryParameter String value) {
            return ProvisioningForm.shown(FormChecks.workspacePath(value));
        }

        @POST
        public FormValidation doTestConnection(@AncestorInPath Item item, @QueryParameter String credentialsId,
                @QueryParameter String region, @QueryParameter String orgId, @QueryParameter String groupId,
                @QueryParameter String mode) {
            return ProvisioningForm.testConnection(item, credentialsId, region, orgId, groupId, mode);
        }
    }
}
