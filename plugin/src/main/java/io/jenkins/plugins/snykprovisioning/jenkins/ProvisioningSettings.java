package io.jenkins.plugins.snykprovisioning.jenkins;

import java.util.List;

/**
 * What one provisioning run is asked to do, as the freestyle build step and the Pipeline step are
 * configured: both have exactly these properties, under these names, and share one form. Text values
 * may hold {@code ${VAR}} references, expanded from the build's environment when the run starts.
 */
public interface ProvisioningSettings {

    String DEFAULT_RESULTS_FILE = "snyk-provisioning-results.json";
    /** Where a sync or offboarding build writes the plan it makes. */
    String DEFAULT_PLAN_FILE = "snyk-plan.json";
    String DEFAULT_EXPORT_FILE = "snyk-export.csv";

    /**
     * Every property, in form order: the names the form, the help files and Pipeline scripts use. Only
     * {@code credentialsId} is required (the steps' constructors take it); the others have setters.
     */
    List<String> PROPERTIES = List.of("credentialsId", "orgId", "groupId", "usersFile", "users", "defaultRole", "mode",
            "dryRun", "removeMissing", "allOrgs", "planFile", "applyPlan", "apply", "unstableOnChanges", "maxRemovals",
            "minAdmins", "protectedUsers", "exportFile", "adminsReport", "region", "concurrency", "maxRetries", "resultsFile",
            "archiveResults", "failOnUserErrors", "resumeFrom");

    /** Id of a Secret text credential holding a Snyk API token; never the token itself. */
    String getCredentialsId();

    /** Org for rows without an {@code org_id}; may be blank when every row names its org. */
    String getOrgId();

    String getGroupId();

    /** A CSV or JSON user file, relative to the workspace. */
    String getUsersFile();

    /** Users as CSV text, instead of a file. */
    String getUsers();

    /** Role (public id or name) for rows without one. */
    String getDefaultRole();

    JobMode getMode();

    boolean isDryRun();

    /** Sync: also remove the members and pending provisions of the file's orgs that the file does not list. */
    boolean isRemoveMissing();

    /** Offboarding: take the users away from every org of the group. Export: export every org of the group. */
    boolean isAllOrgs();

    /** Sync and offboarding: where the plan this build makes goes, relative to the workspace. */
    String getPlanFile();

    /** Sync and offboarding: a plan file in the workspace, made by an earlier run, to apply instead of making one. */
    String getApplyPlan();

    /** Sync and offboarding: apply the plan this build makes, in the same build, when its limits hold. */
    boolean isApply();

    /** Mark the build unstable when the plan it makes has changes: a drift check. */
    boolean isUnstableOnChanges();

    /** The most removals a plan may hold, {@code 10%} of each org or {@code 25} in all; blank for 10%. */
    String getMaxRemovals();

    /** The fewest Org Admins a plan may leave in an org it touches; null for 1. */
    Integer getMinAdmins();

    /** Emails a plan never removes nor re-roles, separated by commas, spaces or new lines. */
    String getProtectedUsers();

    /** Export: the user file written, relative to the workspace (CSV, or JSON for a {@code .json} name). */
    String getExportFile();

    /** Export: an access review in Markdown, relative to the workspace; none when blank. */
    String getAdminsReport();

    /** A Snyk region id; blank for the global configuration's. */
    String getRegion();

    /** Requests in flight at once; null for the global configuration's. */
    Integer getConcurrency();

    /** Retries of a failed request: null for the global configuration's, 0 for none. */
    Integer getMaxRetries();

    /** Where the results JSON goes, relative to the workspace; the failed rows go beside it. */
    String getResultsFile();

    boolean isArchiveResults();

    /** Fail the build, rather than mark it unstable, when some users could not be done. */
    boolean isFailOnUserErrors();

    /** A results file (or journal) of an earlier run in the workspace, whose done users are not sent again. */
    String getResumeFrom();

    /**
     * How a concurrency is stored: null for the global setting. Earlier versions stored 0 for it, as jobs and
     * scripts may still give; no run sends 0 requests at once, so 0 keeps that meaning.
     */
    static Integer concurrencyOrGlobal(Integer value) {
        return value == null || value == 0 ? null : value;
    }

    /** How optional text is stored: trimmed, and null when blank (so Pipeline snippets leave it out). */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String resultsFileOrDefault(String value) {
        return orDefault(value, DEFAULT_RESULTS_FILE);
    }

    static String planFileOrDefault(String value) {
        return orDefault(value, DEFAULT_PLAN_FILE);
    }

    static String exportFileOrDefault(String value) {
        return orDefault(value, DEFAULT_EXPORT_FILE);
    }

    private static String orDefault(String value, String defaultValue) {
        String given = optional(value);
        return given == null ? defaultValue : given;
    }
}
