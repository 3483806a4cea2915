package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step "Provision users to Snyk". Pipeline scripts call {@code snykProvisionUsers}
 * ({@link SnykProvisionUsersStep}), which has the same properties, and whose form and help files this step
 * uses; this step has no symbol of that name, which the Pipeline step's function name would shadow anyway.
 */
public class SnykProvisionUsersBuilder extends Builder implements SimpleBuildStep, ProvisioningSettings {

    private final String credentialsId;
    private String orgId;
    private String groupId;
    private String usersFile;
    private String users;
    private String defaultRole;
    /** A mode's id as saved ({@link JobMode#of} reads it), so that a job saved with any spelling still loads. */
    private String mode = JobMode.provision.name();
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
    /** The {@code maxRetries} setting: null for the global setting, 0 for none. */
    private Integer retries;
    /**
     * {@code maxRetries} as jobs saved it before it could turn retries off, when 0 meant the global setting.
     * Moved to {@link #retries} when such a job is loaded, and then no longer saved.
     */
    private Integer maxRetries;
    private String resultsFile = DEFAULT_RESULTS_FILE;
    /** Null in a config.xml written without it: archiving is on by default. */
    private Boolean archiveResults = Boolean.TRUE;
    private boolean failOnUserErrors;
    private String resumeFrom;

    /** The credentials are all a job must give; every other setting is optional (see {@link ProvisioningSettings}). */
    @DataBoundConstructor
    public SnykProvisionUsersBuilder(String credentialsId) {
        this.credentialsId = ProvisioningSettings.optional(credentialsId);
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        BuildProvisioning.perform(this, run, workspace, env, launcher, listener);
    }

    /**
     * Settings left out of a config.xml written by hand or by a tool get their defaults: Jenkins reads the
     * file without running this class's constructor or field initializers.
     */
    protected Object readResolve() {
        resultsFile = ProvisioningSettings.resultsFileOrDefault(resultsFile);
        planFile = ProvisioningSettings.planFileOrDefault(planFile);
        exportFile = ProvisioningSettings.exportFileOrDefault(exportFile);
        concurrency = ProvisioningSettings.concurrencyOrGlobal(concurrency);
        if (maxRetries != null) {
            retries = maxRetries == 0 ? null : maxRetries;
            maxRetries = null;
        }
        return this;
    }

    /** Nothing is read from earlier builds, so builds need not wait for each other. */
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public String getOrgId() {
        return orgId;
    }

    /** May be left empty when every row of the user file names its org. */
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

    /** @throws IllegalArgumentException for a mode saved by hand that no version offered */
    @Override
    public JobMode getMode() {
        return JobMode.of(mode);
    }

    @DataBoundSetter
    public void setMode(JobMode mode) {
        this.mode = (mode == null ? JobMode.provision : mode).name();
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
        return retries;
    }

    /** 0 turns retries off; left empty, the global setting holds. */
    @DataBoundSetter
    public void setMaxRetries(Integer maxRetries) {
        this.retries = maxRetries;
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
        return archiveResults == null || archiveResults;
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

    /** The form's methods only hand over to {@link ProvisioningForm}, which the Pipeline step shares. */
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        /** The form and the help files are the Pipeline step's, which the Steps Reference finds only there. */
        public DescriptorImpl() {
            for (String property : PROPERTIES) {
                addHelpFileRedirect(property, SnykProvisionUsersStep.class, property);
            }
        }

        @Override
        public String getConfigPage() {
            return getViewPage(SnykProvisionUsersStep.class, "config.jelly");
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.SnykProvisionUsersBuilder_DisplayName();
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
