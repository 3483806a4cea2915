package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ADMIN_TOKEN;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ALICE_USER_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.DEVELOPER_ROLE_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.GROUP_ID;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PLATFORM_ORG_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class V1MembersTest extends SimulatorTestSupport {

    @Test
    void groupRolesListDefaultAndCustomRoles() {
        JsonNode roles = json(get(ADMIN_TOKEN, "/v1/group/" + GROUP_ID + "/roles"));

        assertThat(roles).hasSize(4);
        List<String> defaults = new ArrayList<>();
        for (JsonNode role : roles) {
            assertThat(role.get("publicId").asText()).isNotBlank();
            assertThat(role.get("description").asText()).isNotBlank();
            assertThat(role.get("created").asText()).isNotBlank();
            assertThat(role.get("modified").asText()).isNotBlank();
            if (!role.get("customRole").asBoolean()) {
                defaults.add(role.get("name").asText());
            } else {
                assertThat(role.get("publicId").asText()).isEqualTo(DEVELOPER_ROLE_ID);
            }
        }
        assertThat(defaults).containsExactly(Role.ORG_ADMIN, Role.ORG_COLLABORATOR, Role.ORG_RESTRICTED_COLLABORATOR);
    }

    @Test
    void orgMembersLeaveOutAdminsUnlessAskedAndServiceAccountsAlways() {
        JsonNode members = json(get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/members"));
        assertThat(members.findValuesAsText("email")).containsExactly("alice@example.com", "bob@example.com");
        assertThat(members.get(1).get("role").asText()).isEqualTo("Developer");
        assertThat(members.get(0).get("id").asText()).isEqualTo(ALICE_USER_ID);
        assertThat(members.get(0).get("username").asText()).isEqualTo("alice@example.com");
        assertThat(members.get(0).get("name").asText()).isEqualTo("alice");

        JsonNode withAdmins = json(get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/members?includeGroupAdmins=true"));
        assertThat(withAdmins.findValuesAsText("email"))
                .containsExactly("admin@example.com", "alice@example.com", "bob@example.com");
    }

    @Test
    void updatingAMemberRole() {
        String path = "/v1/org/" + PLATFORM_ORG_ID + "/members/update/" + ALICE_USER_ID;
        HttpResponse<String> response = send("PUT", ADMIN_TOKEN, path, "application/json",
                "{\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, ALICE_USER_ID)).map(Role::name).hasValue("Developer");
    }

    @Test
    void updatingARoleRefusesNonMembersAndUnknownRoles() {
        String carolPath = "/v1/org/" + PLATFORM_ORG_ID + "/members/update/" + DemoState.CAROL_USER_ID;
        assertThat(send("PUT", ADMIN_TOKEN, carolPath, "application/json",
                "{\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\"}").statusCode()).isEqualTo(404);

        String alicePath = "/v1/org/" + PLATFORM_ORG_ID + "/members/update/" + ALICE_USER_ID;
        assertThat(send("PUT", ADMIN_TOKEN, alicePath, "application/json", "{\"rolePublicId\":\"nope\"}").statusCode())
                .isEqualTo(400);
        assertThat(send("PUT", ADMIN_TOKEN, alicePath, "application/json", "{}").statusCode()).isEqualTo(400);
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, ALICE_USER_ID)).map(Role::name)
                .hasValue(Role.ORG_COLLABORATOR);
    }

    @Test
    void groupMembersShowOrgsAndGroupRoleAndAllowOneCallPerMinute() {
        HttpResponse<String> first = get(ADMIN_TOKEN, "/v1/group/" + GROUP_ID + "/members");

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode members = json(first);
        assertThat(members.findValuesAsText("email")).containsExactly("admin@example.com", "alice@example.com",
                "bob@example.com", "carol@example.com");
        JsonNode admin = members.get(0);
        assertThat(admin.get("groupRole").asText()).isEqualTo("Group Admin");
        assertThat(admin.get("orgs")).hasSize(2);
        JsonNode bob = members.get(2);
        assertThat(bob.get("groupRole").asText()).isEqualTo(SimulatorState.IMPLICIT_GROUP_ROLE);
        assertThat(bob.get("orgs").findValuesAsText("role")).containsExactly("Developer", Role.ORG_COLLABORATOR);
        assertThat(bob.get("orgs").findValuesAsText("name")).containsExactly("demo-platform", "demo-payments");

        assertThat(get(ADMIN_TOKEN, "/v1/group/" + GROUP_ID + "/members").statusCode()).isEqualTo(429);
        assertThat(get(DemoState.VIEWER_TOKEN, "/v1/group/" + GROUP_ID + "/members").statusCode()).isEqualTo(200);
    }

    @Test
    void aGroupAdminWhoIsNoOrgMemberIsListedOnlyWithIncludeGroupAdmins() {
        String id = simulator.state().addUser(null, "root@example.com", "root", "root@example.com", true).id();
        simulator.state().addGroupMember(GROUP_ID, id, SimulatorState.GROUP_ADMIN_ROLE);

        assertThat(json(get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/members")).findValuesAsText("email"))
                .doesNotContain("root@example.com");
        JsonNode withAdmins = json(get(ADMIN_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/members?includeGroupAdmins=true"));
        assertThat(withAdmins.findValuesAsText("email")).contains("root@example.com")
                .doesNotContain("ci-bot@example.com");
    }

    @Test
    void aCollaboratorsTokenCannotChangeOrRemoveMembers() {
        String path = "/v1/org/" + PLATFORM_ORG_ID + "/members/update/" + DemoState.BOB_USER_ID;
        HttpResponse<String> refused = send("PUT", DemoState.VIEWER_TOKEN, path, "application/json",
                "{\"rolePublicId\":\"" + DemoState.ORG_COLLABORATOR_ROLE_ID + "\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode error = json(refused);
        assertThat(error.get("code").asInt()).isEqualTo(403);
        assertThat(error.get("error").asText()).isEqualTo(error.get("message").asText());
        assertThat(java.util.UUID.fromString(header(refused, "x-error-reference"))).isNotNull();
        assertThat(send("DELETE", DemoState.VIEWER_TOKEN, "/v1/org/" + PLATFORM_ORG_ID + "/members/" + DemoState.BOB_USER_ID,
                null, null).statusCode()).isEqualTo(403);
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, DemoState.BOB_USER_ID)).map(Role::name).hasValue("Developer");
    }

    @Test
    void removingAMember() {
        String path = "/v1/org/" + PLATFORM_ORG_ID + "/members/" + DemoState.BOB_USER_ID;

        assertThat(send("DELETE", ADMIN_TOKEN, path, null, null).statusCode()).isEqualTo(200);
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, DemoState.BOB_USER_ID)).isEmpty();
        assertThat(send("DELETE", ADMIN_TOKEN, path, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void endOfLifeBrownoutsAnswer410() {
        simulator.config().setV1RoleUpdatesGone(true).setV1ProvisioningGone(true);
        String path = "/v1/org/" + PLATFORM_ORG_ID + "/members/update/" + ALICE_USER_ID;

        HttpResponse<String> gone = send("PUT", ADMIN_TOKEN, path, "application/json", "{\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\"}");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(json(gone).get("code").asInt()).isEqualTo(410);
        assertThat(provisionAsAdmin(PLATFORM_ORG_ID, "new@example.com", DEVELOPER_ROLE_ID).statusCode()).isEqualTo(410);
        assertThat(simulator.state().memberRole(PLATFORM_ORG_ID, ALICE_USER_ID)).map(Role::name).hasValue(Role.ORG_COLLABORATOR);

        simulator.config().setV1RoleUpdatesGone(false);
        assertThat(send("PUT", ADMIN_TOKEN, path, "application/json", "{\"rolePublicId\":\"" + DEVELOPER_ROLE_ID + "\"}")
                .statusCode()).isEqualTo(200);
    }
}
