package io.jenkins.plugins.snykprovisioning.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import org.junit.jupiter.api.Test;

class UserOutcomeTest {

    private static final UserOutcome.Subject ALICE = new UserOutcome.Subject("alice@example.com", "org-1", 2, "Developer", null);

    private static ObjectNode result(String previousRole, String role) {
        ObjectNode result = SnykJson.MAPPER.createObjectNode();
        if (previousRole != null) {
            result.put("previous_role", previousRole);
        }
        return result.put("role", role);
    }

    @Test
    void aRoleChangeShowsTheRoleBeforeAndAfter() {
        UserOutcome outcome = UserOutcome.success(OutcomeCategory.ROLE_UPDATED, ALICE, result("Org Collaborator", "Developer"), false);

        assertThat(outcome.detail()).isEqualTo("role Org Collaborator -> Developer");
    }

    @Test
    void aRoleSetWithoutKnowingTheOldOneSaysOnlyTheNewOne() {
        UserOutcome outcome = UserOutcome.success(OutcomeCategory.ROLE_UPDATED, ALICE, result(null, "Developer"), false);

        assertThat(outcome.detail()).isEqualTo("role set to Developer");
    }

    @Test
    void aPlannedChangeInADryRunSaysWhatWouldHappen() {
        ObjectNode planned = result("Org Collaborator", "Developer").put("planned", "change_role");

        assertThat(UserOutcome.success(OutcomeCategory.ROLE_UPDATED, ALICE, planned, true).detail())
                .isEqualTo("would change role: role Org Collaborator -> Developer");
    }
}
