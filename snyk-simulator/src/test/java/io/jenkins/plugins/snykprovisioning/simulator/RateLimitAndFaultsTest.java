package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ADMIN_TOKEN;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ALICE_USER_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.DEVELOPER_ROLE_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.GROUP_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PLATFORM_ORG_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.snykprovisioning.simulator.model.PendingProvision;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RateLimitAndFaultsTest extends SimulatorTestSupport {

    private static final String MEMBERS = "/v1/org/" + PLATFORM_ORG_ID + "/members";

    private List<Integer> statusesOf(int count, String token) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(get(token, MEMBERS).statusCode());
        }
        return statuses;
    }

    @Test
    void requestsPastTheLimitGet429WithoutHintsByDefault() {
        simulator.config().setRateLimitPerMinute(180).setRateWindowMillis(1000);

        assertThat(statusesOf(3, ADMIN_TOKEN)).containsOnly(200);
        HttpResponse<String> refused = get(ADMIN_TOKEN, MEMBERS);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("code").asInt()).isEqualTo(429);
        assertThat(header(refused, "Retry-After")).isNull();
        assertThat(header(refused, "X-RateLimit-Reset")).isNull();
        assertThat(get(DemoState.VIEWER_TOKEN, MEMBERS).statusCode()).isEqualTo(200);
        LoggedRequest logged = simulator.requests().entries().get(3);
        assertThat(logged.status()).isEqualTo(429);
        assertThat(logged.fault()).isNull();
    }

    @Test
    void rateLimitHintsWhenConfiguredAndTheLimitSpansBothApiFamilies() {
        simulator.config().setRateLimitPerMinute(60).setRateWindowMillis(2000).setRetryAfterSeconds(7)
                .setRateLimitResetHeader(true);

        assertThat(statusesOf(2, ADMIN_TOKEN)).containsOnly(200);
        HttpResponse<String> refused = restGet(ADMIN_TOKEN, "/self");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).at("/errors/0/status").asText()).isEqualTo("429");
        assertThat(header(refused, "Retry-After")).isEqualTo("7");
        assertThat(Integer.parseInt(header(refused, "X-RateLimit-Reset"))).isBetween(1, 2);
    }

    @Test
    void refusedRequestsKeepTheWindowClosedUntilTheClientPauses() throws InterruptedException {
        simulator.config().setRateLimitPerMinute(360).setRateWindowMillis(500);
        assertThat(statusesOf(3, ADMIN_TOKEN)).containsOnly(200);

        List<Integer> hammering = new ArrayList<>();
        long until = System.currentTimeMillis() + 900;
        while (System.currentTimeMillis() < until) {
            hammering.add(get(ADMIN_TOKEN, MEMBERS).statusCode());
            Thread.sleep(100);
        }
        assertThat(hammering).hasSizeGreaterThan(4).containsOnly(429);

        Thread.sleep(600);
        assertThat(get(ADMIN_TOKEN, MEMBERS).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutCountingRefusedRequestsTheWindowReopensWhileTheClientKeepsCalling() throws InterruptedException {
        simulator.config().setRateLimitPerMinute(360).setRateWindowMillis(500).setCountRejectedRequests(false);
        long start = System.currentTimeMillis();
        assertThat(statusesOf(3, ADMIN_TOKEN)).containsOnly(200);
        assertThat(get(ADMIN_TOKEN, MEMBERS).statusCode()).isEqualTo(429);

        int status = 429;
        while (status == 429 && System.currentTimeMillis() - start < 3000) {
            Thread.sleep(50);
            status = get(ADMIN_TOKEN, MEMBERS).statusCode();
        }
        assertThat(status).isEqualTo(200);
        assertThat(System.currentTimeMillis() - start).isGreaterThanOrEqualTo(450);
    }

    @Test
    void aBurstRefusesConsecutiveRequestsWithoutApplyingThem() {
        simulator.config().setBurstRate(1.0).setBurstLength(3).setRetryAfterSeconds(1);
        HttpResponse<String> first = provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID);
        simulator.config().setBurstRate(0);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(header(first, "Retry-After")).isEqualTo("1");
        assertThat(provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID).statusCode()).isEqualTo(429);
        assertThat(provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID).statusCode()).isEqualTo(429);
        assertThat(simulator.state().pendingProvisions(PLATFORM_ORG_ID)).hasSize(1);
        assertThat(provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID).statusCode()).isEqualTo(200);
        assertThat(simulator.requests().withFault(Fault.RATE_LIMIT_BURST)).hasSize(3)
                .allSatisfy(logged -> assertThat(logged.status()).isEqualTo(429));
    }

    @Test
    void plannedFaultsHitExactlyTheRequestsTheyNameAndNoOthers() {
        simulator.config().planFault("POST", "/v1/org/" + PLATFORM_ORG_ID + "/provision", Fault.SERVER_ERROR, 2)
                .planFault("GET", "/v1/org/" + PLATFORM_ORG_ID + "/provision", Fault.MALFORMED_BODY, 1);

        assertThat(get(ADMIN_TOKEN, "/v1/group/" + GROUP_ID + "/roles").statusCode()).isEqualTo(200);
        assertThat(provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID).statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID).statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID).statusCode()).isEqualTo(200);
        HttpResponse<String> garbled = get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/provision");
        assertThatThrownBy(() -> MAPPER.readTree(garbled.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(json(get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/provision"))).isNotNull();
        assertThat(simulator.requests().withFault(Fault.SERVER_ERROR)).hasSize(2);
        assertThat(simulator.requests().withFault(Fault.MALFORMED_BODY)).hasSize(1);
    }

    @Test
    void serverErrorsAreNotAppliedAndComeAsJsonOrAsAProxyPage() {
        simulator.config().setServerErrorRate(1.0);
        TreeSet<Integer> statuses = new TreeSet<>();
        int sent = 0;
        while (statuses.size() < 4 && sent < 400) {
            HttpResponse<String> response = provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID);
            sent++;
            int status = response.statusCode();
            statuses.add(status);
            if (status == 502 || status == 504) {
                assertThat(header(response, "Content-Type")).isEqualTo("text/html");
                assertThat(response.body()).startsWith("<html>").contains(Integer.toString(status));
            } else {
                assertThat(json(response).get("code").asInt()).isEqualTo(status);
            }
        }

        assertThat(statuses).containsExactly(500, 502, 503, 504);
        assertThat(simulator.state().pendingProvisions(PLATFORM_ORG_ID)).hasSize(1);
        assertThat(simulator.requests().withFault(Fault.SERVER_ERROR)).hasSize(sent);
    }

    @Test
    void aResetAppliesTheRequestThenDropsTheConnection() {
        simulator.config().setConnectionResetRate(1.0);

        assertThatThrownBy(() -> http.send(provisionRequest().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);

        assertThat(simulator.state().pendingProvisions(PLATFORM_ORG_ID)).extracting(PendingProvision::email)
                .contains("eve@example.com");
        LoggedRequest logged = simulator.requests().withFault(Fault.CONNECTION_RESET).get(0);
        assertThat(logged.method()).isEqualTo("POST");
        assertThat(logged.status()).isEqualTo(200);
        assertThat(logged.requestBody()).contains("eve@example.com");
    }

    @Test
    void aSlowAnswerOutlastsTheClientTimeoutButTheRequestIsApplied() throws InterruptedException {
        simulator.config().setSlowRate(1.0).setSlowResponseMillis(1500);

        assertThatThrownBy(() -> http.send(provisionRequest().timeout(Duration.ofMillis(300)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);

        assertThat(simulator.state().pendingProvisions(PLATFORM_ORG_ID)).extracting(PendingProvision::email)
                .contains("eve@example.com");
        long deadline = System.currentTimeMillis() + 5000;
        while (simulator.requests().withFault(Fault.SLOW_RESPONSE).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(simulator.requests().withFault(Fault.SLOW_RESPONSE)).singleElement()
                .satisfies(logged -> assertThat(logged.durationMillis()).isGreaterThanOrEqualTo(1500));
    }

    private java.net.http.HttpRequest.Builder provisionRequest() {
        return request("POST", ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/provision", "application/json",
                "{\"email\":\"eve@example.com\",\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\"}");
    }

    @Test
    void aMalformedBodyKeepsTheStatusButIsNotJson() {
        simulator.config().setMalformedRate(1.0);

        HttpResponse<String> response = provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"email\"");
        assertThatThrownBy(() -> MAPPER.readTree(response.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(simulator.state().pendingProvisions(PLATFORM_ORG_ID)).hasSize(2);
        assertThat(simulator.requests().withFault(Fault.MALFORMED_BODY)).hasSize(1);

        HttpResponse<String> emptyAnswer = send("PUT", ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID
                + "/members/update/" + ALICE_USER_ID, "application/json", "{\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\"}");
        assertThat(emptyAnswer.statusCode()).isEqualTo(200);
        assertThat(simulator.requests().withFault(Fault.MALFORMED_BODY)).hasSize(1);
    }

    @Test
    void latencyDelaysApiRequests() {
        simulator.config().setLatency(Latency.parse("200"));

        long started = System.nanoTime();
        assertThat(get(ADMIN_TOKEN, MEMBERS).statusCode()).isEqualTo(200);

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(200);
        assertThat(simulator.requests().entries().get(0).durationMillis()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void latencyRangesAreParsedAndSampledWithinBounds() {
        Latency range = Latency.parse("20-80");
        assertThat(range).isEqualTo(new Latency(20, 80));
        assertThat(range.toString()).isEqualTo("20-80");
        for (int i = 0; i < 200; i++) {
            assertThat(range.sampleMillis()).isBetween(20L, 80L);
        }
        assertThatThrownBy(() -> Latency.parse("80-20")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latency.parse("fast")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultsNeverTouchAdminEndpoints() {
        simulator.config().setServerErrorRate(1.0).setConnectionResetRate(1.0).setBurstRate(1.0)
                .setRateLimitPerMinute(1);

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> state = get(null, "/_simulator/state");
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(json(state).get("orgs")).hasSize(2);
        }
        assertThat(simulator.requests().count()).isZero();
    }
}
