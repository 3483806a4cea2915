package io.jenkins.plugins.snykprovisioning.snyk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.snykprovisioning.http.ApiTransport;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnykIdsTest {

    private static final String ORG = "20000000-0000-4000-8000-000000000001";

    @Test
    void onlyUuidsAreIds() {
        assertThat(SnykIds.isUuid(ORG)).isTrue();
        assertThat(SnykIds.isUuid("6E6A3E3C-1B4F-4E4F-9B87-0D8C2A7E5A10")).isTrue();
        for (String notAnId : List.of("", ".", "..", "o-platform", ORG + "/..", "../" + ORG.substring(3),
                ORG.replace('-', '_'), ORG.substring(0, 35) + "g", ORG + " ", "%2e%2e")) {
            assertThat(SnykIds.isUuid(notAnId)).as(notAnId).isFalse();
        }
        assertThat(SnykIds.isUuid(null)).isFalse();
        assertThat(SnykIds.problem("org", "..")).isEqualTo("the org id '..' is not a Snyk id (a UUID such as "
                + "6e6a3e3c-1b4f-4e4f-9b87-0d8c2a7e5a10)");
    }

    @Test
    void noClientPutsANonUuidInAUrlOrBody() throws Exception {
        // The transport points at an address nothing listens on: a request that got past the check would fail differently.
        try (SnykApi api = new SnykApi(SnykApiUrl.parse("http://127.0.0.1:9"), null,
                new ApiTransport("t", TransportSettings.defaults(), null))) {
            assertThatThrownBy(() -> api.provisioning().listPending("..")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the org id '..'");
            assertThatThrownBy(() -> api.provisioning().provision(ORG, "a@b.test", "Developer"))
                    .hasMessageContaining("the role id 'Developer'");
            assertThatThrownBy(() -> api.orgMembers().updateRole(ORG, "../../group", ORG)).hasMessageContaining("the user id");
            assertThatThrownBy(() -> api.orgMemberships().delete(ORG, ".")).hasMessageContaining("the membership id '.'");
            assertThatThrownBy(() -> api.groupMemberships().findByEmail("g/../o", "a@b.test")).hasMessageContaining("the group id");
            assertThatThrownBy(() -> api.roles().list(".")).hasMessageContaining("the group id '.'");
        }
    }

    @Test
    void aNextLinkWithDotSegmentsIsNotFollowed() throws Exception {
        try (ApiTransport transport = new ApiTransport("t", TransportSettings.defaults(), null)) {
            SnykCalls calls = new SnykCalls(SnykApiUrl.parse("https://api.snyk.io"), "2025-11-05", transport);
            for (String link : List.of("\"/orgs/" + ORG + "/../../v1/group/x/members?starting_after=a\"",
                    "\"/rest/orgs/%2E%2e/memberships?starting_after=a\"", "\"https://api.snyk.io/rest/./self\"")) {
                assertThatThrownBy(() -> calls.nextPage(SnykJson.MAPPER.readTree(link))).as(link)
                        .isInstanceOf(TransportException.class).hasMessageContaining("'.' or '..'");
            }
        }
    }
}
