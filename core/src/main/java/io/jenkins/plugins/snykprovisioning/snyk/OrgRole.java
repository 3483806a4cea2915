package io.jenkins.plugins.snykprovisioning.snyk;

import java.util.Locale;

/** An org-level role of a group: a default one ({@code customRole} false) or a custom one. */
public record OrgRole(String publicId, String name, String description, boolean customRole) {

    /** A role name as Snyk compares them: any case, any spacing ("org  admin" is "Org Admin"). */
    public static String comparableName(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
