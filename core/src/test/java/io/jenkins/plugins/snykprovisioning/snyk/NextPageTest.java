package io.jenkins.plugins.snykprovisioning.snyk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NextPageTest {

    private final ApiTransport transport = new ApiTransport("test-token", TransportSettings.defaults(), null);
    private final SnykCalls calls = new SnykCalls(SnykApiUrl.parse("https://api.eu.snyk.io"), "2025-11-05", transport);

    @AfterEach
    void close() throws Exception {
        transport.close();
    }

    private static JsonNode json(String text) throws Exception {
        return SnykJson.MAPPER.readTree(text);
    }

    @Test
    void followsEveryFormOfNextLink() throws Exception {
        assertThat(calls.nextPage(json("\"https://api.eu.snyk.io/rest/orgs/o/memberships?version=2025-11-05&limit=100&starting_after=x\"")))
                .isEqualTo(URI.create("https://api.eu.snyk.io/rest/orgs/o/memberships?version=2025-11-05&limit=100&starting_after=x"));
        assertThat(calls.nextPage(json("\"/rest/orgs/o/memberships?limit=100&version=2025-11-05&starting_after=x\"")))
                .isEqualTo(URI.create("https://api.eu.snyk.io/rest/orgs/o/memberships?limit=100&version=2025-11-05&starting_after=x"));
        assertThat(calls.nextPage(json("\"/orgs/o/memberships?starting_after=x\"")))
                .isEqualTo(URI.create("https://api.eu.snyk.io/rest/orgs/o/memberships?starting_after=x&version=2025-11-05"));
        assertThat(calls.nextPage(json("{\"href\": \"/rest/groups/g/memberships?version=2025-11-05&starting_after=y\"}")))
                .isEqualTo(URI.create("https://api.eu.snyk.io/rest/groups/g/memberships?version=2025-11-05&starting_after=y"));
    }

    @Test
    void noLinkMeansLastPage() throws Exception {
        assertThat(calls.nextPage(null)).isNull();
        assertThat(calls.nextPage(json("null"))).isNull();
        assertThat(calls.nextPage(json("\"\""))).isNull();
        assertThat(calls.nextPage(json("{}"))).isNull();
    }

    @Test
    void refusesToFollowALinkToAnotherHost() {
        assertThatThrownBy(() -> calls.nextPage(json("\"https://collector.example.com/rest/orgs?version=1\"")))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("another host (collector.example.com)");
    }
}
