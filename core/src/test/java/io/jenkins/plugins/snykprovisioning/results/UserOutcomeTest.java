package io.jenkins.plugins.snykprovisioning.results;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.snykprovisioning.results.UserOutcome.Change;
import org.junit.jupiter.api.Test;

class UserOutcomeTest {

    private static final UserOutcome.Subject ALICE = new UserOutcome.Subject("alice@example.com", "org-1", 2, "Developer", null);

    private static Change roleChange(String previousRole, String role, Action planned) {
        return new Change(previousRole, role, "role-id", "u-alice", null, planned, false, null, 0, null);
    }

    @Test
    void aRoleChangeShowsTheRoleBeforeAndAfter() {
        UserOutcome outcome = UserOutcome.changed(OutcomeCategory.ROLE_UPDATED, ALICE, roleChange("Org Collaborator", "Developer", null), false);

        assertThat(outcome.detail()).isEqualTo("role Org Collaborator -> Developer");
    }

    @Test
    void aRoleSetWithoutKnowingTheOldOneSaysOnlyTheNewOne() {
        UserOutcome outcome = UserOutcome.changed(OutcomeCategory.ROLE_UPDATED, ALICE, roleChange(null, "Developer", null), false);

        assertThat(outcome.detail()).isEqualTo("role set to Developer");
    }

    @Test
    void aPlannedChangeInADryRunSaysWhatWouldHappen() {
        UserOutcome outcome = UserOutcome.changed(OutcomeCategory.ROLE_UPDATED, ALICE,
                roleChange("Org Collaborator", "Developer", Action.CHANGE_ROLE), true);

        assertThat(outcome.detail()).isEqualTo("would change role: role Org Collaborator -> Developer");
    }

    @Test
    void aFailureHasAFailureAndNothingElseDoes() {
        UserOutcome failed = UserOutcome.failed(ALICE, "HTTP 403: nope", "forbidden");
        assertThat(failed.message()).isEqualTo("HTTP 403: nope");
        assertThat(failed.refusedWithStatus()).isZero();
        assertThat(UserOutcome.skipped(ALICE, "duplicate of line 1", 1).message()).isEqualTo("duplicate of line 1");

        assertThatThrownBy(() -> new UserOutcome(OutcomeCategory.FAILED, ALICE, null, roleChange(null, "x", null), false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserOutcome(OutcomeCategory.PROVISIONED, ALICE,
                new UserOutcome.Failure("x", 403, "forbidden", null, null), null, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
