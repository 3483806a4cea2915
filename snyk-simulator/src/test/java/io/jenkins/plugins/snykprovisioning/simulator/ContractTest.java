package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ADMIN_TOKEN;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.BOB_USER_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.CAROL_USER_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.GROUP_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ORG_COLLABORATOR_ROLE_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PAYMENTS_ORG_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PLATFORM_ORG_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.VIEWER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST rules of Snyk's spec, as the simulator enforces them, and its answers checked against the spec. */
class ContractTest extends SimulatorTestSupport {

    private static final String ORG_MEMBERSHIPS = "/rest/orgs/" + PLATFORM_ORG_ID + "/memberships";

    @BeforeEach
    void checkAnswers() {
        simulator.config().setValidateResponses(true);
    }

    private HttpResponse<String> rest(String method, String token, String pathAndQuery, String body) {
        return send(method, token, pathAndQuery, body == null ? null : JSON_API, body);
    }

    private String membershipOf(String userId) {
        return json(get(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?version=" + VERSION + "&user_id=" + userId)).at("/data/0/id").asText();
    }

    private static JsonNode firstError(HttpResponse<String> response) {
        JsonNode body = json(response);
        assertThat(body.at("/jsonapi/version").asText()).isEqualTo("1.0");
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.at("/errors/0/status").asText()).isEqualTo(Integer.toString(response.statusCode()));
        return body.at("/errors/0");
    }

    /** Requests the spec refuses get a 400 error document; none of these reach a handler. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "?version=2024-10-15&foo=1|foo|Unknown query parameter 'foo'",
        "?limit=10|version|'version' is required",
        "?version=2024-10-15~ga|version|version",
        "?version=2024-10-15&limit=15|limit|multiple",
        "?version=2024-10-15&limit=9|limit|limit",
        "?version=2024-10-15&limit=110|limit|limit",
        "?version=2024-10-15&limit=ten|limit|integer",
        "?version=2024-10-15&sort_order=UP|sort_order|sort_order",
        "?version=2024-06-30|version|first GA release: 2024-08-25"})
    void queryParametersAreCheckedAgainstTheSpec(String query, String parameter, String detail) {
        HttpResponse<String> response = get(ADMIN_TOKEN, ORG_MEMBERSHIPS + query);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = firstError(response);
        assertThat(error.at("/source/parameter").asText()).isEqualTo(parameter);
        assertThat(error.get("detail").asText()).contains(detail);
        assertThat(simulator.contractViolations().entries()).anyMatch(v -> v.startsWith("request GET " + ORG_MEMBERSHIPS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-08-25", "2025-11-05~beta", "2024-05-09~experimental", "2024-05-09~wip", "beta", "wip"})
    void everyFormOfTheVersionPatternIsServedFromTheEndpointsReleases(String version) {
        HttpResponse<String> response = get(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?version=" + version);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "snyk-version-requested")).isEqualTo(version);
        assertThat(header(response, "snyk-version-served")).isIn("2024-08-25", "2024-05-09~experimental");
        assertThat(header(response, "snyk-version-lifecycle-stage")).isIn("ga", "experimental");
        assertThat(simulator.contractViolations().entries()).isEmpty();
    }

    @Test
    void anExperimentalVersionIsServedTheExperimentalRelease() {
        HttpResponse<String> response = get(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?version=2024-06-01~experimental");

        assertThat(header(response, "snyk-version-served")).isEqualTo("2024-05-09~experimental");
        assertThat(header(response, "snyk-version-lifecycle-stage")).isEqualTo("experimental");
        assertThat(get(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?version=2024-06-01").statusCode()).isEqualTo(400);
    }

    @Test
    void pathIdsMustBeUuids() {
        HttpResponse<String> response = get(ADMIN_TOKEN, "/rest/orgs/demo-platform/memberships?version=" + VERSION);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(firstError(response).at("/source/parameter").asText()).isEqualTo("org_id");
        assertThat(get(ADMIN_TOKEN, "/rest/orgs/" + UUID.randomUUID() + "/memberships?version=" + VERSION).statusCode())
                .isEqualTo(404);
    }

    @Test
    void bodiesMustBeJsonApiOfTheDocumentedShape() {
        String path = ORG_MEMBERSHIPS + "?version=" + VERSION;
        String wrongType = "{\"data\":{\"type\":\"membership\",\"relationships\":{"
                + "\"org\":{\"data\":{\"id\":\"" + PLATFORM_ORG_ID + "\",\"type\":\"org\"}},"
                + "\"user\":{\"data\":{\"id\":\"" + CAROL_USER_ID + "\",\"type\":\"user\"}},"
                + "\"role\":{\"data\":{\"id\":\"" + ORG_COLLABORATOR_ROLE_ID + "\",\"type\":\"org_role\"}}}}}";
        HttpResponse<String> refused = rest("POST", ADMIN_TOKEN, path, wrongType);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(firstError(refused).get("detail").asText()).startsWith("Client request did not conform to OpenAPI specification");

        String noOrg = wrongType.replace("\"type\":\"membership\"", "\"type\":\"org_membership\"")
                .replace("\"org\":{\"data\":{\"id\":\"" + PLATFORM_ORG_ID + "\",\"type\":\"org\"}},", "");
        assertThat(rest("POST", ADMIN_TOKEN, path, noOrg).statusCode()).isEqualTo(400);
        String roleAsGroupRole = wrongType.replace("\"type\":\"membership\"", "\"type\":\"org_membership\"")
                .replace("\"org_role\"", "\"group_role\"");
        assertThat(rest("POST", ADMIN_TOKEN, path, roleAsGroupRole).statusCode()).isEqualTo(400);
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, CAROL_USER_ID)).isEmpty();
    }

    @Test
    void aPatchNeedsDataTypeAndId() {
        String membershipId = membershipOf(BOB_USER_ID);
        String path = ORG_MEMBERSHIPS + "/" + membershipId + "?version=" + VERSION;
        String noId = "{\"data\":{\"type\":\"org_membership\",\"relationships\":{\"role\":{\"data\":{\"id\":\""
                + ORG_COLLABORATOR_ROLE_ID + "\",\"type\":\"org_role\"}}}}}";

        assertThat(rest("PATCH", ADMIN_TOKEN, path, noId).statusCode()).isEqualTo(400);
        assertThat(rest("PATCH", ADMIN_TOKEN, path, noId.replace("{\"type\":\"org_membership\",",
                "{\"type\":\"org_membership\",\"id\":\"" + membershipId + "\",")).statusCode()).isEqualTo(204);
        assertThat(simulator.contractViolations().entries()).filteredOn(v -> v.startsWith("answer")).isEmpty();
    }

    @Test
    void answersCarryTheHeadersTheSpecDeclares() {
        HttpResponse<String> created = rest("POST", ADMIN_TOKEN, ORG_MEMBERSHIPS + "?version=" + VERSION,
                "{\"data\":{\"type\":\"org_membership\",\"relationships\":{"
                        + "\"org\":{\"data\":{\"id\":\"" + PLATFORM_ORG_ID + "\",\"type\":\"org\"}},"
                        + "\"user\":{\"data\":{\"id\":\"" + CAROL_USER_ID + "\",\"type\":\"user\"}},"
                        + "\"role\":{\"data\":{\"id\":\"" + ORG_COLLABORATOR_ROLE_ID + "\",\"type\":\"org_role\"}}}}}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(UUID.fromString(header(created, "snyk-request-id"))).isNotNull();
        assertThat(header(created, "location")).isEqualTo(simulator.baseUrl() + ORG_MEMBERSHIPS + "/"
                + json(created).at("/data/id").asText());
        assertThat(header(created, "snyk-version-served")).isEqualTo("2024-08-25");
        HttpResponse<String> self = get(ADMIN_TOKEN, "/rest/self?version=" + VERSION);
        assertThat(json(self).at("/data/attributes/avatar_url").asText()).startsWith("https://");
        assertThat(header(self, "snyk-version-served")).isEqualTo("2024-04-22");
        assertThat(simulator.contractViolations().entries()).isEmpty();
    }

    @Test
    void aCollaboratorsTokenMayReadMembershipsButNotWriteThem() {
        assertThat(get(VIEWER_TOKEN, ORG_MEMBERSHIPS + "?version=" + VERSION).statusCode()).isEqualTo(200);
        String path = ORG_MEMBERSHIPS + "/" + membershipOf(BOB_USER_ID) + "?version=" + VERSION;

        HttpResponse<String> refused = send("DELETE", VIEWER_TOKEN, path, null, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(firstError(refused).get("detail").asText()).contains("org.membership.delete");
        assertThat(send("DELETE", ADMIN_TOKEN, path, null, null).statusCode()).isEqualTo(204);
        assertThat(simulator.contractViolations().entries()).isEmpty();
    }

    @Test
    void nextLinksAreInTheFormSnykDocuments() {
        for (int i = 0; i < 12; i++) {
            String id = simulator.state().addUser(null, "u" + i + "@example.com", "u" + i, "u" + i, true).id();
            simulator.state().addOrgMember(PAYMENTS_ORG_ID, id, ORG_COLLABORATOR_ROLE_ID);
        }
        String next = json(get(ADMIN_TOKEN, "/rest/orgs/" + PAYMENTS_ORG_ID + "/memberships?version=" + VERSION))
                .at("/links/next").asText();
        assertThat(next).startsWith("/orgs/" + PAYMENTS_ORG_ID + "/memberships?version=" + VERSION + "&starting_after=");
        assertThat(json(get(ADMIN_TOKEN, "/rest" + next)).get("data")).hasSize(5);
        assertThat(simulator.contractViolations().entries()).isEmpty();
    }

    @Test
    void lenientServesWhatTheSpecRefuses() {
        simulator.config().setLenient(true);

        assertThat(get(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?version=2024-10-15&foo=1&limit=15").statusCode()).isEqualTo(200);
        assertThat(simulator.contractViolations().entries()).isEmpty();
    }

    @Test
    void invitationsAreListedCreatedAndDeleted() {
        String invites = "/rest/orgs/" + PLATFORM_ORG_ID + "/invites?version=" + VERSION;
        HttpResponse<String> created = rest("POST", ADMIN_TOKEN, invites,
                "{\"data\":{\"type\":\"org_invitation\",\"attributes\":{\"email\":\"zoe@example.com\",\"role\":\""
                        + ORG_COLLABORATOR_ROLE_ID + "\"}}}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).at("/data/attributes/role").asText()).isEqualTo(ORG_COLLABORATOR_ROLE_ID);
        String id = json(created).at("/data/id").asText();

        JsonNode listed = json(get(ADMIN_TOKEN, invites));
        assertThat(listed.at("/data/0/attributes/email").asText()).isEqualTo("zoe@example.com");
        assertThat(listed.at("/data/0/attributes/role").asText()).isEqualTo("Org Collaborator");
        assertThat(send("DELETE", VIEWER_TOKEN, "/rest/orgs/" + PLATFORM_ORG_ID + "/invites/" + id + "?version=" + VERSION,
                null, null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", ADMIN_TOKEN, "/rest/orgs/" + PLATFORM_ORG_ID + "/invites/" + id + "?version=" + VERSION,
                null, null).statusCode()).isEqualTo(204);
        assertThat(json(get(ADMIN_TOKEN, invites)).get("data")).isEmpty();
        assertThat(simulator.contractViolations().entries()).isEmpty();
    }

    @Test
    void groupMembershipsAreCreatedChangedAndDeletedWithCascade() {
        String memberships = "/rest/groups/" + GROUP_ID + "/memberships";
        String groupAdminRole = SimulatorState.groupRoleId(SimulatorState.GROUP_ADMIN_ROLE);
        String viewerRole = SimulatorState.groupRoleId("Group Viewer");
        HttpResponse<String> conflict = rest("POST", ADMIN_TOKEN, memberships + "?version=" + VERSION, groupBody(
                DemoState.ADMIN_USER_ID, groupAdminRole));
        assertThat(conflict.statusCode()).isEqualTo(409);
        String carolMembership = SimulatorState.implicitGroupMembershipId(GROUP_ID, CAROL_USER_ID);
        String carol = memberships + "/" + carolMembership + "?version=" + VERSION;

        assertThat(rest("PATCH", ADMIN_TOKEN, carol, "{\"data\":{\"type\":\"group_membership\",\"id\":\"" + carolMembership
                + "\",\"relationships\":{\"role\":{\"data\":{\"id\":\"" + viewerRole + "\",\"type\":\"group_role\"}}}}}")
                .statusCode()).isEqualTo(204);
        assertThat(send("DELETE", ADMIN_TOKEN, carol, null, null).statusCode()).isEqualTo(409);
        assertThat(send("DELETE", ADMIN_TOKEN, carol + "&cascade=true", null, null).statusCode()).isEqualTo(204);
        assertThat(simulator.state().memberRole(PAYMENTS_ORG_ID, CAROL_USER_ID)).isEmpty();
        assertThat(send("DELETE", VIEWER_TOKEN, memberships + "/" + SimulatorState.implicitGroupMembershipId(GROUP_ID,
                BOB_USER_ID) + "?version=" + VERSION + "&cascade=true", null, null).statusCode()).isEqualTo(403);
        assertThat(simulator.contractViolations().entries()).isEmpty();
    }

    private static String groupBody(String userId, String roleId) {
        return "{\"data\":{\"type\":\"group_membership\",\"relationships\":{"
                + "\"group\":{\"data\":{\"id\":\"" + GROUP_ID + "\",\"type\":\"group\"}},"
                + "\"user\":{\"data\":{\"id\":\"" + userId + "\",\"type\":\"user\"}},"
                + "\"role\":{\"data\":{\"id\":\"" + roleId + "\",\"type\":\"group_role\"}}}}}";
    }

    @Test
    void aUsersOrgMembershipsInTheGroup() {
        JsonNode body = json(get(ADMIN_TOKEN, "/rest/groups/" + GROUP_ID + "/org_memberships?version=" + VERSION
                + "&user_id=" + BOB_USER_ID));

        assertThat(body.get("data")).hasSize(2);
        assertThat(body.at("/meta/org_membership_count").asInt()).isEqualTo(2);
        assertThat(body.get("data").findValuesAsText("name")).contains("demo-platform", "demo-payments");
        assertThat(get(ADMIN_TOKEN, "/rest/groups/" + GROUP_ID + "/org_memberships?version=" + VERSION).statusCode())
                .isEqualTo(400);
        assertThat(simulator.contractViolations().entries()).filteredOn(v -> v.startsWith("answer")).isEmpty();
    }

    @Test
    void theResponseCheckFindsAnswersTheSpecDoesNotAllow() {
        RestContract contract = RestContract.get();
        RestContract.Operation list = contract.find("GET", "/orgs/" + PLATFORM_ORG_ID + "/memberships");

        assertThat(contract.checkResponse(list, Reply.json(422, JsonApi.VERSION), true))
                .singleElement().asString().contains("declares no such status");
        Reply noHeaders = Reply.json(200, Json.obj("jsonapi", JsonApi.VERSION, "data", java.util.List.of()))
                .withContentType(RestContract.JSON_API);
        assertThat(contract.checkResponse(list, noHeaders, true)).anyMatch(p -> p.contains("snyk-request-id is missing"))
                .anyMatch(p -> p.contains("snyk-version-served is missing")).anyMatch(p -> p.contains("links"));
    }
}
