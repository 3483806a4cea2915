package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import io.jenkins.plugins.snykprovisioning.snyk.SnykRegion;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * Controller-wide settings: which Snyk API to call and how hard. Shown on the global configuration page
 * and read by Configuration as Code as {@code unclassified: snykProvisioning: ...}.
 *
 * <p>Setters refuse values the build steps could not use, so a bad value fails where it is entered (the
 * form or the YAML) rather than in a later build.
 */
@Extension
@Symbol("snykProvisioning")
public class SnykProvisioningGlobalConfiguration extends GlobalConfiguration {

    // The engine's defaults and limits (TransportSettings) are the only ones; the form and the checks read them here.
    private String region = SnykRegion.DEFAULT.id();
    private String apiUrl;
    private int concurrency = TransportSettings.DEFAULT_CONCURRENCY;
    private int rateLimitPerMinute = TransportSettings.DEFAULT_RATE_LIMIT_PER_MINUTE;
    private int connectTimeoutSeconds = TransportSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int responseTimeoutSeconds = TransportSettings.DEFAULT_RESPONSE_TIMEOUT_SECONDS;
    private int maxRetries = TransportSettings.DEFAULT_MAX_RETRIES;

    public SnykProvisioningGlobalConfiguration() {
        // Fields missing from the saved file keep the defaults above.
        load();
    }

    /** The instance Jenkins registered. */
    public static SnykProvisioningGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(SnykProvisioningGlobalConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.SnykProvisioningGlobalConfiguration_DisplayName();
    }

    /** A Snyk region id such as {@code SNYK-EU-01}; a token only works in the region that issued it. */
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = SnykRegion.fromId(region).id();
        save();
    }

    /** An API base URL replacing the region's (a private Snyk instance, a rehearsal simulator), or null. */
    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        String trimmed = apiUrl == null || apiUrl.isBlank() ? null : apiUrl.trim();
        if (trimmed != null) {
            Provisioning.builder().apiUrl(trimmed).apiRoot();
        }
        this.apiUrl = trimmed;
        save();
    }

    public int getConcurrency() {
        return concurrency;
    }

    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        this.concurrency = requireInRange("concurrency", concurrency, 1, TransportSettings.MAX_CONCURRENCY);
        save();
    }

    public int getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    @DataBoundSetter
    public void setRateLimitPerMinute(int rateLimitPerMinute) {
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException(
                    Messages.SnykProvisioningGlobalConfiguration_NotPositive("rateLimitPerMinute", rateLimitPerMinute));
        }
        this.rateLimitPerMinute = rateLimitPerMinute;
        save();
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds =
                requireInRange("connectTimeoutSeconds", connectTimeoutSeconds, 1, TransportSettings.MAX_TIMEOUT_SECONDS);
        save();
    }

    public int getResponseTimeoutSeconds() {
        return responseTimeoutSeconds;
    }

    @DataBoundSetter
    public void setResponseTimeoutSeconds(int responseTimeoutSeconds) {
        this.responseTimeoutSeconds =
                requireInRange("responseTimeoutSeconds", responseTimeoutSeconds, 1, TransportSettings.MAX_TIMEOUT_SECONDS);
        save();
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    @DataBoundSetter
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = requireInRange("maxRetries", maxRetries, 0, TransportSettings.MAX_RETRIES);
        save();
    }

    public ListBoxModel doFillRegionItems() {
        return ProvisioningForm.regionItems();
    }

    /**
     * Beside the region, outside the Advanced section: whether the saved API URL override replaces it. The override
     * is shown to administrators only, who may see it anyway.
     */
    public FormValidation doCheckRegion() {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return ProvisioningForm.shown(FormChecks.regionUnder(apiUrl));
    }

    // The checks below only look at the text typed (no network, no credentials), so they need neither
    // POST nor a permission check.

    public FormValidation doCheckApiUrl(@QueryParameter String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            Provisioning.builder().apiUrl(value).apiRoot();
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public FormValidation doCheckConcurrency(@QueryParameter String value) {
        return FormValidation.validateIntegerInRange(value, 1, TransportSettings.MAX_CONCURRENCY);
    }

    public FormValidation doCheckRateLimitPerMinute(@QueryParameter String value) {
        return FormValidation.validatePositiveInteger(value);
    }

    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        return FormValidation.validateIntegerInRange(value, 1, TransportSettings.MAX_TIMEOUT_SECONDS);
    }

    public FormValidation doCheckResponseTimeoutSeconds(@QueryParameter String value) {
        return FormValidation.validateIntegerInRange(value, 1, TransportSettings.MAX_TIMEOUT_SECONDS);
    }

    public FormValidation doCheckMaxRetries(@QueryParameter String value) {
        return FormValidation.validateIntegerInRange(value, 0, TransportSettings.MAX_RETRIES);
    }

    private static int requireInRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    Messages.SnykProvisioningGlobalConfiguration_OutOfRange(name, min, max, value));
        }
        return value;
    }
}
