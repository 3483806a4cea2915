package io.jenkins.plugins.snykprovisioning.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.snykprovisioning.engine.Mode;
import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.engine.TokenCheck;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.SnykRegion;
import java.io.IOException;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The form logic of the provisioning settings, shared by the freestyle step's and the Pipeline step's
 * descriptors (which Stapler calls, and which only delegate here).
 */
final class ProvisioningForm {

    private ProvisioningForm() {
    }

    /** Secret text credentials the item may use; only the current id for users who may not see them. */
    static ListBoxModel fillCredentialsIdItems(Item item, String credentialsId) {
        boolean allowed = item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        if (!allowed) {
            return new StandardListBoxModel().includeCurrentValue(credentialsId);
        }
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, item, StringCredentials.class)
                .includeCurrentValue(credentialsId);
    }

    /** The regions, after "Use the global default" (a blank region). */
    static ListBoxModel fillRegionItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.ProvisioningForm_GlobalRegion(), "");
        items.addAll(regionItems());
        return items;
    }

    /** Snyk's regions, e.g. "SNYK-EU-01 (Europe)". */
    static ListBoxModel regionItems() {
        ListBoxModel items = new ListBoxModel();
        for (SnykRegion region : SnykRegion.values()) {
            items.add(Messages.SnykProvisioningGlobalConfiguration_RegionOption(region.id(), region.location()), region.id());
        }
        return items;
    }

    /** Every mode, described, under the name scripts use. */
    static ListBoxModel fillModeItems() {
        ListBoxModel items = new ListBoxModel();
        for (JobMode mode : JobMode.values()) {
            items.add(modeLabel(mode), mode.name());
        }
        return items;
    }

    static String modeLabel(JobMode mode) {
        return switch (mode) {
            case provision -> Messages.ProvisioningForm_ModeProvision();
            case updateRoles -> Messages.ProvisioningForm_ModeUpdateRoles();
            case sync -> Messages.ProvisioningForm_ModeSync();
            case offboard -> Messages.ProvisioningForm_ModeOffboard();
            case export -> Messages.ProvisioningForm_ModeExport();
        };
    }

    /** How a form shows a check's answer (see {@link FormChecks}, whose checks need no POST or permission). */
    static FormValidation shown(FieldCheck check) {
        return switch (check.kind()) {
            case OK -> FormValidation.ok();
            case NOTE -> FormValidation.ok(check.message());
            case WARNING -> FormValidation.warning(check.message());
            case ERROR -> FormValidation.error(check.message());
        };
    }

    /**
     * Calls Snyk's {@code /self} with the credentials, in the region chosen (or the global one) or at the
     * global API URL override, and checks that the token may do the job in the org and group typed, for the
     * mode chosen: "Connected as ...", what keeps the token from the job, or Snyk's own error text, without
     * the token. Callers are POST-only; the permission to configure the item (or the controller) is checked here.
     */
    static FormValidation testConnection(Item item, String credentialsId, String region, String orgId, String groupId,
            String mode) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
        if (credentialsId == null || credentialsId.isBlank()) {
            return FormValidation.error(Messages.ProvisioningForm_NoCredentials());
        }
        if (FieldSyntax.hasVariable(credentialsId)) {
            return FormValidation.warning(Messages.ProvisioningForm_CredentialsExpression());
        }
        StringCredentials credentials = CredentialsProvider
                .lookupCredentialsInItem(StringCredentials.class, item, ACL.SYSTEM2, List.of()).stream()
                .filter(candidate -> candidate.getId().equals(credentialsId))
                .findFirst().orElse(null);
        if (credentials == null) {
            return FormValidation.error(Messages.RunCredentials_NotFound(credentialsId));
        }
        SnykApiDefaults defaults = SnykApiDefaults.current();
        Provisioning.Builder connection;
        String api;
        try {
            connection = defaults.configure(Provisioning.builder(), region == null || region.isBlank() ? null : region, null, null)
                    .token(credentials.getSecret().getPlainText()).mode(Mode.fromId(typed(mode)))
                    .defaultOrgId(typed(orgId)).groupId(typed(groupId));
            api = connection.apiRoot();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
        TokenCheck check;
        try {
            check = connection.checkConnection();
        } catch (SnykApiException | IOException e) {
            return FormValidation.error(Messages.ProvisioningForm_ConnectionFailed(api, e.getMessage()));
        }
        if (!check.fit()) {
            return FormValidation.error(Messages.ProvisioningForm_ConnectedUnfit(api, check.refusal()));
        }
        String connected = Messages.ProvisioningForm_Connected(api, check.owner().describe());
        return check.doubts().isEmpty() ? FormValidation.ok(connected)
                : FormValidation.warning(Messages.ProvisioningForm_ConnectedUnconfirmed(connected, String.join("; ", check.doubts())));
    }

    /** A field's value as typed, or null when it is blank or only known when the build runs. */
    private static String typed(String value) {
        return value == null || value.isBlank() || FieldSyntax.hasVariable(value) ? null : value;
    }
}
