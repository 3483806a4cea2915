package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.GROUP;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sync and offboarding in Jenkins, against a fresh demo tenant per test: a Pipeline that plans, waits for an
 * approval given through the REST API and applies the same plan; a plan over a limit failing a freestyle build with
 * nothing sent; a nightly drift check unstable only when Snyk no longer matches the file.
 *
 * <p>Planning and applying a plan that removes members each list the group's people, which Snyk allows once a minute
 * per token: the apply uses a second Secret text credential holding another token of the same user.
 */
@WithLocalJenkins
@RequiresPlugins({"workflow-job", "workflow-cps", "workflow-basic-steps", "workflow-durable-task-step", "pipeline-input-step"})
class SyncIT {

    private static final String APPLY_CREDENTIALS_ID = "snyk-acceptance-apply-token";
    private static final String PLAN = "snyk-plan.json";
    private static final String MINUS = "\u2212";
    /** The demo org as a file: erin new, carol added, bob re-roled; alice and dave's pending provision left out. */
    private static final String DESIRED = "email,role\nerin@example.com,Developer\ncarol@example.com,Developer\n"
            + "bob@example.com,Org Collaborator\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalJenkins jenkins;
    private SimulatedSnykForJenkins snyk;
    private String applyToken;

    @BeforeEach
    void start(LocalJenkins jenkins) {
        this.jenkins = jenkins;
        snyk = SimulatedSnykForJenkins.start(jenkins);
        applyToken = snyk.addToken("jenkins-acceptance-apply");
        snyk.secretText(APPLY_CREDENTIALS_ID, applyToken);
    }

    @AfterEach
    void stop() {
        snyk.close();
    }

    private String roleOf(String orgId, String userId) {
        return snyk.simulator.state().memberRole(orgId, userId).map(role -> role.name()).orElse(null);
    }

