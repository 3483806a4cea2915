package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ADMIN_TOKEN;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.DEVELOPER_ROLE_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.GROUP_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ORG_COLLABORATOR_ROLE_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PAYMENTS_ORG_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PENDING_EMAIL;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PLATFORM_ORG_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.simulator.model.PendingProvision;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import io.jenkins.plugins.snykprovisioning.simulator.model.User;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisioningTest extends SimulatorTestSupport {

    private static final String PROVISION = "/v1/org/" + PLATFORM_ORG_ID + "/provision";

    @Test
    void provisioningANewUserCreatesAPendingProvision() {
        HttpResponse<String> response = provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode body = json(response);
        assertThat(body.get("email").asText()).isEqualTo("eve@example.com");
        assertThat(body.get("role").asText()).isEqualTo("Developer");
        assertThat(body.get("rolePublicId").asText()).isEqualTo(DEVELOPER_ROLE_ID);
        assertThat(body.get("created").asText()).isNotBlank();
        assertThat(simulator.state().pendingProvisions(PLATFORM_ORG_ID)).extracting(PendingProvision::email)
                .containsExactly(PENDING_EMAIL, "eve@example.com");
        assertThat(simulator.state().findUserByEmail("eve@example.com")).isEmpty();

        JsonNode listed = json(get(ADMIN_TOKEN, PROVISION));
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).get("rolePublicId").asText()).isEqualTo(DEVELOPER_ROLE_ID);
    }

    @Test
    void theDeprecatedRoleNamesADefaultRole() {
        HttpResponse<String> response = provision(ADMIN_TOKEN, PLATFORM_ORG_ID,
                "{\"email\":\"eve@example.com\",\"role\":\"COLLABORATOR\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("rolePublicId").asText()).isEqualTo(ORG_COLLABORATOR_ROLE_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"email\":\"eve@example.com\",\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\",\"role\":\"ADMIN\"}",
        "{\"email\":\"eve@example.com\"}",
        "{\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\"}",
        "{\"email\":\"not-an-email\",\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\"}",
        "{\"email\":\"eve@example.com\",\"rolePublicId\":\"no-such-role\"}",
        "{\"email\":\"eve@example.com\",\"role\":\"OWNER\"}",
        "not json"})
    void invalidBodiesAre400AndChangeNothing(String body) {
        HttpResponse<String> response = provision(ADMIN_TOKEN, PLATFORM_ORG_ID, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asInt()).isEqualTo(400);
        assertThat(simulator.state().pendingProvisions(PLATFORM_ORG_ID)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 409, 400})
    void aUserWhoExistsInThePlatformGetsTheConfiguredAlreadyExistsAnswer(int status) {
        simulator.config().setExistingUserStatus(status);

        HttpResponse<String> response = provisionAsAdmin(PLATFORM_ORG_ID, "CAROL@example.com", DEVELOPER_ROLE_ID);

        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("message").asText()).isEqualTo("User already exists in the platform");
        assertThat(body.get("code").asText()).isEqualTo("84246666-373b-421a-9525-1ad740b3e787");
        assertThat(simulator.state().pendingProvisions(PLATFORM_ORG_ID)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 409, 400})
    void anEmailAlreadyPendingInTheOrgGetsTheConfiguredAnswer(int status) {
        simulator.config().setExistingUserStatus(status);

        HttpResponse<String> response = provisionAsAdmin(PLATFORM_ORG_ID, PENDING_EMAIL, DEVELOPER_ROLE_ID);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(json(response).get("message").asText()).isEqualTo("User already provisioned to this organization");
    }

    @Test
    void aPendingUserMayBeProvisionedToAnotherOrg() {
        HttpResponse<String> response = provisionAsAdmin(PAYMENTS_ORG_ID, PENDING_EMAIL, DEVELOPER_ROLE_ID);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.state().pendingProvisions(PAYMENTS_ORG_ID)).extracting(PendingProvision::email)
                .containsExactly(PENDING_EMAIL);
    }

    @Test
    void aGroupWithoutSsoRefusesProvisioningWithTheSsoCode() {
        simulator.state().setSsoConfigured(GROUP_ID, false);
        assertThat(simulator.state().group(GROUP_ID).orElseThrow().ssoConfigured()).isFalse();

        HttpResponse<String> response = provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("code").asText()).isEqualTo("1b5315d9-23ac-4345-a4db-8d6baf579047");
        assertThat(body.get("message").asText()).contains("SSO");
    }

    @Test
    void aServiceAccountTokenIsRefused() {
        HttpResponse<String> response = provision(DemoState.SERVICE_ACCOUNT_TOKEN, PLATFORM_ORG_ID,
                "{\"email\":\"eve@example.com\",\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("message").asText()).contains("Service accounts cannot provision");
    }

    @Test
    void aTokenWithoutThePermissionGetsTheDocumentedMessage() {
        HttpResponse<String> response = provision(DemoState.VIEWER_TOKEN, PLATFORM_ORG_ID,
                "{\"email\":\"eve@example.com\",\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("message").asText()).isEqualTo(
                "Provided API_KEY has no user provision permission or does not have permissions in role being provisioned");
    }

    @Test
    void cancellingAPendingProvision() {
        HttpResponse<String> deleted = send("DELETE", ADMIN_TOKEN, PROVISION + "?email=DAVE%40example.com", null, null);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("ok").asBoolean()).isTrue();
        assertThat(simulator.state().pendingProvisions(PLATFORM_ORG_ID)).isEmpty();
        assertThat(send("DELETE", ADMIN_TOKEN, PROVISION + "?email=dave%40example.com", null, null).statusCode())
                .isEqualTo(404);
        assertThat(send("DELETE", ADMIN_TOKEN, PROVISION, null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void theFirstLoginTurnsPendingProvisionsIntoMembershipsInEveryOrg() {
        provisionAsAdmin(PLATFORM_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID);
        provisionAsAdmin(PAYMENTS_ORG_ID, "eve@example.com", ORG_COLLABORATOR_ROLE_ID);

        HttpResponse<String> login = post(null, "/_simulator/login?email=eve%40example.com", "");

        assertThat(login.statusCode()).isEqualTo(200);
        User eve = simulator.state().findUserByEmail("eve@example.com").orElseThrow();
        assertThat(eve.existsInPlatform()).isTrue();
        assertThat(json(login).get("id").asText()).isEqualTo(eve.id());
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, eve.id())).map(Role::publicId).hasValue(DEVELOPER_ROLE_ID);
        assertThat(simulator.state().memberRole(PAYMENTS_ORG_ID, eve.id())).map(Role::name)
                .hasValue(Role.ORG_COLLABORATOR);
        assertThat(simulator.state().pendingProvisions(PLATFORM_ORG_ID)).extracting(PendingProvision::email)
                .containsExactly(PENDING_EMAIL);
        assertThat(provisionAsAdmin(PAYMENTS_ORG_ID, "eve@example.com", DEVELOPER_ROLE_ID).statusCode()).isEqualTo(403);
    }

    @Test
    void pendingProvisionsArePagedWithPerPageAndPage() {
        for (int i = 0; i < 24; i++) {
            simulator.state().addPendingProvision(PLATFORM_ORG_ID, "p" + i + "@example.com", DemoState.ORG_COLLABORATOR_ROLE_ID);
        }
        String path = "/v1/org/" + PLATFORM_ORG_ID + "/provision";

        assertThat(json(get(ADMIN_TOKEN, path + "?perPage=10&page=1")).findValuesAsText("email")).hasSize(10)
                .startsWith(DemoState.PENDING_EMAIL);
        assertThat(json(get(ADMIN_TOKEN, path + "?perPage=10&page=3")).findValuesAsText("email")).hasSize(5)
                .endsWith("p23@example.com");
        assertThat(json(get(ADMIN_TOKEN, path + "?perPage=10&page=4"))).isEmpty();
        assertThat(json(get(ADMIN_TOKEN, path))).hasSize(25);
        assertThat(get(ADMIN_TOKEN, path + "?page=0").statusCode()).isEqualTo(400);

        simulator.config().setPendingPageSize(20);
        assertThat(json(get(ADMIN_TOKEN, path))).hasSize(20);
        assertThat(json(get(ADMIN_TOKEN, path + "?perPage=100&page=2"))).hasSize(5);
    }
}
