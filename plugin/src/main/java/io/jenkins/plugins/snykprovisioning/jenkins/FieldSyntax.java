package io.jenkins.plugins.snykprovisioning.jenkins;

import java.util.regex.Pattern;

/**
 * Checks of what is typed into the provisioning settings that need neither Jenkins nor the network,
 * shared by the form and by the run. Each gives null when the value is fine, else a message.
 */
final class FieldSyntax {

    /** Snyk org, group and role ids are UUIDs. */
    private static final Pattern SNYK_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:.*");

    private FieldSyntax() {
    }

    /** True when the value refers to a variable, which only a build can expand. */
    static boolean hasVariable(String value) {
        return value != null && value.contains("$");
    }

    /** A Snyk org or group id must be a UUID; blank and {@code ${VAR}} values are left to the run. */
    static String snykIdProblem(String value) {
        if (value == null || value.isBlank() || hasVariable(value) || SNYK_ID.matcher(value.trim()).matches()) {
            return null;
        }
        return Messages.FieldSyntax_NotASnykId(value.trim());
    }

    /**
     * A path inside the workspace: relative, without {@code ..}. Symbolic links are checked where the
     * file lives, when the build runs.
     */
    static String workspacePathProblem(String value) {
        if (value == null || value.isBlank()) {
            return Messages.FieldSyntax_EmptyPath();
        }
        String path = value.trim();
        if (path.startsWith("/") || path.startsWith("\\") || WINDOWS_DRIVE.matcher(path).matches()) {
            return Messages.FieldSyntax_AbsolutePath(path);
        }
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return Messages.FieldSyntax_ParentPath(path);
            }
        }
        return null;
    }
}
