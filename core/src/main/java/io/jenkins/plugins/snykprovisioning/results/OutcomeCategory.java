package io.jenkins.plugins.snykprovisioning.results;

/**
 * Where a user ended up. The order is the key order of the results file, which keeps the
 * original script's keys in its order, with {@code role_updated} added after {@code already_added}
 * and the removals of sync and offboarding runs after it.
 */
public enum OutcomeCategory {
    PROVISIONED("provisioned", true, "Provisioned (new users)"),
    ALREADY_PROVISIONED("already_provisioned", true, "Already provisioned"),
    ORG_MEMBERSHIPS("org_memberships", true, "Added to org (existing users)"),
    ALREADY_ADDED("already_added", true, "Already added"),
    ROLE_UPDATED("role_updated", true, "Role updated"),
    REMOVED("removed", true, "Removed from org"),
    PENDING_DELETED("pending_deleted", true, "Pending provision deleted"),
    FAILED("failed", false, "Failed"),
    SKIPPED("skipped", true, "Skipped");

    private final String key;
    private final boolean success;
    private final String label;

    OutcomeCategory(String key, boolean success, String label) {
        this.key = key;
        this.success = success;
        this.label = label;
    }

    /** The name used in results files, summaries and the Pipeline step's return value. */
    public String key() {
        return key;
    }

    public boolean success() {
        return success;
    }

    /** A readable English name, e.g. "Added to org (existing users)". */
    public String label() {
        return label;
    }

    /** Only a sync or an offboarding takes access away: the other runs never end here. */
    public boolean takesAccessAway() {
        return this == REMOVED || this == PENDING_DELETED;
    }

    /** The category with this results-file key, or null for any other key. */
    public static OutcomeCategory byKey(String key) {
        for (OutcomeCategory category : values()) {
            if (category.key.equals(key)) {
                return category;
            }
        }
        return null;
    }
}
