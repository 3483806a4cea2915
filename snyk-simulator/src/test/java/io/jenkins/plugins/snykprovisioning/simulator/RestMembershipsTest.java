package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ADMIN_TOKEN;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ADMIN_USER_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ALICE_USER_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.BOB_USER_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.CAROL_USER_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.DEVELOPER_ROLE_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.GROUP_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ORG_COLLABORATOR_ROLE_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PLATFORM_ORG_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.EmailFilter;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.NextLinkStyle;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RestMembershipsTest extends SimulatorTestSupport {

    private static final String ORG_MEMBERSHIPS = "/orgs/" + PLATFORM_ORG_ID + "/memberships";
    private static final String GROUP_MEMBERSHIPS = "/groups/" + GROUP_ID + "/memberships";
    private static final String UNKNOWN_ID = "99999999-0000-4000-8000-000000000009";

    /** The demo plus 32 developers in demo-platform: 36 org members, 37 group members. */
    @Override
    SimulatorState initialState() {
        SimulatorState state = DemoState.create();
        for (int i = 1; i <= 32; i++) {
            String email = String.format("dev%02d@example.com", i);
            String id = state.addUser(null, email, "Developer " + i, email, true).id();
            state.addOrgMember(PLATFORM_ORG_ID, id, DEVELOPER_ROLE_ID);
        }
        return state;
    }

    @ParameterizedTest
    @EnumSource(NextLinkStyle.class)
    void followingNextLinksReadsEveryMembershipOnce(NextLinkStyle style) {
        simulator.config().setNextLinkStyle(style);
        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String url = simulator.baseUrl() + "/rest" + ORG_MEMBERSHIPS + "?version=" + VERSION;
        while (url != null) {
            HttpResponse<String> response = get(ADMIN_TOKEN, url.substring(simulator.baseUrl().length()));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json(response);
            body.get("data").forEach(item -> ids.add(item.get("id").asText()));
            pageSizes.add(body.get("data").size());
            JsonNode next = body.at("/links/next");
            url = next.isMissingNode() ? null : absolute(style, next);
        }

        assertThat(pageSizes).containsExactly(10, 10, 10, 6);
        assertThat(new HashSet<>(ids)).hasSize(36);
    }

    private String absolute(NextLinkStyle style, JsonNode next) {
        String link = style == NextLinkStyle.OBJECT ? next.get("href").asText() : next.asText();
        assertThat(link).contains("version=" + VERSION).contains("starting_after=");
        return switch (style) {
            case ABSOLUTE -> {
                assertThat(link).startsWith(simulator.baseUrl() + "/rest/orgs/");
                yield link;
            }
            case RELATIVE_WITH_REST, OBJECT -> {
                assertThat(link).startsWith("/rest/orgs/");
                yield simulator.baseUrl() + link;
            }
            case RELATIVE_WITHOUT_REST -> {
                assertThat(link).startsWith("/orgs/");
                yield simulator.baseUrl() + "/rest" + link;
            }
        };
    }

    @Test
    void nextLinksKeepFiltersAndLimit() {
        JsonNode first = json(restGet(ADMIN_TOKEN, GROUP_MEMBERSHIPS + "?limit=20&role_name=group%20member"));
        assertThat(first.get("data")).hasSize(20);
        String next = first.at("/links/next").asText();
        assertThat(next).startsWith(GROUP_MEMBERSHIPS + "?").contains("limit=20").contains("role_name=group+member");

        JsonNode second = json(get(ADMIN_TOKEN, "/rest" + next));
        assertThat(second.get("data")).hasSize(16);
        assertThat(second.at("/links/next").isMissingNode()).isTrue();
        second.get("data").forEach(item -> assertThat(item.get("type").asText()).isEqualTo("group_membership"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "101", "ten"})
    void limitMustBeFrom10To100(String limit) {
        HttpResponse<String> response = restGet(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?limit=" + limit);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors/0/detail").asText()).contains("limit");
    }

    @Test
    void anUnknownCursorIs400() {
        assertThat(restGet(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?starting_after=bm9wZQ").statusCode()).isEqualTo(400);
    }

    @Test
    void theUserIdFilterGivesOneUsersMembershipWithItsRole() {
        JsonNode admin = json(restGet(ADMIN_TOKEN, GROUP_MEMBERSHIPS + "?user_id=" + ADMIN_USER_ID));
        assertThat(admin.get("data")).hasSize(1);
        assertThat(admin.at("/data/0/relationships/role/data/attributes/name").asText()).isEqualTo("Group Admin");
        JsonNode alice = json(restGet(ADMIN_TOKEN, GROUP_MEMBERSHIPS + "?user_id=" + ALICE_USER_ID));
        assertThat(alice.at("/data/0/relationships/role/data/attributes/name").asText()).isEqualTo("Group Member");
        assertThat(json(restGet(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?user_id=" + CAROL_USER_ID)).get("data")).isEmpty();
        assertThat(json(restGet(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?user_id=" + ALICE_USER_ID))
                .at("/data/0/relationships/role/data/attributes/name").asText()).isEqualTo("Org Collaborator");
    }

    @Test
    void orgMembershipItemsHaveTheDocumentedShape() {
        JsonNode body = json(restGet(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?user_id=" + BOB_USER_ID));

        assertThat(body.get("data")).hasSize(1);
        JsonNode item = body.at("/data/0");
        assertThat(item.get("type").asText()).isEqualTo("org_membership");
        assertThat(item.at("/attributes/created_at").asText()).isNotBlank();
        assertThat(item.at("/relationships/org/data/id").asText()).isEqualTo(PLATFORM_ORG_ID);
        assertThat(item.at("/relationships/org/data/attributes/name").asText()).isEqualTo("demo-platform");
        assertThat(item.at("/relationships/role/data/id").asText()).isEqualTo(DEVELOPER_ROLE_ID);
        assertThat(item.at("/relationships/role/data/attributes/name").asText()).isEqualTo("Developer");
        assertThat(item.at("/relationships/user/data/id").asText()).isEqualTo(BOB_USER_ID);
        assertThat(item.at("/relationships/user/data/attributes/email").asText()).isEqualTo("bob@example.com");
        assertThat(item.at("/relationships/user/data/attributes/login_method").asText()).isEqualTo("saml");
        assertThat(simulator.state().org(PLATFORM_ORG_ID).orElseThrow().members())
                .anyMatch(m -> m.id().equals(item.get("id").asText()));
    }

    @Test
    void emailFilterMatchesPartsByDefaultAndWholeAddressesWhenExact() {
        assertThat(emailsFound("alice")).containsExactly("alice@example.com");
        assertThat(emailsFound("dev0")).hasSize(9);

        simulator.config().setEmailFilter(EmailFilter.EXACT);

        assertThat(emailsFound("alice")).isEmpty();
        assertThat(emailsFound("ALICE%40example.com")).containsExactly("alice@example.com");
    }

    private List<String> emailsFound(String email) {
        JsonNode body = json(restGet(ADMIN_TOKEN, GROUP_MEMBERSHIPS + "?limit=100&email=" + email));
        return body.get("data").findValuesAsText("email");
    }

    @Test
    void usernameAndRoleNameFilters() {
        assertThat(json(restGet(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?username=bob%40example.com")).get("data")).hasSize(1);
        JsonNode collaborators = json(restGet(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?role_name=org%20collaborator"));
        assertThat(collaborators.get("data").findValuesAsText("email")).containsExactly("alice@example.com");
    }

    @Test
    void addingAnExistingPlatformUserToAnOrg() {
        HttpResponse<String> created = createMembership(CAROL_USER_ID, ORG_COLLABORATOR_ROLE_ID);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(header(created, "Content-Type")).isEqualTo(JSON_API);
        JsonNode data = json(created).get("data");
        assertThat(data.get("type").asText()).isEqualTo("org_membership");
        assertThat(data.at("/relationships/user/data/id").asText()).isEqualTo(CAROL_USER_ID);
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, CAROL_USER_ID)).map(Role::name)
                .hasValue(Role.ORG_COLLABORATOR);

        HttpResponse<String> again = createMembership(CAROL_USER_ID, DEVELOPER_ROLE_ID);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).at("/errors/0/detail").asText()).contains("membership already exists");
    }

    @Test
    void addingAMembershipRefusesUnknownUsersUsersNotInThePlatformAndUnknownRoles() {
        assertThat(createMembership(UNKNOWN_ID, ORG_COLLABORATOR_ROLE_ID).statusCode()).isEqualTo(404);
        String newcomer = simulator.state().addUser(null, "new@example.com", "new", "new@example.com", false).id();
        // Snyk documents no 422: a user who never logged in has no account to add yet.
        assertThat(createMembership(newcomer, ORG_COLLABORATOR_ROLE_ID).statusCode()).isEqualTo(404);
        assertThat(createMembership(CAROL_USER_ID, UNKNOWN_ID).statusCode()).isEqualTo(400);
        HttpResponse<String> notAnId = createMembership("no-such-user", ORG_COLLABORATOR_ROLE_ID);
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(json(notAnId).at("/errors/0/source/pointer").asText()).isEqualTo("/data/relationships/user/data/id");
        assertThat(send("POST", ADMIN_TOKEN, "/rest" + ORG_MEMBERSHIPS + "?version=" + VERSION, JSON_API,
                "{\"data\":{\"type\":\"org_membership\",\"relationships\":{}}}").statusCode()).isEqualTo(400);
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, CAROL_USER_ID)).isEmpty();
    }

    private HttpResponse<String> createMembership(String userId, String roleId) {
        String body = "{\"data\":{\"type\":\"org_membership\",\"relationships\":{"
                + "\"org\":{\"data\":{\"id\":\"" + PLATFORM_ORG_ID + "\",\"type\":\"org\"}},"
                + "\"user\":{\"data\":{\"id\":\"" + userId + "\",\"type\":\"user\"}},"
                + "\"role\":{\"data\":{\"id\":\"" + roleId + "\",\"type\":\"org_role\"}}}}}";
        return send("POST", ADMIN_TOKEN, "/rest" + ORG_MEMBERSHIPS + "?version=" + VERSION, JSON_API, body);
    }

    @Test
    void changingAndRemovingAMembership() {
        String membershipId = json(restGet(ADMIN_TOKEN, ORG_MEMBERSHIPS + "?user_id=" + BOB_USER_ID)).at("/data/0/id")
                .asText();
        String path = "/rest" + ORG_MEMBERSHIPS + "/" + membershipId + "?version=" + VERSION;

        HttpResponse<String> patched = send("PATCH", ADMIN_TOKEN, path, JSON_API, patchBody(membershipId,
                ORG_COLLABORATOR_ROLE_ID));
        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(header(patched, "snyk-request-id")).isNotBlank();
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, BOB_USER_ID)).map(Role::name)
                .hasValue(Role.ORG_COLLABORATOR);
        assertThat(send("PATCH", ADMIN_TOKEN, path, JSON_API, patchBody(membershipId, UNKNOWN_ID)).statusCode())
                .isEqualTo(400);

        assertThat(send("DELETE", ADMIN_TOKEN, path, null, null).statusCode()).isEqualTo(204);
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, BOB_USER_ID)).isEmpty();
        assertThat(send("DELETE", ADMIN_TOKEN, path, null, null).statusCode()).isEqualTo(404);
        assertThat(send("PATCH", ADMIN_TOKEN, path, JSON_API, patchBody(membershipId, DEVELOPER_ROLE_ID)).statusCode())
                .isEqualTo(404);
    }

    private static String patchBody(String membershipId, String roleId) {
        return "{\"data\":{\"type\":\"org_membership\",\"id\":\"" + membershipId + "\",\"relationships\":{"
                + "\"role\":{\"data\":{\"id\":\"" + roleId + "\",\"type\":\"org_role\"}}}}}";
    }
}
