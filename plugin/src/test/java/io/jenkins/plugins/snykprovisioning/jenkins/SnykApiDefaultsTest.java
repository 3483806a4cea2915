package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.http.ProxySettings;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnykApiDefaultsTest {

    private final ProxySettings proxy = new ProxySettings("proxy.example.com", 3128, null, null, List.of());
    private final SnykApiDefaults defaults = new SnykApiDefaults("SNYK-EU-01", null, 10, 1500, 7, 45, 5, proxy);

    @Test
    void aJobsConcurrencyAndRetriesReplaceTheGlobalOnes() {
        TransportSettings global = defaults.transport(0, 0);
        assertThat(global.concurrency()).isEqualTo(10);
        assertThat(global.retryPolicy().maxRetries()).isEqualTo(5);
        assertThat(global.rateLimitPerMinute()).isEqualTo(1500);
        assertThat(global.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(global.responseTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(global.proxy()).isSameAs(proxy);

        TransportSettings job = defaults.transport(3, 2);
        assertThat(job.concurrency()).isEqualTo(3);
        assertThat(job.retryPolicy().maxRetries()).isEqualTo(2);
    }

    @Test
    void aJobsRegionReplacesTheGlobalOneButNotAnApiUrlOverride() {
        assertThat(defaults.apiBase(null).root()).hasToString("https://api.eu.snyk.io");
        assertThat(defaults.apiBase("SNYK-AU-01").root()).hasToString("https://api.au.snyk.io");
        SnykApiDefaults overridden = new SnykApiDefaults("SNYK-EU-01", "http://127.0.0.1:8089", 10, 1500, 7, 45, 5, null);
        assertThat(overridden.apiBase("SNYK-AU-01").root()).hasToString("http://127.0.0.1:8089");
    }

    @Test
    void jenkinsNoProxyHostsAreSplitAsTyped() {
        assertThat(SnykApiDefaults.noProxyHosts("localhost\n*.internal, 10.0.0.1 |  snyk.example.com"))
                .containsExactly("localhost", "*.internal", "10.0.0.1", "snyk.example.com");
        assertThat(SnykApiDefaults.noProxyHosts(null)).isEmpty();
        assertThat(SnykApiDefaults.proxyOf(null)).isNull();
    }
}
