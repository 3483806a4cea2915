package io.jenkins.plugins.snykprovisioning.snyk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SnykApiUrlTest {

    @Test
    void regionsMapToTheirHosts() {
        assertThat(SnykApiUrl.of(SnykRegion.fromId("SNYK-EU-01")).v1("/org/o1/provision"))
                .isEqualTo(URI.create("https://api.eu.snyk.io/v1/org/o1/provision"));
        assertThat(SnykApiUrl.of(SnykRegion.fromId("snyk_au_01")).rest("/self?version=2025-11-05"))
                .isEqualTo(URI.create("https://api.au.snyk.io/rest/self?version=2025-11-05"));
        assertThat(SnykRegion.fromId(null)).isEqualTo(SnykRegion.SNYK_US_01);
        assertThat(SnykRegion.fromId("SNYK-US-02").apiBase()).isEqualTo("https://api.us.snyk.io");
    }

    @Test
    void unknownRegionNamesTheChoices() {
        assertThatThrownBy(() -> SnykRegion.fromId("SNYK-MARS-01"))
                .hasMessageContaining("SNYK-MARS-01")
                .hasMessageContaining("SNYK-US-01, SNYK-US-02, SNYK-EU-01, SNYK-AU-01");
    }

    @Test
    void overrideAcceptsHttpsAndLoopbackHttp() {
        assertThat(SnykApiUrl.parse("https://snyk.internal.example.com/").v1("/x"))
                .isEqualTo(URI.create("https://snyk.internal.example.com/v1/x"));
        assertThat(SnykApiUrl.parse("http://127.0.0.1:8080/v1").rest("/self"))
                .isEqualTo(URI.create("http://127.0.0.1:8080/rest/self"));
        assertThat(SnykApiUrl.parse("http://localhost:9/rest").root()).isEqualTo(URI.create("http://localhost:9"));
        assertThat(SnykApiUrl.parse("http://[::1]:9").root().getHost()).isEqualTo("[::1]");
    }

    @Test
    void overrideRefusesPlainHttpOffLoopbackAndOddUrls() {
        assertThatThrownBy(() -> SnykApiUrl.parse("http://snyk.example.com"))
                .hasMessageContaining("only https is allowed");
        assertThatThrownBy(() -> SnykApiUrl.parse("http://10.0.0.1:8080")).hasMessageContaining("only https");
        assertThatThrownBy(() -> SnykApiUrl.parse("ftp://x")).hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> SnykApiUrl.parse("https://u:p@x")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> SnykApiUrl.parse("  ")).hasMessageContaining("empty");
    }

    @Test
    void sameOriginComparesSchemeHostAndPort() {
        SnykApiUrl base = SnykApiUrl.parse("https://api.snyk.io");
        assertThat(base.sameOrigin(URI.create("https://api.snyk.io:443/rest/orgs"))).isTrue();
        assertThat(base.sameOrigin(URI.create("https://evil.example.com/rest/orgs"))).isFalse();
        assertThat(base.sameOrigin(URI.create("http://api.snyk.io/rest/orgs"))).isFalse();
    }
}
