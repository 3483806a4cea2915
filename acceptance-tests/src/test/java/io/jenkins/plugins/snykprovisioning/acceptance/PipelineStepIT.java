package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.GROUP;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code snykProvisionUsers} in Pipeline jobs, against the simulator. */
@WithLocalJenkins
@RequiresPlugins({"workflow-job", "workflow-cps", "workflow-basic-steps", "workflow-durable-task-step"})
class PipelineStepIT {

    private static SimulatedSnykForJenkins snyk;

    @BeforeAll
    static void start(LocalJenkins jenkins) {
        snyk = SimulatedSnykForJenkins.start(jenkins);
    }

    @AfterAll
    static void stop() {
        snyk.close();
    }

    /** A Pipeline that writes {@code users} to users.csv, calls the step with {@code arguments} and echoes its value. */
    private static String pipeline(String users, String arguments) {
        return """
                node {
                  writeFile file: 'users.csv', text: '''%s'''
                  def r = snykProvisionUsers(%s)
                  echo "RESULT=${r}"
                  echo "provisioned ${r.provisioned} of ${r.total}, results in ${r.resultsFile}"
                }
                """.formatted(users, arguments);
    }

    private static String arguments(String extra) {
        return "credentialsId: '" + CREDENTIALS_ID + "', orgId: '" + ORG + "', groupId: '" + GROUP
                + "', usersFile: 'users.csv'" + extra;
    }

