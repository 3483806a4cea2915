package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.engine.Mode;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import io.jenkins.plugins.snykprovisioning.plan.RemovalLimit;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import io.jenkins.plugins.snykprovisioning.snyk.SnykRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The settings of one run, with {@code ${VAR}} references expanded from the build's environment and
 * every value checked, so that a mistake fails the build before anything is sent.
 *
 * @param credentialsId as configured, unexpanded: a {@code ${PARAM}} reference to a credentials parameter
 *     is resolved by the credentials lookup itself
 * @param region null for the global configuration's
 * @param concurrency null for the global configuration's
 * @param maxRetries null for the global configuration's, 0 for no retries
 * @param usersFile null when the users are given as text, or not needed (an export, a plan to apply)
 * @param failedCsv the failed rows' file in the workspace, beside {@code resultsFile}
 * @param planning what a sync or offboarding run is asked beyond the users; null in the other modes
 * @param export what an export writes; null in the other modes
 */
record ResolvedSettings(String credentialsId, String orgId, String groupId, String usersFile, String users,
        String defaultRole, JobMode jobMode, boolean dryRun, String region, Integer concurrency, Integer maxRetries,
        String resultsFile, String failedCsv, boolean archiveResults, boolean failOnUserErrors, String resumeFrom,
        Planning planning, Export export) {

    /**
     * A sync or offboarding run's own settings.
     *
     * @param planFile where the plan this run makes goes in the workspace
     * @param applyPlan a plan in the workspace to apply instead of making one; null to make one
     * @param apply apply the plan this run makes
     */
    record Planning(boolean removeMissing, boolean allOrgs, String planFile, String applyPlan, boolean apply,
            boolean unstableOnChanges, SyncLimits limits) {

        /** The run only makes a plan: nothing is changed. */
        boolean planOnly() {
            return applyPlan == null && !apply;
        }
    }

    /**
     * An export's settings.
     *
     * @param adminsReport the access review's path in the workspace, or null for none
     * @param orgIds the orgs to export; empty for every org of the group
     */
    record Export(String exportFile, String adminsReport, List<String> orgIds) {
    }

    static ResolvedSettings of(ProvisioningSettings settings, UnaryOperator<String> expand) throws ProvisioningException {
        String credentialsId = ProvisioningSettings.optional(settings.getCredentialsId());
        if (credentialsId == null) {
            throw new ProvisioningException(Messages.ResolvedSettings_NoCredentials());
        }
        JobMode jobMode;
        try {
            jobMode = settings.getMode();
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        }
        String applyPlan = expanded("applyPlan", settings.getApplyPlan(), expand);
        if (applyPlan != null && !jobMode.planned()) {
            throw new ProvisioningException(Messages.ResolvedSettings_ApplyPlanMode(jobMode.name()));
        }
        String usersFile = expanded("usersFile", settings.getUsersFile(), expand);
        // Inline users are data: a '$' in them is not a reference to complain about.
        String users = ProvisioningSettings.optional(settings.getUsers() == null ? null : expand.apply(settings.getUsers()));
        boolean needsUsers = jobMode != JobMode.export && applyPlan == null;
        if (needsUsers && usersFile == null && users == null) {
            throw new ProvisioningException(Messages.ResolvedSettings_NoUsers());
        }
        if (usersFile != null && users != null) {
            throw new ProvisioningException(Messages.ResolvedSettings_BothUsers());
        }
        String resultsFile = ProvisioningSettings.resultsFileOrDefault(expanded("resultsFile", settings.getResultsFile(), expand));
        String resumeFrom = expanded("resumeFrom", settings.getResumeFrom(), expand);
        requireWorkspacePath("usersFile", usersFile);
        requireWorkspacePath("resultsFile", resultsFile);
        requireWorkspacePath("resumeFrom", resumeFrom);
        requireWorkspacePath("applyPlan", applyPlan);

        String orgId = expanded("orgId", settings.getOrgId(), expand);
        String groupId = expanded("groupId", settings.getGroupId(), expand);
        String region = expanded("region", settings.getRegion(), expand);
        try {
            region = region == null ? null : SnykRegion.fromId(region).id();
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        }
        String failedCsv = failedCsvBeside(resultsFile);
        Planning planning = jobMode.planned() ? planning(settings, jobMode, orgId, applyPlan, resultsFile, failedCsv, expand) : null;
        Export export = jobMode == JobMode.export ? export(settings, orgId, expand) : null;
        return new ResolvedSettings(credentialsId, orgId, groupId, usersFile, users,
                expanded("defaultRole", settings.getDefaultRole(), expand), jobMode, settings.isDryRun(), region,
                inRange("concurrency", settings.getConcurrency(), 1, TransportSettings.MAX_CONCURRENCY),
                inRange("maxRetries", settings.getMaxRetries(), 0, TransportSettings.MAX_RETRIES), resultsFile, failedCsv,
                settings.isArchiveResults(), settings.isFailOnUserErrors(), resumeFrom, planning, export);
    }

    /** The engine's mode; null for an export. */
    Mode mode() {
        return jobMode.mode();
    }

    private static Planning planning(ProvisioningSettings settings, JobMode jobMode, String orgId, String applyPlan,
            String resultsFile, String failedCsv, UnaryOperator<String> expand) throws ProvisioningException {
        String planFile = ProvisioningSettings.planFileOrDefault(expanded("planFile", settings.getPlanFile(), expand));
        requireWorkspacePath("planFile", planFile);
        requireDistinct("planFile", planFile, resultsFile, failedCsv);
        requireDistinct("applyPlan", applyPlan, resultsFile, failedCsv);
        SyncLimits limits;
        try {
            RemovalLimit maxRemovals = RemovalLimit.parse(expanded("maxRemovals", settings.getMaxRemovals(), expand));
            int minAdmins = settings.getMinAdmins() == null ? SyncLimits.DEFAULT_MIN_ADMINS : settings.getMinAdmins();
            limits = new SyncLimits(maxRemovals, minAdmins,
                    SyncLimits.parseEmails(expanded("protectedUsers", settings.getProtectedUsers(), expand)));
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        }
        return new Planning(settings.isRemoveMissing(), settings.isAllOrgs(), planFile, applyPlan, settings.isApply(),
                settings.isUnstableOnChanges(), limits);
    }

    private static Export export(ProvisioningSettings settings, String orgId, UnaryOperator<String> expand)
            throws ProvisioningException {
        if ((orgId == null) == !settings.isAllOrgs()) {
            throw new ProvisioningException(orgId == null ? Messages.ResolvedSettings_ExportWhichOrgs()
                    : Messages.ResolvedSettings_ExportBothOrgs());
        }
        String exportFile = ProvisioningSettings.exportFileOrDefault(expanded("exportFile", settings.getExportFile(), expand));
        String adminsReport = expanded("adminsReport", settings.getAdminsReport(), expand);
        requireWorkspacePath("exportFile", exportFile);
        requireWorkspacePath("adminsReport", adminsReport);
        requireDistinct("adminsReport", adminsReport, exportFile);
        return new Export(exportFile, adminsReport, orgId == null ? List.of() : List.of(orgId));
    }

    /** Doubts worth a line in the console that do not stop the run (Snyk answers for the ids themselves). */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (String[] id : new String[][] {{"orgId", orgId}, {"groupId", groupId}}) {
            String problem = FieldSyntax.snykIdProblem(id[1]);
            if (problem != null) {
                warnings.add(id[0] + ": " + problem);
            }
        }
        boolean usersGiven = usersFile != null || users != null;
        if (usersGiven && (export != null || planning != null && planning.applyPlan() != null)) {
            warnings.add(Messages.ResolvedSettings_UsersNotRead(jobMode.name()));
        }
        if (planning != null && planning.allOrgs() && jobMode == JobMode.offboard && orgId != null) {
            warnings.add(Messages.ResolvedSettings_OrgIdNotUsed());
        }
        if (planning != null && planning.allOrgs() && jobMode != JobMode.offboard) {
            warnings.add(Messages.ResolvedSettings_AllOrgsNotUsed(jobMode.name()));
        }
        if (planning != null && planning.removeMissing() && jobMode != JobMode.sync) {
            warnings.add(Messages.ResolvedSettings_RemoveMissingNotUsed(jobMode.name()));
        }
        return warnings;
    }

    /** {@code out/results.json} → {@code out/results-failed.csv}. */
    static String failedCsvBeside(String resultsFile) {
        int slash = Math.max(resultsFile.lastIndexOf('/'), resultsFile.lastIndexOf('\\'));
        String folder = resultsFile.substring(0, slash + 1);
        String name = resultsFile.substring(slash + 1);
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return folder + stem + "-failed.csv";
    }

    /** The value with variables expanded; a reference left unexpanded means the variable is not set. */
    private static String expanded(String property, String value, UnaryOperator<String> expand) throws ProvisioningException {
        String given = ProvisioningSettings.optional(value);
        if (given == null) {
            return null;
        }
        String result = ProvisioningSettings.optional(expand.apply(given));
        if (result != null && result.contains("${")) {
            throw new ProvisioningException(Messages.ResolvedSettings_UnsetVariable(property, result));
        }
        return result;
    }

    /** Two outputs at one path would overwrite each other. */
    private static void requireDistinct(String property, String value, String... others) throws ProvisioningException {
        for (String other : others) {
            if (value != null && value.equals(other)) {
                throw new ProvisioningException(Messages.ResolvedSettings_SamePath(property, value));
            }
        }
    }

    private static void requireWorkspacePath(String property, String value) throws ProvisioningException {
        String problem = value == null ? null : FieldSyntax.workspacePathProblem(value);
        if (problem != null) {
            throw new ProvisioningException(property + ": " + problem);
        }
    }

    /** The value, or null (the global setting) when not given. */
    private static Integer inRange(String property, Integer value, int min, int max) throws ProvisioningException {
        if (value != null && (value < min || value > max)) {
            throw new ProvisioningException(Messages.ResolvedSettings_OutOfRange(property, min, max, value));
        }
        return value;
    }
}
