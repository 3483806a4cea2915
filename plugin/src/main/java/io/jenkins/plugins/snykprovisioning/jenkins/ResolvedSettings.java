package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.engine.Mode;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
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
 * @param failedCsv the failed rows' file in the workspace, beside {@code resultsFile}
 */
record ResolvedSettings(String credentialsId, String orgId, String groupId, String usersFile, String users,
        String defaultRole, Mode mode, boolean dryRun, String region, Integer concurrency, Integer maxRetries,
        String resultsFile, String failedCsv, boolean archiveResults, boolean failOnUserErrors, String resumeFrom) {

    static ResolvedSettings of(ProvisioningSettings settings, UnaryOperator<String> expand) throws ProvisioningException {
        String credentialsId = ProvisioningSettings.optional(settings.getCredentialsId());
        if (credentialsId == null) {
            throw new ProvisioningException(Messages.ResolvedSettings_NoCredentials());
        }
        String usersFile = expanded("usersFile", settings.getUsersFile(), expand);
        // Inline users are data: a '$' in them is not a reference to complain about.
        String users = ProvisioningSettings.optional(settings.getUsers() == null ? null : expand.apply(settings.getUsers()));
        if (usersFile == null && users == null) {
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

        String orgId = expanded("orgId", settings.getOrgId(), expand);
        String groupId = expanded("groupId", settings.getGroupId(), expand);
        Mode mode;
        String region = expanded("region", settings.getRegion(), expand);
        try {
            mode = settings.getMode().mode();
            region = region == null ? null : SnykRegion.fromId(region).id();
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        }
        return new ResolvedSettings(credentialsId, orgId, groupId, usersFile, users,
                expanded("defaultRole", settings.getDefaultRole(), expand), mode, settings.isDryRun(), region,
                inRange("concurrency", settings.getConcurrency(), 1, TransportSettings.MAX_CONCURRENCY),
                inRange("maxRetries", settings.getMaxRetries(), 0, TransportSettings.MAX_RETRIES), resultsFile,
                failedCsvBeside(resultsFile),
                settings.isArchiveResults(), settings.isFailOnUserErrors(), resumeFrom);
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
