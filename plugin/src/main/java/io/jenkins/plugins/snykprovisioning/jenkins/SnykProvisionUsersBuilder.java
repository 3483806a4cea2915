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
 * ({@link SnykProvisionUsersStep}), which has the same properties and form; this step has no symbol of
 * that name, which the Pipeline step's function name would shadow anyway.
 */
public class SnykProvisionUsersBuilder extends Builder implements SimpleBuildStep, ProvisioningSettings {

    private final String credentialsId;
    private final String orgId;
    private String groupId;
    private String usersFile;
    private String users;
    private String defaultRole;
    private String mode = DEFAULT_MODE;
    private boolean dryRun;
    private String region;
    private int concurrency;
    private int maxRetries;
    private String resultsFile = DEFAULT_RESULTS_FILE;
    /** Null in a config.xml written without it: archiving is on by default. */
    private Boolean archiveResults = Boolean.TRUE;
    private boolean failOnUserErrors;
    private String resumeFrom;

    @DataBoundConstructor
    public SnykProvisionUsersBuilder(String credentialsId, String orgId) {
        this.credentialsId = ProvisioningSettings.optional(credentialsId);
        this.orgId = ProvisioningSettings.optional(orgId);
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
        mode = ProvisioningSettings.modeOrDefault(mode);
        resultsFile = ProvisioningSettings.resultsFileOrDefault(resultsFile);
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
    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = ProvisioningSettings.modeOrDefault(mode);
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
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = ProvisioningSettings.optional(region);
    }

    @Override
    public int getConcurrency() {
        return concurrency;
    }

    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    @Override
    public int getMaxRetries() {
        return maxRetries;
    }

    @DataBoundSetter
    public void setMaxRetries(int maxRetries) {
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
            return ProvisioningForm.checkSnykId(value);
        }

        public FormValidation doCheckGroupId(@QueryParameter String value) {
            return ProvisioningForm.checkSnykId(value);
        }

        public FormValidation doCheckUsersFile(@QueryParameter String value, @QueryParameter String users) {
            return ProvisioningForm.checkUsersFile(value, users);
        }

        public FormValidation doCheckResultsFile(@QueryParameter String value) {
            return ProvisioningForm.checkWorkspacePath(value);
        }

        public FormValidation doCheckResumeFrom(@QueryParameter String value) {
            return ProvisioningForm.checkWorkspacePath(value);
        }

        @POST
        public FormValidation doTestConnection(@AncestorInPath Item item, @QueryParameter String credentialsId,
                @QueryParameter String region, @QueryParameter String orgId, @QueryParameter String groupId,
                @QueryParameter String mode) {
            return ProvisioningForm.testConnection(item, credentialsId, region, orgId, groupId, mode);
        }
    }
}