    /** Waits until the running build's console shows {@code text}; gives the console. */
    private String awaitConsole(String job, int number, String text) throws InterruptedException {
        long deadline = System.nanoTime() + SimulatedSnykForJenkins.BUILD_TIMEOUT.toNanos();
        while (true) {
            String console = jenkins.consoleText(job, number);
            if (console.contains(text)) {
                return console;
            }
            assertThat(System.nanoTime()).as("'%s' in the console of %s #%s:\n%s", text, job, number, console)
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** The plans of the build's runs, in order, from the remote API. */
    private List<JsonNode> plans(String job, int number) {
        LocalJenkins.Response response = jenkins.get(JenkinsClient.jobPath(job) + number
                + "/api/json?tree=actions[plan[id,made,applied,refused,refusals,changes,planFile,orgs[orgId,changes[sign,kind,user]]]]");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> plans = new ArrayList<>();
        response.json().path("actions").forEach(action -> {
            if (action.hasNonNull("plan")) {
                plans.add(action.get("plan"));
            }
        });
        return plans;
    }

    @Test
    void aPipelinePlansWaitsForApprovalAndAppliesThatSamePlan() throws Exception {
        snyk.pipelineJob("sync-approved", """
                node {
                  writeFile file: 'desired.csv', text: '''%s'''
                  def plan = snykProvisionUsers(credentialsId: '%s', groupId: '%s', orgId: '%s', mode: 'sync',
                                                usersFile: 'desired.csv', removeMissing: true, maxRemovals: '50%%')
                  echo "PLAN=${plan}"
                  input id: 'Apply', message: 'Apply the Snyk plan?'
                  def r = snykProvisionUsers(credentialsId: '%s', groupId: '%s', orgId: '%s', mode: 'sync',
                                             maxRemovals: '50%%', applyPlan: plan.planFile)
                  echo "RESULT=${r}"
                }
                """.formatted(DESIRED, CREDENTIALS_ID, GROUP, ORG, APPLY_CREDENTIALS_ID, GROUP, ORG));

        int number = jenkins.build("sync-approved");
        String waiting = awaitConsole("sync-approved", number, "Proceed or Abort");

        Map<String, String> plan = SimulatedSnykForJenkins.echoedMap(waiting, "PLAN");
        assertThat(plan).containsEntry("provision", "1").containsEntry("add_membership", "1").containsEntry("change_role", "1")
                .containsEntry("remove_member", "1").containsEntry("delete_pending_provision", "1").containsEntry("changes", "5")
                .containsEntry("planFile", PLAN).containsEntry("applied", "false").containsEntry("dryRun", "true");
        assertThat(snyk.simulator.requests().writes()).as("a plan only reads").isEmpty();
        JsonNode archived = JSON.readTree(jenkins.artifact("sync-approved", number, PLAN));
        assertThat(archived.path("id").asText()).isEqualTo(plan.get("planId"));
        assertThat(archived.path("actions")).hasSize(5);
        // The reviewer's view: the diff per org, with the limits that held.
        LocalJenkins.Response diff = jenkins.get("job/sync-approved/" + number + "/snyk-provisioning/");
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.body()).contains("5 change(s) planned, mode sync: limits held", "erin@example.com", "provision as Developer",
                "role Developer", "Org Collaborator", "alice@example.com", "remove from the org",
                "delete the pending provision", "at most 50% of each org", ": held", "artifact/" + PLAN);
        assertThat(diff.body()).containsAnyOf("<code>" + MINUS + "</code>", "<code>&#8722;</code>");
        assertThat(diff.body()).contains("<code>+</code>", "<code>~</code>");
        assertThat(roleOf(ORG, DemoState.ALICE_USER_ID)).as("not removed before the approval").isEqualTo("Org Collaborator");

        LocalJenkins.Response approved = jenkins.postForm("job/sync-approved/" + number + "/input/Apply/proceedEmpty", Map.of());
        assertThat(approved.status()).isIn(200, 302);
        LocalJenkins.Build build = jenkins.waitForBuild("sync-approved", number, SimulatedSnykForJenkins.BUILD_TIMEOUT);
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("SUCCESS");
        assertThat(SimulatedSnykForJenkins.echoedMap(console)).containsEntry("removed", "1").containsEntry("pending_deleted", "1")
                .containsEntry("provisioned", "1").containsEntry("org_memberships", "1").containsEntry("role_updated", "1")
                .containsEntry("failed", "0").containsEntry("applied", "true").containsEntry("planId", plan.get("planId"));
        assertThat(roleOf(ORG, DemoState.ALICE_USER_ID)).isNull();
        assertThat(snyk.pending(DemoState.PENDING_EMAIL)).isFalse();
        assertThat(snyk.pending("erin@example.com")).isTrue();
        assertThat(roleOf(ORG, DemoState.SERVICE_ACCOUNT_USER_ID)).as("a service account is never removed").isEqualTo("Org Admin");
        List<JsonNode> plans = plans("sync-approved", number);
        assertThat(plans).hasSize(2);
        assertThat(plans.get(0).path("made").asBoolean()).isTrue();
        assertThat(plans.get(1).path("applied").asBoolean()).isTrue();
        assertThat(plans.get(1).path("id").asText()).isEqualTo(plan.get("planId"));
        assertThat(plans.get(0).path("orgs").get(0).path("changes").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("provision", "add_membership", "change_role", "remove_member", "delete_pending_provision");
        // The apply's page links to the run that made its plan.
        LocalJenkins.Response applyPage = jenkins.get("job/sync-approved/" + number + "/snyk-provisioning-2/");
        assertThat(applyPage.body()).contains("5 change(s) planned, mode sync: applied", "Made by the run",
                "job/sync-approved/" + number + "/snyk-provisioning/");
        snyk.assertTokenNowhere(build);
        assertThat(console).doesNotContain(applyToken);
    }

    @Test
    void aPlanOverALimitFailsAFreestyleBuildWithTheReasonAndSendsNothing() {
        snyk.freestyleJob("sync-refused", Map.of("credentialsId", CREDENTIALS_ID, "orgId", ORG, "groupId", GROUP,
                "usersFile", "desired.csv", "mode", "sync", "removeMissing", "true", "apply", "true"), "");
        snyk.workspaceFile("sync-refused", "desired.csv", DESIRED);

        LocalJenkins.Build build = snyk.build("sync-refused", Map.of());
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("FAILURE");
        assertThat(console).contains("ERROR: The plan was refused by its limits, and nothing was changed: org " + ORG
                + ": 2 removals are more than 10% of its 5 members and pending provisions (at most 1); raise the removal limit");
        assertThat(snyk.simulator.requests().writes()).as("--yes, but the limit refused the plan").isEmpty();
        assertThat(roleOf(ORG, DemoState.ALICE_USER_ID)).isEqualTo("Org Collaborator");
        JsonNode archived = snyk.resultsArtifact(build, PLAN);
        assertThat(archived.path("refused")).hasSize(1);
        JsonNode plan = plans("sync-refused", build.number()).get(0);
        assertThat(plan.path("refused").asBoolean()).isTrue();
        assertThat(plan.path("refusals").get(0).asText()).contains("raise the removal limit");
        assertThat(jenkins.get("job/sync-refused/" + build.number() + "/snyk-provisioning/").body())
                .contains("refused by its limits, nothing was changed", "2 removals are more than 10%");
        assertThat(jenkins.get("job/sync-refused/" + build.number() + "/").body()).contains("Refused by its limits");
        snyk.assertTokenNowhere(build);
    }

    @Test
    void aNightlyDriftCheckIsUnstableOnlyWhenSnykNoLongerMatchesTheFile() {
        // Each build lists the group's people once: the second build uses the second token, chosen by a parameter.
        snyk.pipelineJob("sync-drift", """
                <hudson.model.ParametersDefinitionProperty>
                  <parameterDefinitions>
                    %s
                  </parameterDefinitions>
                </hudson.model.ParametersDefinitionProperty>
                """.formatted(SimulatedSnykForJenkins.secretTextParameter("SNYK_CRED", CREDENTIALS_ID)), """
                node {
                  if (!fileExists('desired.csv')) {
                    def e = snykProvisionUsers(credentialsId: '${SNYK_CRED}', groupId: '%s', mode: 'export', allOrgs: true,
                                               exportFile: 'desired.csv', adminsReport: 'access-review.md')
                    echo "EXPORT=${e}"
                  }
                  def r = snykProvisionUsers(credentialsId: '${SNYK_CRED}', groupId: '%s', mode: 'sync', usersFile: 'desired.csv',
                                             removeMissing: true, unstableOnChanges: true)
                  echo "RESULT=${r}"
                }
                """.formatted(GROUP, GROUP));

        LocalJenkins.Build matching = snyk.build("sync-drift", Map.of("SNYK_CRED", CREDENTIALS_ID));
        String matchingConsole = snyk.console(matching);

        assertThat(matching.result()).as(matchingConsole).isEqualTo("SUCCESS");
        assertThat(SimulatedSnykForJenkins.echoedMap(matchingConsole, "EXPORT")).containsEntry("orgs", "2")
                .containsEntry("pending", "1").containsEntry("exportFile", "desired.csv");
        assertThat(SimulatedSnykForJenkins.echoedMap(matchingConsole)).containsEntry("changes", "0");
        assertThat(jenkins.artifact("sync-drift", matching.number(), "access-review.md")).contains("Org Admins");

        // Someone adds carol to the platform org by hand.
        snyk.simulator.state().addOrgMember(ORG, DemoState.CAROL_USER_ID, DemoState.ORG_COLLABORATOR_ROLE_ID);
        LocalJenkins.Build drifted = snyk.build("sync-drift", Map.of("SNYK_CRED", APPLY_CREDENTIALS_ID));
        String driftedConsole = snyk.console(drifted);

        assertThat(drifted.result()).as(driftedConsole).isEqualTo("UNSTABLE");
        assertThat(SimulatedSnykForJenkins.echoedMap(driftedConsole)).containsEntry("remove_member", "1").containsEntry("changes", "1");
        assertThat(driftedConsole).contains("Plan:        " + PLAN);
        assertThat(snyk.simulator.requests().writes()).isEmpty();
        assertThat(roleOf(ORG, DemoState.CAROL_USER_ID)).as("a drift check changes nothing").isEqualTo("Org Collaborator");
        assertThat(jenkins.get("job/sync-drift/").body()).contains("sync, plan only");
    }
}
