package io.jenkins.plugins.snykprovisioning.results;

/**
 * Where a user ended up. The order is the key order of the results file, which keeps the
 * original script's keys in its order, with {@code role_updated} added after {@code already_added}.
 */
public enum OutcomeCategory {
    PROVISIONED("provisioned", true),
    ALREADY_PROVISIONED("already_provisioned", true),
    ORG_MEMBERSHIPS("org_memberships", true),
    ALREADY_ADDED("already_added", true),
    ROLE_UPDATED("role_updated", true),
    FAILED("failed", false),
    SKIPPED("skipped", true);

    private final String key;
    private final boolean success;

    OutcomeCategory(String key, boolean success) {
        this.key = key;
        this.success = success;
    }

    /** The name used in results files, summaries and the Pipeline step's return value. */
    public String key() {
        return key;
    }

    public boolean success() {
        return success;
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
