package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import org.junit.jupiter.api.Test;

class SnykApiDefaultsTest {

    private final SnykApiDefaults defaults = new SnykApiDefaults("SNYK-EU-01", null, 10, 1500, 7, 45, 5, null);

    @Test
    void aJobsRegionReplacesTheGlobalOneButNotAnApiUrlOverride() {
        assertThat(defaults.configure(Provisioning.builder(), null, null, null).apiRoot()).isEqualTo("https://api.eu.snyk.io");
        assertThat(defaults.configure(Provisioning.builder(), "SNYK-AU-01", null, null).apiRoot()).isEqualTo("https://api.au.snyk.io");
        SnykApiDefaults overridden = new SnykApiDefaults("SNYK-EU-01", "http://127.0.0.1:8089", 10, 1500, 7, 45, 5, null);
        assertThat(overridden.configure(Provisioning.builder(), "SNYK-AU-01", null, null).apiRoot()).isEqualTo("http://127.0.0.1:8089");
    }

    @Test
    void aJobValueOutOfRangeIsRefusedWithTheEnginesMessage() {
        assertThatThrownBy(() -> defaults.configure(Provisioning.builder(), null, 51, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 50");
        assertThatThrownBy(() -> defaults.configure(Provisioning.builder(), null, null, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 10");
    }

    @Test
    void jenkinsNoProxyHostsAreSplitAsTyped() {
        assertThat(SnykApiDefaults.noProxyHosts("localhost\n*.internal, 10.0.0.1 |  snyk.example.com"))
                .containsExactly("localhost", "*.internal", "10.0.0.1", "snyk.example.com");
        assertThat(SnykApiDefaults.noProxyHosts(null)).isEmpty();
        assertThat(SnykApiDefaults.proxyOf(null)).isNull();
    }
}
