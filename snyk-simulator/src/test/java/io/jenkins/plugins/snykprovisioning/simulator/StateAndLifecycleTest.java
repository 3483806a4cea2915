package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ADMIN_TOKEN;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.DEVELOPER_ROLE_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PLATFORM_ORG_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.NextLinkStyle;
import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.PendingProvision;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import io.jenkins.plugins.snykprovisioning.simulator.model.StateCounts;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateAndLifecycleTest extends SimulatorTestSupport {

    @Test
    void stateSurvivesAJsonRoundTripThroughAFile(@TempDir Path dir) {
        SimulatorState state = DemoState.create();
        state.addPendingProvision(DemoState.PAYMENTS_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID);
        Path file = dir.resolve("state.json");

        state.save(file);
        SimulatorState loaded = SimulatorState.load(file);

        assertThat(loaded.snapshot()).isEqualTo(state.snapshot());
        assertThat(loaded.tokenByValue(ADMIN_TOKEN).label()).isEqualTo("demo-admin");
        assertThat(loaded.counts()).isEqualTo(new StateCounts(5, 5, 1, 2, 7, 2));
    }

    @Test
    void anInconsistentStateIsRefusedAndChangesNothing() {
        String json = simulator.state().toJson().replace(DemoState.ALICE_USER_ID + "\",\n    \"email\"",
                "someone-else\",\n    \"email\"");
        assertThat(json).contains("someone-else");

        assertThatThrownBy(() -> simulator.state().replaceWith(Json.read(json,
                io.jenkins.plugins.snykprovisioning.simulator.model.StateSnapshot.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(DemoState.ALICE_USER_ID);
        assertThat(simulator.state().user(DemoState.ALICE_USER_ID)).isPresent();
    }

    @Test
    void restartingOnTheSamePortKeepsTheState() {
        provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID);
        int port = simulator.port();

        simulator.stop();
        assertThat(simulator.isRunning()).isFalse();
        assertThatThrownBy(() -> get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/provision"))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(ConnectException.class);
        simulator.start();

        assertThat(simulator.port()).isEqualTo(port);
        HttpResponse<String> pending = get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/provision");
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(json(pending).findValuesAsText("email")).containsExactly(DemoState.PENDING_EMAIL, "eve@example.com");
        assertThatThrownBy(() -> simulator.start(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theAdminStateViewHidesTokenValuesAndPutReplacesTheState() {
        HttpResponse<String> view = get(null, "/_simulator/state");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("demo-admin", "<redacted>").doesNotContain(ADMIN_TOKEN);

        SimulatorState other = SimulatorState.builder().group("g", "Other", false).org("o", "other", "g")
                .user("u", "u@other.test").orgMember("o", "u", Role.ORG_ADMIN).personalToken("other-token", "other", "u", true)
                .build();
        HttpResponse<String> replaced = send("PUT", null, "/_simulator/state", "application/json", other.toJson());

        assertThat(replaced.statusCode()).isEqualTo(204);
        assertThat(get("other-token", "/v1/org/o/members?includeGroupAdmins=true").statusCode()).isEqualTo(200);
        assertThat(get(ADMIN_TOKEN, "/v1/org/o/members").statusCode()).isEqualTo(401);
        assertThat(send("PUT", null, "/_simulator/state", "application/json", "{\"orgs\":[{\"id\":\"x\"}]}")
                .statusCode()).isEqualTo(400);
        assertThat(simulator.state().org("o")).isPresent();
    }

    @Test
    void theAdminConfigEndpointChangesOnlyTheGivenSettings() {
        HttpResponse<String> changed = post(null, "/_simulator/config",
                "{\"serverErrorRate\": 0.25, \"nextLinkStyle\": \"relative-without-rest\", \"latency\": \"5-10\"}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("serverErrorRate").asDouble()).isEqualTo(0.25);
        SimulatorConfig config = simulator.config();
        assertThat(config.getServerErrorRate()).isEqualTo(0.25);
        assertThat(config.getNextLinkStyle()).isEqualTo(NextLinkStyle.RELATIVE_WITHOUT_REST);
        assertThat(config.getLatency()).isEqualTo(new Latency(5, 10));
        assertThat(config.getExistingUserStatus()).isEqualTo(403);

        assertThat(post(null, "/_simulator/config", "{\"existingUserStatus\": 418}").statusCode()).isEqualTo(400);
        assertThat(post(null, "/_simulator/config", "{\"slowRate\": 2}").statusCode()).isEqualTo(400);
        assertThat(post(null, "/_simulator/config", "{\"noSuchSetting\": 1}").statusCode()).isEqualTo(400);
        assertThat(config.getExistingUserStatus()).isEqualTo(403);
        assertThat(json(get(null, "/_simulator/config")).get("latency").asText()).isEqualTo("5-10");
    }

    @Test
    void theRequestLogFiltersAndTheAdminViewOfIt() {
        get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/members");
        provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID);
        restGet(ADMIN_TOKEN, "/self");
        RequestLog log = simulator.requests();

        assertThat(log.count()).isEqualTo(3);
        assertThat(log.writes()).singleElement().satisfies(entry -> {
            assertThat(entry.method()).isEqualTo("POST");
            assertThat(entry.path()).isEqualTo("/v1/org/" + PLATFORM_ORG_ID + "/provision");
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.tokenLabel()).isEqualTo("demo-admin");
        });
        assertThat(log.count("GET", "/rest/")).isEqualTo(1);
        assertThat(log.matching(null, "/v1/")).hasSize(2);
        assertThat(log.entries().get(2).query()).isEqualTo("version=" + VERSION);
        assertThat(log.entries()).extracting(LoggedRequest::sequence).containsExactly(1L, 2L, 3L);

        assertThat(json(get(null, "/_simulator/requests?since=1"))).hasSize(2);
        assertThat(send("DELETE", null, "/_simulator/requests", null, null).statusCode()).isEqualTo(204);
        assertThat(log.count()).isZero();
        get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/members");
        assertThat(log.entries()).extracting(LoggedRequest::sequence).containsExactly(4L);
    }

    @Test
    void theBuilderMakesBulkUsersAndResolvesRoleNames() {
        SimulatorState state = SimulatorState.builder().group("g", "Bench", true).customRole("g", "r-dev", "Developer")
                .org("o", "bench", "g").users("user%04d@bench.test", 1000, false)
                .orgMember("o", StateBuilder.bulkUserId("user0042@bench.test"), "developer")
                .pendingProvision("o", "late@bench.test", Role.ORG_COLLABORATOR)
                .build();

        assertThat(state.counts()).isEqualTo(new StateCounts(1000, 0, 1, 1, 1, 1));
        assertThat(state.findUserByEmail("USER0042@bench.test").orElseThrow().id())
                .isEqualTo(StateBuilder.bulkUserId("user0042@bench.test"));
        assertThat(state.memberRole("o", StateBuilder.bulkUserId("user0042@bench.test"))).map(Role::publicId)
                .hasValue("r-dev");
        assertThat(state.pendingProvisions("o")).extracting(PendingProvision::rolePublicId)
                .containsExactly(SimulatorState.defaultRoleId("g", Role.ORG_COLLABORATOR));
        assertThatThrownBy(() -> SimulatorState.builder().group("g", "G", true).org("o", "o", "g")
                .user("u", "u@g.test").orgMember("o", "u", "Owner")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenPrintsWithoutItsValue() {
        ApiToken token = new ApiToken("s3cr3t-value", "ci", "u", TokenType.PERSONAL, true);
        assertThat(token.toString()).contains("ci").doesNotContain("s3cr3t-value");
    }
}
