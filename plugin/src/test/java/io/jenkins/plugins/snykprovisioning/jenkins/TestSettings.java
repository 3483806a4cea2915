package io.jenkins.plugins.snykprovisioning.jenkins;

/** Provisioning settings as a job would configure them, with the build steps' defaults. */
final class TestSettings implements ProvisioningSettings {

    String credentialsId;
    String orgId;
    String groupId;
    String usersFile;
    String users;
    String defaultRole;
    JobMode mode = JobMode.provision;
    boolean dryRun;
    boolean removeMissing;
    boolean allOrgs;
    String planFile = DEFAULT_PLAN_FILE;
    String applyPlan;
    boolean apply;
    boolean unstableOnChanges;
    String maxRemovals;
    Integer minAdmins;
    String protectedUsers;
    String exportFile = DEFAULT_EXPORT_FILE;
    String adminsReport;
    String region;
    Integer concurrency;
    Integer maxRetries;
    String resultsFile = DEFAULT_RESULTS_FILE;
    boolean archiveResults = true;
    boolean failOnUserErrors;
    String resumeFrom;

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

    @Override
    public String getUsersFile() {
        return usersFile;
    }

    @Override
    public String getUsers() {
        return users;
    }

    @Override
    public String getDefaultRole() {
        return defaultRole;
    }

    @Override
    public JobMode getMode() {
        return mode;
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @Override
    public boolean isRemoveMissing() {
        return removeMissing;
    }

    @Override
    public boolean isAllOrgs() {
        return allOrgs;
    }

    @Override
    public String getPlanFile() {
        return planFile;
    }

    @Override
    public String getApplyPlan() {
        return applyPlan;
    }

    @Override
    public boolean isApply() {
        return apply;
    }

    @Override
    public boolean isUnstableOnChanges() {
        return unstableOnChanges;
    }

    @Override
    public String getMaxRemovals() {
        return maxRemovals;
    }

    @Override
    public Integer getMinAdmins() {
        return minAdmins;
    }

    @Override
    public String getProtectedUsers() {
        return protectedUsers;
    }

    @Override
    public String getExportFile() {
        return exportFile;
    }

    @Override
    public String getAdminsReport() {
        return adminsReport;
    }

    @Override
    public String getRegion() {
        return region;
    }

    @Override
    public Integer getConcurrency() {
        return concurrency;
    }

    @Override
    public Integer getMaxRetries() {
        return maxRetries;
    }

    @Override
    public String getResultsFile() {
        return resultsFile;
    }

    @Override
    public boolean isArchiveResults() {
        return archiveResults;
    }

    @Override
    public boolean isFailOnUserErrors() {
        return failOnUserErrors;
    }

    @Override
    public String getResumeFrom() {
        return resumeFrom;
    }
}
