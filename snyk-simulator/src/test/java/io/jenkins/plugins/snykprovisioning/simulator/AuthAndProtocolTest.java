package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ADMIN_TOKEN;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.GROUP_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PAYMENTS_ORG_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PLATFORM_ORG_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.SERVICE_ACCOUNT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthAndProtocolTest extends SimulatorTestSupport {

    @Test
    void v1WithoutTokenIs401InTheV1Shape() {
        HttpResponse<String> response = get(null, "/v1/org/" + PLATFORM_ORG_ID + "/members");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(UUID.fromString(header(response, "x-error-reference"))).isNotNull();
        JsonNode body = json(response);
        assertThat(body.get("code").asInt()).isEqualTo(401);
        assertThat(body.get("message").asText()).isEqualTo("Invalid auth token provided");
        // Snyk's V1 documentation: "error" repeats the message.
        assertThat(body.get("error").asText()).isEqualTo("Invalid auth token provided");
    }

    @Test
    void restWithUnknownTokenIs401InTheJsonApiShape() {
        HttpResponse<String> response = restGet("not-a-token", "/self");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(header(response, "Content-Type")).isEqualTo(JSON_API);
        assertThat(header(response, "snyk-request-id")).isNotBlank();
        JsonNode body = json(response);
        assertThat(body.at("/jsonapi/version").asText()).isEqualTo("1.0");
        JsonNode error = body.at("/errors/0");
        assertThat(error.get("status").asText()).isEqualTo("401");
        assertThat(error.get("detail").asText()).isEqualTo("Invalid auth token provided");
        assertThat(UUID.fromString(error.get("id").asText())).isNotNull();
    }

    @Test
    void onlyTheTokenSchemeIsAccepted() {
        assertThat(sendWithAuthorization("Bearer " + ADMIN_TOKEN).statusCode()).isEqualTo(401);
        assertThat(sendWithAuthorization(ADMIN_TOKEN).statusCode()).isEqualTo(401);
        assertThat(sendWithAuthorization("TOKEN " + ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> sendWithAuthorization(String authorization) {
        try {
            return http.send(request("GET", null, "/v1/group/" + GROUP_ID + "/roles", null, null)
                    .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownOrgIs404AndAnOrgOutOfReachIs403() {
        assertThat(get(ADMIN_TOKEN, "/v1/org/no-such-org/members").statusCode()).isEqualTo(404);
        assertThat(get(ADMIN_TOKEN, "/v1/group/no-such-group/roles").statusCode()).isEqualTo(404);
        HttpResponse<String> outOfReach = get(SERVICE_ACCOUNT_TOKEN, "/v1/org/" + PAYMENTS_ORG_ID + "/members");
        assertThat(outOfReach.statusCode()).isEqualTo(403);
        assertThat(json(outOfReach).get("message").asText()).contains("no access to org");
        assertThat(restGet(SERVICE_ACCOUNT_TOKEN, "/orgs/" + PAYMENTS_ORG_ID + "/memberships").statusCode())
                .isEqualTo(403);
    }

    @Test
    void unknownEndpointIs404AndAWrongMethodIs405() {
        assertThat(get(ADMIN_TOKEN, "/v1/nothing/here").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send("PATCH", ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/provision",
                "application/json", "{}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        HttpResponse<String> restUnknown = restGet(ADMIN_TOKEN, "/nothing");
        assertThat(restUnknown.statusCode()).isEqualTo(404);
        assertThat(json(restUnknown).at("/errors/0/status").asText()).isEqualTo("404");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "2024-13-40", "2024-10-15~alpha", "24-10-15"})
    void restRefusesAMissingOrInvalidVersion(String version) {
        String query = version.isEmpty() ? "" : "?version=" + version;
        HttpResponse<String> response = get(ADMIN_TOKEN, "/rest/self" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(header(response, "Content-Type")).isEqualTo(JSON_API);
        assertThat(json(response).at("/errors/0/detail").asText()).contains("version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-10-15", "2024-10-15~beta", "2025-11-05~experimental"})
    void restAcceptsDatedVersions(String version) {
        assertThat(get(ADMIN_TOKEN, "/rest/self?version=" + version).statusCode()).isEqualTo(200);
    }

    @Test
    void selfDescribesTheTokenUser() {
        JsonNode self = json(restGet(ADMIN_TOKEN, "/self"));
        assertThat(self.at("/data/id").asText()).isEqualTo(DemoState.ADMIN_USER_ID);
        assertThat(self.at("/data/type").asText()).isEqualTo("user");
        assertThat(self.at("/data/attributes/email").asText()).isEqualTo("admin@example.com");
        assertThat(self.at("/data/attributes/username").asText()).isEqualTo("admin@example.com");

        JsonNode serviceAccount = json(restGet(SERVICE_ACCOUNT_TOKEN, "/self"));
        assertThat(serviceAccount.at("/data/type").asText()).isEqualTo("service_account");
    }

    @Test
    void restWritesNeedTheJsonApiContentType() {
        String body = "{\"data\":{\"type\":\"org_membership\",\"relationships\":{"
                + "\"org\":{\"data\":{\"id\":\"" + PLATFORM_ORG_ID + "\",\"type\":\"org\"}},"
                + "\"user\":{\"data\":{\"id\":\"" + DemoState.CAROL_USER_ID + "\",\"type\":\"user\"}},"
                + "\"role\":{\"data\":{\"id\":\"" + DemoState.ORG_COLLABORATOR_ROLE_ID + "\",\"type\":\"org_role\"}}}}}";
        String path = "/rest/orgs/" + PLATFORM_ORG_ID + "/memberships?version=" + VERSION;

        HttpResponse<String> plainJson = send("POST", ADMIN_TOKEN, path, "application/json", body);
        assertThat(plainJson.statusCode()).isEqualTo(400);
        assertThat(json(plainJson).at("/errors/0/detail").asText()).contains("application/vnd.api+json");

        assertThat(send("POST", ADMIN_TOKEN, path, JSON_API, body).statusCode()).isEqualTo(201);
    }

    @Test
    void errorsEchoTheAuthorizationHeaderOnlyWhenAsked() {
        assertThat(get("wrong-token", "/v1/org/" + PLATFORM_ORG_ID + "/members").body()).doesNotContain("wrong-token");
        assertThat(get(ADMIN_TOKEN, "/v1/org/missing/members").body()).doesNotContain(ADMIN_TOKEN);

        simulator.config().setEchoTokenInErrors(true);

        assertThat(json(get("wrong-token", "/v1/org/" + PLATFORM_ORG_ID + "/members")).get("message").asText())
                .contains("token wrong-token");
        assertThat(json(get(ADMIN_TOKEN, "/v1/org/missing/members")).get("message").asText())
                .contains("token " + ADMIN_TOKEN);
        assertThat(json(restGet(ADMIN_TOKEN, "/orgs/missing/memberships")).at("/errors/0/detail").asText())
                .contains("token " + ADMIN_TOKEN);
    }

    @Test
    void theRequestLogNamesTokensByLabelAndNeverHoldsTheirValues() {
        get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/members");
        restGet(SERVICE_ACCOUNT_TOKEN, "/self");
        get("unknown-token", "/v1/org/" + PLATFORM_ORG_ID + "/members");

        assertThat(simulator.requests().entries()).extracting(LoggedRequest::tokenLabel)
                .containsExactly("demo-admin", "demo-ci-bot", null);
        String adminView = get(null, "/_simulator/requests").body();
        assertThat(adminView).contains("demo-admin").doesNotContain(ADMIN_TOKEN).doesNotContain(SERVICE_ACCOUNT_TOKEN);
    }
}
