package io.jenkins.plugins.snykprovisioning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine against a simulator held to Snyk's published contract (every REST request and answer
 * checked against the spec, see {@link SimulatedSnyk#close()}): what the documents say about
 * pending provisions, the V1 members list, brownouts and rate limits.
 */
class SnykContractTest {

    @RegisterExtension
    final SimulatedSnyk snyk = new SimulatedSnyk();

    @Test
    void aUserPendingOnTheThirdPageIsFoundAndNotProvisionedAgain() throws Exception {
        for (int i = 1; i <= 240; i++) {
            snyk.state().addPendingProvision(SimulatedSnyk.ORG, "waiting" + i + "@acme.test", snyk.roleId(Role.ORG_COLLABORATOR));
        }
        SimulatedSnyk.Finished done = snyk.execute("email,role\nwaiting230@acme.test,Org Collaborator\n", run -> { });

        assertThat(done.categoryOf("waiting230@acme.test")).isEqualTo("already_provisioned");
        assertThat(snyk.writes()).isEmpty();
        // Pages of 100, 100 and 41 (dave and 240 more): the short third page ends the list.
        assertThat(snyk.simulator.requests().matching("GET", "/v1/org/" + SimulatedSnyk.ORG + "/provision"))
                .extracting(LoggedRequest::query).containsExactly("perPage=100&page=1", "perPage=100&page=2", "perPage=100&page=3");
    }

    @Test
    void pendingProvisionsAreReadToTheEndWhenSnykGivesFewerPerPageThanAsked() throws Exception {
        snyk.config().setPendingPageSize(30);
        for (int i = 1; i <= 70; i++) {
            snyk.state().addPendingProvision(SimulatedSnyk.ORG, "waiting" + i + "@acme.test", snyk.roleId(Role.ORG_COLLABORATOR));
        }
        SimulatedSnyk.Finished done = snyk.execute("email,role\nwaiting70@acme.test,Org Collaborator\n", run -> { });

        assertThat(done.categoryOf("waiting70@acme.test")).isEqualTo("already_provisioned");
        assertThat(snyk.simulator.requests().count("GET", "/v1/org/" + SimulatedSnyk.ORG + "/provision")).isEqualTo(3);
    }

    @Test
    void anOrgAdminsRoleIsUpdatedThoughV1ListsNoAdmins() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role\nadmin@acme.test,Developer\n", run -> run.mode = Mode.UPDATE_ROLES);

        JsonNode updated = done.entry("role_updated", "admin@acme.test");
        assertThat(updated.at("/result/previous_role").asText()).isEqualTo(Role.ORG_ADMIN);
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "admin@acme.test")).isEqualTo("Developer");
    }

    @Test
    void anOrgAdminInAProvisioningFileIsFoundAmongTheListedMembers() throws Exception {
        String users = "email,role\nadmin@acme.test,Org Admin\n" + IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "new" + i + "@acme.test,Org Collaborator\n").collect(Collectors.joining());
        SimulatedSnyk.Finished done = snyk.execute(users, run -> run.dryRun = true);

        assertThat(done.entry("skipped", "admin@acme.test").get("reason").asText()).isEqualTo("already a member with this role");
        assertThat(snyk.simulator.requests().count("GET", "/rest/orgs/" + SimulatedSnyk.ORG + "/memberships")).isEqualTo(1);
    }

    @Test
    void aGoneV1RoleUpdateFallsBackToTheRestPatch() throws Exception {
        snyk.config().setV1RoleUpdatesGone(true);
        SimulatedSnyk.Finished done = snyk.execute("email,role\nalice@acme.test,Developer\n", run -> run.mode = Mode.UPDATE_ROLES);

        assertThat(done.categoryOf("alice@acme.test")).isEqualTo("role_updated");
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "alice@acme.test")).isEqualTo("Developer");
        assertThat(snyk.writes()).extracting(LoggedRequest::method, LoggedRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", 410), org.assertj.core.groups.Tuple.tuple("PATCH", 204));
    }

    @Test
    void aGoneV1RoleUpdateOfAMemberGivenOnlyByUserIdFailsClearly() throws Exception {
        snyk.config().setV1RoleUpdatesGone(true);
        String stranger = SimulatedSnyk.userId("stranger");
        SimulatedSnyk.Finished done = snyk.execute("email,role,user_id\nstranger@acme.test,Developer," + stranger + "\n",
                run -> run.mode = Mode.UPDATE_ROLES);

        JsonNode failed = done.entry("failed", "stranger@acme.test");
        assertThat(failed.get("status_code").asInt()).isEqualTo(410);
        assertThat(failed.get("error").asText()).contains("410 Gone").contains("membership was not found");
    }

    @Test
    void aGoneV1ProvisioningFailsTheUserSayingThereIsNoRestEquivalent() throws Exception {
        snyk.config().setV1ProvisioningGone(true);
        SimulatedSnyk.Finished done = snyk.execute("email,role\nnew@acme.test,Developer\n", run -> { });

        JsonNode failed = done.entry("failed", "new@acme.test");
        assertThat(failed.get("status_code").asInt()).isEqualTo(410);
        assertThat(failed.get("error_type").asText()).isEqualTo("gone");
        assertThat(failed.get("error").asText()).contains("no REST equivalent").contains("not provisioned");
        assertThat(snyk.pending(SimulatedSnyk.ORG, "new@acme.test")).isFalse();
    }

    /**
     * The client's default pacing alone stays under Snyk's limits: 1,620 a minute per key for
     * REST, 2,000 for V1. Windows are scaled to one second (27 and 33 requests) so the test is short.
     */
    @Test
    void theDefaultPacingAloneStaysUnderSnyksRateLimits() throws Exception {
        assertThat(TransportSettings.DEFAULT_RATE_LIMIT_PER_MINUTE).isLessThan(1620).isLessThan(2000);
        snyk.config().setRateLimitPerMinute(1620).setRateWindowMillis(1000);
        String users = "email,role\n" + IntStream.rangeClosed(1, 45).mapToObj(i -> "paced" + i + "@acme.test,Org Collaborator\n")
                .collect(Collectors.joining());

        SimulatedSnyk.Finished done = snyk.execute(users, run -> {
            run.rateLimitPerMinute = TransportSettings.DEFAULT_RATE_LIMIT_PER_MINUTE;
            run.concurrency = 10;
        });

        assertThat(done.summary().failed()).isZero();
        assertThat(done.summary().rateLimited()).isZero();
        assertThat(snyk.simulator.requests().filter(r -> r.status() == 429)).isEmpty();
        assertThat(snyk.simulator.requests().count()).isGreaterThan(45);
    }
}
