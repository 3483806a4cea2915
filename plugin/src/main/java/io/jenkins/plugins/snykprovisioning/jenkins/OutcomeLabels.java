package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;

/** The outcomes' names in the plugin's own (localised) words, for the console and the build page. */
final class OutcomeLabels {

    private OutcomeLabels() {
    }

    static String of(OutcomeCategory category) {
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
}
