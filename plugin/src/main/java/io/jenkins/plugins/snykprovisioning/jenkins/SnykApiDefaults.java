package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.http.ProxySettings;
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

    /**
     * Sets where and how {@code builder} calls Snyk: the job's region unless the API URL override wins, the job's
     * concurrency and retries (0 retries: none), each of the three the global one when the job's is null, and the
     * global rest.
     */
    Provisioning.Builder configure(Provisioning.Builder builder, String jobRegion, Integer jobConcurrency,
            Integer jobMaxRetries) {
        return builder.region(jobRegion == null ? region : jobRegion).apiUrl(apiUrl)
                .concurrency(jobConcurrency == null ? concurrency : jobConcurrency)
                .rateLimitPerMinute(rateLimitPerMinute)
                .timeouts(Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(responseTimeoutSeconds))
                .maxRetries(jobMaxRetries == null ? maxRetries : jobMaxRetries)
                .proxy(proxy);
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
