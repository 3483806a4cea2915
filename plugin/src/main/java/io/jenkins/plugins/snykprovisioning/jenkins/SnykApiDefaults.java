package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.snykprovisioning.http.ProxySettings;
import io.jenkins.plugins.snykprovisioning.http.RetryPolicy;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiBase;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * How this controller reaches Snyk, from the global configuration and Jenkins' proxy settings: the
 * defaults a job's own region, concurrency and retries replace.
 *
 * @param apiUrl an override of the region's API (a private instance, a rehearsal simulator), or null
 * @param proxy Jenkins' HTTP proxy, or null for direct connections
 */
record SnykApiDefaults(String region, String apiUrl, int concurrency, int rateLimitPerMinute, int connectTimeoutSeconds,
        int responseTimeoutSeconds, int maxRetries, ProxySettings proxy) {

    /** The settings in force now; only on the controller. */
    static SnykApiDefaults current() {
        SnykProvisioningGlobalConfiguration config = SnykProvisioningGlobalConfiguration.get();
        return new SnykApiDefaults(config.getRegion(), config.getApiUrl(), config.getConcurrency(),
                config.getRateLimitPerMinute(), config.getConnectTimeoutSeconds(), config.getResponseTimeoutSeconds(),
                config.getMaxRetries(), proxyOf(Jenkins.get().getProxy()));
    }

    /** The API of {@code jobRegion} (null: the global region); an API URL override wins over both. */
    SnykApiBase apiBase(String jobRegion) {
        return SnykApiBase.resolve(jobRegion == null ? region : jobRegion, apiUrl);
    }

    /** Transport settings with a job's concurrency and retries (0: the global ones). */
    TransportSettings transport(int jobConcurrency, int jobMaxRetries) {
        return TransportSettings.defaults()
                .withConcurrency(jobConcurrency > 0 ? jobConcurrency : concurrency)
                .withRateLimitPerMinute(rateLimitPerMinute)
                .withTimeouts(Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(responseTimeoutSeconds))
                .withRetryPolicy(RetryPolicy.withMaxRetries(jobMaxRetries > 0 ? jobMaxRetries : maxRetries))
                .withProxy(proxy);
    }

    static ProxySettings proxyOf(ProxyConfiguration proxy) {
        if (proxy == null || proxy.getName() == null || proxy.getName().isBlank()) {
            return null;
        }
        String password = proxy.getSecretPassword() == null ? null : proxy.getSecretPassword().getPlainText();
        return new ProxySettings(proxy.getName().trim(), proxy.getPort(), proxy.getUserName(), password,
                noProxyHosts(proxy.getNoProxyHost()));
    }

    /** Jenkins keeps the hosts to reach directly as typed: one per line, or separated by commas or spaces. */
    static List<String> noProxyHosts(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[\\s,;|]+")).filter(host -> !host.isBlank()).toList();
    }
}
