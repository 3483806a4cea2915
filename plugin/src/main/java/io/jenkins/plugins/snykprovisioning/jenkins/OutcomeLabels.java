package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;

/** The outcomes' names in the plugin's own (localised) words, for the console and the build page. */
final class OutcomeLabels {

    private OutcomeLabels() {
    }

    /** The name of {@code category}; in a dry run, which changed nothing, a change is named as what would be done. */
    static String of(OutcomeCategory category, boolean dryRun) {
        String wouldBe = dryRun ? wouldBe(category) : null;
        if (wouldBe != null) {
            return wouldBe;
        }
        return switch (category) {
            case PROVISIONED -> Messages.OutcomeLabels_Provisioned();
            case ALREADY_PROVISIONED -> Messages.OutcomeLabels_AlreadyProvisioned();
            case ORG_MEMBERSHIPS -> Messages.OutcomeLabels_OrgMemberships();
            case ALREADY_ADDED -> Messages.OutcomeLabels_AlreadyAdded();
            case ROLE_UPDATED -> Messages.OutcomeLabels_RoleUpdated();
            case REMOVED -> Messages.OutcomeLabels_Removed();
            case PENDING_DELETED -> Messages.OutcomeLabels_PendingDeleted();
            case FAILED -> Messages.OutcomeLabels_Failed();
            case SKIPPED -> Messages.OutcomeLabels_Skipped();
        };
    }

    /** What a dry run would have changed, or null for an outcome that is no change (already done, failed, skipped). */
    private static String wouldBe(OutcomeCategory category) {
        return switch (category) {
            case PROVISIONED -> Messages.OutcomeLabels_WouldBeProvisioned();
            case ORG_MEMBERSHIPS -> Messages.OutcomeLabels_WouldBeAdded();
            case ROLE_UPDATED -> Messages.OutcomeLabels_RoleWouldBeUpdated();
            case REMOVED -> Messages.OutcomeLabels_WouldBeRemoved();
            case PENDING_DELETED -> Messages.OutcomeLabels_PendingWouldBeDeleted();
            default -> null;
        };
    }
}
