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
}
