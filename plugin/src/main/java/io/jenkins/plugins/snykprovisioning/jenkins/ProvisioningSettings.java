package io.jenkins.plugins.snykprovisioning.jenkins;

import java.util.List;

/**
 * What one provisioning run is asked to do, as the freestyle build step and the Pipeline step are
 * configured: both have exactly these properties, under these names, and share one form. Text values
 * may hold {@code ${VAR}} references, expanded from the build's environment when the run starts.
 */
public interface ProvisioningSettings {

    String DEFAULT_RESULTS_FILE = "snyk-provisioning-results.json";

    /**
     * Every property, in form order: the names the form, the help files and Pipeline scripts use. Only
     * {@code credentialsId} is required (the steps' constructors take it); the others have setters.
     */
    List<String> PROPERTIES = List.of("credentialsId", "orgId", "groupId", "usersFile", "users", "defaultRole", "mode",
            "dryRun", "region", "concurrency", "maxRetries", "resultsFile", "archiveResults", "failOnUserErrors",
            "resumeFrom");

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
        String given = optional(value);
        return given == null ? DEFAULT_RESULTS_FILE : given;
    }
}
