package io.jenkins.plugins.snykprovisioning.engine;

import java.util.Locale;

/** What a run does to each user. */
public enum Mode {
    /** Provision new users, add existing ones to the org, correct members' roles. */
    PROVISION("provision"),
    /** Set the role of existing org members (Snyk's V1 role-update procedure). */
    UPDATE_ROLES("updateRoles"),
    /** Make each org the file names what the file says: add, re-role and (when asked) remove; planned first. */
    SYNC("sync"),
    /** Take the file's users away: from their org, or from every org of the group; planned first. */
    OFFBOARD("offboard");

    private final String id;

    Mode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Sync and offboarding are planned, then applied; the others act on each user as they go. */
    public boolean planned() {
        return this == SYNC || this == OFFBOARD;
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
        throw new IllegalArgumentException("Unknown mode '" + value.trim() + "'; expected 'provision', 'updateRoles', 'sync' or 'offboard'");
    }
}
