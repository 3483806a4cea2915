package io.jenkins.plugins.snykprovisioning.engine;

import java.util.Locale;

/** What a run does to each user. */
public enum Mode {
    /** Provision new users, add existing ones to the org, correct members' roles. */
    PROVISION("provision"),
    /** Set the role of existing org members (Snyk's V1 role-update procedure). */
    UPDATE_ROLES("updateRoles");

    private final String id;

    Mode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Accepts {@code provision}, {@code updateRoles}, {@code update-roles}, {@code update_roles}. */
    public static Mode fromId(String value) {
        if (value == null || value.isBlank()) {
            return PROVISION;
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (Mode mode : values()) {
            if (mode.id.toLowerCase(Locale.ROOT).equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown mode '" + value.trim() + "'; expected 'provision' or 'updateRoles'");
    }
}