    @Test
    void provisionsTheUsersOfAFileWrittenByThePipelineAndReturnsTheCounts() {
        snyk.pipelineJob("pipeline-success", pipeline("email,role\npipe-erin@example.com,Org Collaborator\n"
                + "pipe-frank@example.com,Developer\ncarol@example.com,Org Collaborator\n", arguments("")));

        LocalJenkins.Build build = snyk.build("pipeline-success", Map.of());
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("SUCCESS");
        assertThat(SimulatedSnykForJenkins.echoedMap(console)).containsExactly(Map.entry("provisioned", "2"),
                Map.entry("already_provisioned", "0"), Map.entry("org_memberships", "1"), Map.entry("already_added", "0"),
                Map.entry("role_updated", "0"), Map.entry("removed", "0"), Map.entry("pending_deleted", "0"),
                Map.entry("failed", "0"), Map.entry("skipped", "0"), Map.entry("total", "3"),
                Map.entry("complete", "true"), Map.entry("dryRun", "false"),
                Map.entry("resultsFile", "snyk-provisioning-results.json"),
                // No row failed: no failed rows file, archived or returned.
                Map.entry("failedCsv", "null"));
        assertThat(snyk.jenkins.get("job/pipeline-success/" + build.number()
                + "/artifact/snyk-provisioning-results-failed.csv").status()).isEqualTo(404);
        assertThat(console).contains("provisioned 2 of 3, results in snyk-provisioning-results.json",
                "Snyk user provisioning: mode provision, users from users.csv", "Snyk provisioning summary");
        assertThat(console).doesNotContain("Scripts not permitted", "RejectedAccessException");
        assertThat(snyk.pending("pipe-erin@example.com")).isTrue();
        assertThat(snyk.pending("pipe-frank@example.com")).isTrue();
        JsonNode results = snyk.resultsArtifact(build, "snyk-provisioning-results.json");
        assertThat(results.at("/summary/complete").asBoolean()).isTrue();
        assertThat(results.get("provisioned")).hasSize(2);
        assertThat(snyk.summary(build).path("counts").path("org_memberships").asInt()).isEqualTo(1);
        LocalJenkins.Response page = snyk.jenkins.get("job/pipeline-success/" + build.number() + "/snyk-provisioning/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("3 user row(s), mode provision: every user done", "Added to org (existing users)");
        snyk.assertTokenNowhere(build);
    }

    @Test
    void failedUsersMakeTheBuildUnstableAndAreReturned() {
        snyk.pipelineJob("pipeline-unstable", pipeline("email,role\npipe-gina@example.com,Org Collaborator\n"
                + "outsider@example.com,Org Collaborator\n", arguments("")));

        LocalJenkins.Build build = snyk.build("pipeline-unstable", Map.of());
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("UNSTABLE");
        assertThat(SimulatedSnykForJenkins.echoedMap(console)).containsEntry("failed", "1").containsEntry("provisioned", "1")
                .containsEntry("complete", "true");
        assertThat(console).contains("FAILED outsider@example.com");
        assertThat(SimulatedSnykForJenkins.echoedMap(console)).containsEntry("failedCsv", "snyk-provisioning-results-failed.csv");
        assertThat(snyk.jenkins.artifact(build.job(), build.number(), "snyk-provisioning-results-failed.csv"))
                .contains("outsider@example.com");
        // Like junit's step: the step's own node is marked, so stage views show which stage had failed users.
        String warnings = snyk.jenkins.scriptConsole("""
                def run = jenkins.model.Jenkins.get().getItemByFullName('pipeline-unstable').getBuildByNumber(%d)
                def walker = new org.jenkinsci.plugins.workflow.graph.FlowGraphWalker(run.execution)
                walker.each { node ->
                    def warning = node.getAction(org.jenkinsci.plugins.workflow.actions.WarningAction)
                    if (warning != null) { println(node.displayFunctionName + '|' + warning.result + '|' + warning.message) }
                }
                """.formatted(build.number()));
        assertThat(warnings.trim()).isEqualTo("snykProvisionUsers|UNSTABLE|1 user(s) failed; see the build's Snyk provisioning page");
        snyk.assertTokenNowhere(build);
    }

    @Test
    void failOnUserErrorsFailsTheBuild() {
        snyk.pipelineJob("pipeline-fail-on-user-errors", pipeline("email,role\noutsider@example.com,Org Collaborator\n",
                arguments(", failOnUserErrors: true")));

        LocalJenkins.Build build = snyk.build("pipeline-fail-on-user-errors", Map.of());
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("FAILURE");
        assertThat(console).contains("1 user(s) failed, and failOnUserErrors is set")
                .doesNotContain("RESULT=");
        // Kept although the step failed.
        assertThat(snyk.summary(build).path("counts").path("failed").asInt()).isEqualTo(1);
        assertThat(snyk.resultsArtifact(build, "snyk-provisioning-results.json").get("failed")).hasSize(1);
    }

    @Test
    void aDryRunSendsNoWrite() {
        snyk.pipelineJob("pipeline-dry-run", pipeline("email,role\npipe-dry@example.com,Org Collaborator\n"
                + "carol@example.com,Developer\n", arguments(", dryRun: true")));
        long before = snyk.simulator.requests().count();

        LocalJenkins.Build build = snyk.build("pipeline-dry-run", Map.of());
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("SUCCESS");
        assertThat(SimulatedSnykForJenkins.echoedMap(console)).containsEntry("dryRun", "true").containsEntry("total", "2");
        assertThat(snyk.simulator.requests().entries()).filteredOn(request -> request.sequence() > before).isNotEmpty()
                .noneMatch(request -> request.isWrite());
        assertThat(snyk.pending("pipe-dry@example.com")).isFalse();
        assertThat(console).contains("dry run (nothing will be changed)", "Would be provisioned (new users)");
        assertThat(snyk.summary(build).path("dryRun").asBoolean()).isTrue();
        // The run's page names what a dry run did not do as what would be done.
        assertThat(snyk.jenkins.get("job/pipeline-dry-run/" + build.number() + "/snyk-provisioning/").body())
                .contains("Would be provisioned (new users)", "Would be added (existing users)");
    }

    @Test
    void unknownCredentialsFailTheBuildNamingTheId() {
        snyk.pipelineJob("pipeline-unknown-credentials", pipeline("email,role\npipe-x@example.com,Org Collaborator\n",
                "credentialsId: 'no-such-credentials', orgId: '" + ORG + "', usersFile: 'users.csv'"));

        LocalJenkins.Build build = snyk.build("pipeline-unknown-credentials", Map.of());
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("FAILURE");
        assertThat(console).contains("credentials 'no-such-credentials' not found or not usable by the user who started this build")
                .doesNotContain("\tat io.jenkins");
        assertThat(snyk.writesMentioning("pipe-x@example.com")).isEmpty();
    }

    @Test
    void aRejectedTokenFailsTheBuildWithSnyksAnswer() {
        String badToken = "SNYKTOKEN-revoked-" + java.util.UUID.randomUUID();
        snyk.secretText("snyk-revoked-token", badToken);
        snyk.simulator.config().setEchoTokenInErrors(true);
        try {
            snyk.pipelineJob("pipeline-bad-token", pipeline("email,role\npipe-y@example.com,Org Collaborator\n",
                    "credentialsId: 'snyk-revoked-token', orgId: '" + ORG + "', groupId: '" + GROUP + "', usersFile: 'users.csv'"));

            LocalJenkins.Build build = snyk.build("pipeline-bad-token", Map.of());
            String console = snyk.console(build);

            assertThat(build.result()).as(console).isEqualTo("FAILURE");
            assertThat(console).contains("HTTP 401", "check the token and the region").doesNotContain(badToken);
            // One line for the error, Jenkins' "ERROR: ...", not the summary's "Error: ..." before it.
            String fatalError = snyk.summary(build).path("fatalError").asText();
            assertThat(console.lines().filter(line -> line.contains(fatalError))).singleElement().asString()
                    .startsWith("ERROR: ");
            assertThat(snyk.summary(build).path("fatalError").asText()).contains("HTTP 401").doesNotContain(badToken);
            assertThat(snyk.resultsArtifact(build, "snyk-provisioning-results.json").toString()).doesNotContain(badToken);
        } finally {
            snyk.simulator.config().setEchoTokenInErrors(false);
        }
    }

    @Test
    void aMissingOrEscapingUserFileFailsTheBuild() {
        snyk.pipelineJob("pipeline-missing-file", """
                node {
                  snykProvisionUsers credentialsId: '%s', orgId: '%s', usersFile: 'missing.csv'
                }
                """.formatted(CREDENTIALS_ID, ORG));
        snyk.pipelineJob("pipeline-escaping-file", """
                node {
                  snykProvisionUsers credentialsId: '%s', orgId: '%s', usersFile: '../../secrets/master.key'
                }
                """.formatted(CREDENTIALS_ID, ORG));

        LocalJenkins.Build missing = snyk.build("pipeline-missing-file", Map.of());
        LocalJenkins.Build escaping = snyk.build("pipeline-escaping-file", Map.of());

        assertThat(missing.result()).isEqualTo("FAILURE");
        assertThat(snyk.console(missing)).contains("ERROR: missing.csv: no such file in the workspace");
        assertThat(escaping.result()).isEqualTo("FAILURE");
        assertThat(snyk.console(escaping)).contains("usersFile: '../../secrets/master.key' leaves the workspace through ..");
    }

    @Test
    void aCredentialsParameterIsResolvedForTheBuild() {
        snyk.secretText("snyk-parameter-token", snyk.token);
        snyk.pipelineJob("pipeline-credentials-parameter", """
                <hudson.model.ParametersDefinitionProperty>
                  <parameterDefinitions>
                    %s
                  </parameterDefinitions>
                </hudson.model.ParametersDefinitionProperty>
                """.formatted(SimulatedSnykForJenkins.secretTextParameter("SNYK_CRED", "no-such-credentials")),
                pipeline("email,role\npipe-param@example.com,Org Collaborator\n",
                "credentialsId: '${SNYK_CRED}', orgId: '" + ORG + "', groupId: '" + GROUP + "', usersFile: 'users.csv'"));

        LocalJenkins.Build build = snyk.build("pipeline-credentials-parameter", Map.of("SNYK_CRED", "snyk-parameter-token"));
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("SUCCESS");
        assertThat(SimulatedSnykForJenkins.echoedMap(console)).containsEntry("provisioned", "1");
        assertThat(snyk.pending("pipe-param@example.com")).isTrue();
        snyk.assertTokenNowhere(build);
    }
}
