package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.GROUP;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The freestyle build step "Provision users to Snyk", configured by config.xml, against the simulator. */
@WithLocalJenkins
class FreestyleBuilderIT {

    private static SimulatedSnykForJenkins snyk;

    @BeforeAll
    static void start(LocalJenkins jenkins) {
        snyk = SimulatedSnykForJenkins.start(jenkins);
    }

    @AfterAll
    static void stop() {
        snyk.close();
    }

    private static Map<String, String> settings(String... more) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("credentialsId", CREDENTIALS_ID);
        settings.put("orgId", ORG);
        settings.put("groupId", GROUP);
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    @Test
    void archivesTheResultsAndShowsTheSummaryOnTheBuild() {
        // Only the settings given here: the others take their defaults (archived, provision mode...).
        snyk.freestyleJob("freestyle-success", settings("usersFile", "input/users.csv"), "");
        snyk.workspaceFile("freestyle-success", "input/users.csv", "email,role\nfree-erin@example.com,Org Collaborator\n"
                + "bob@example.com,Org Collaborator\nnot-an-email,Developer\n");

        LocalJenkins.Build build = snyk.build("freestyle-success", Map.of());
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("UNSTABLE");
        assertThat(console).contains("users from input/users.csv", "FAILED not-an-email", "Archived with the build.");
        JsonNode results = snyk.resultsArtifact(build, "snyk-provisioning-results.json");
        assertThat(results.get("provisioned").get(0).get("email").asText()).isEqualTo("free-erin@example.com");
        assertThat(results.get("role_updated").get(0).get("email").asText()).isEqualTo("bob@example.com");
        assertThat(results.at("/summary/total").asInt()).isEqualTo(3);
        assertThat(snyk.jenkins.artifact(build.job(), build.number(), "snyk-provisioning-results-failed.csv").lines().toList())
                .containsExactly("email,role_public_id,role,org_id,user_id,line,error",
                        "not-an-email,,Developer," + ORG + ",,4,'not-an-email' is not a valid email address");

        JsonNode summary = snyk.summary(build);
        assertThat(summary.path("mode").asText()).isEqualTo("provision");
        assertThat(summary.path("complete").asBoolean()).isTrue();
        assertThat(summary.path("archived").asBoolean()).isTrue();
        assertThat(summary.path("total").asInt()).isEqualTo(3);
        assertThat(summary.path("counts").path("provisioned").asInt()).isEqualTo(1);
        assertThat(summary.path("counts").path("role_updated").asInt()).isEqualTo(1);
        assertThat(summary.path("counts").path("failed").asInt()).isEqualTo(1);
        assertThat(summary.path("failedUsers").get(0).path("email").asText()).isEqualTo("not-an-email");
        assertThat(summary.path("failedUsers").get(0).path("line").asInt()).isEqualTo(4);
        // Jenkins records which builds used the credentials (Manage Credentials shows it).
        assertThat(snyk.credentialsUsage(CREDENTIALS_ID)).contains("freestyle-success #" + build.number());

        LocalJenkins.Response page = snyk.jenkins.get("job/freestyle-success/" + build.number() + "/snyk-provisioning/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("3 user row(s), mode provision: 1 failed", "Role updated", "not-an-email",
                "is not a valid email address", "artifact/snyk-provisioning-results.json");
        LocalJenkins.Response buildPage = snyk.jenkins.get("job/freestyle-success/" + build.number() + "/");
        assertThat(buildPage.body()).contains("Snyk provisioning", "href=\"snyk-provisioning/\"",
                "Provisioned (new users): 1");
        // The outcome as one stacked bar, described in words for those who cannot see it.
        assertThat(buildPage.body()).contains("<svg", "role=\"img\"",
                "aria-label=\"Provisioned (new users) 1, Role updated 1, Failed 1\"");
        // The job's page lists the run among its last builds, marked for its failed user.
        LocalJenkins.Response jobPage = snyk.jenkins.get("job/freestyle-success/");
        assertThat(jobPage.body()).contains("Snyk provisioning: last builds", "Roles changed", "Removed",
                "job/freestyle-success/" + build.number() + "/snyk-provisioning/", "check this run");

        assertThat(snyk.pending("free-erin@example.com")).isTrue();
        assertThat(snyk.simulator.state().memberRole(ORG, DemoState.BOB_USER_ID).orElseThrow().name())
                .isEqualTo("Org Collaborator");
        snyk.assertTokenNowhere(build);
    }

    @Test
    void aParameterizedJobTakesItsOrgUsersAndCredentialsFromTheBuildParameters() {
        snyk.secretText("snyk-parameter-token", snyk.token);
        snyk.freestyleJob("freestyle-parameters", Map.of("credentialsId", "${SNYK_CRED}", "orgId", "${ORG}",
                "groupId", GROUP, "users", "${USERS}", "resultsFile", "reports/${BUILD_NUMBER}.json"), """
                <hudson.model.ParametersDefinitionProperty>
                  <parameterDefinitions>
                    <hudson.model.StringParameterDefinition><name>ORG</name><defaultValue></defaultValue></hudson.model.StringParameterDefinition>
                    <hudson.model.TextParameterDefinition><name>USERS</name><defaultValue></defaultValue></hudson.model.TextParameterDefinition>
                    %s
                  </parameterDefinitions>
                </hudson.model.ParametersDefinitionProperty>
                """.formatted(SimulatedSnykForJenkins.secretTextParameter("SNYK_CRED", "no-such-credentials")));

        LocalJenkins.Build build = snyk.build("freestyle-parameters", Map.of("ORG", DemoState.PAYMENTS_ORG_ID,
                "USERS", "email,role\nparam-ivan@example.com,Org Collaborator\nparam-judy@example.com,Developer\n",
                "SNYK_CRED", "snyk-parameter-token"));
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("SUCCESS");
        assertThat(console).contains("users from users (inline), org " + DemoState.PAYMENTS_ORG_ID);
        String results = "reports/" + build.number() + ".json";
        assertThat(snyk.resultsArtifact(build, results).get("provisioned")).hasSize(2);
        // Every user done: no header-only failed rows file is archived.
        assertThat(snyk.jenkins.get("job/freestyle-parameters/" + build.number() + "/artifact/reports/" + build.number()
                + "-failed.csv").status()).isEqualTo(404);
        assertThat(console).contains("Failed rows: none");
        assertThat(snyk.simulator.state().pendingProvisions(DemoState.PAYMENTS_ORG_ID)).extracting(p -> p.email())
                .contains("param-ivan@example.com", "param-judy@example.com");

        LocalJenkins.Build unknown = snyk.build("freestyle-parameters", Map.of("ORG", DemoState.PAYMENTS_ORG_ID,
                "USERS", "email,role\nparam-kim@example.com,Org Collaborator\n", "SNYK_CRED", "no-such-credentials"));
        assertThat(unknown.result()).isEqualTo("FAILURE");
        assertThat(snyk.console(unknown)).contains("No Secret text credentials with id 'no-such-credentials' (from ${SNYK_CRED})");
        snyk.assertTokenNowhere(build);
    }

    @Test
    void aFileParameterIsTheUserFile() {
        snyk.freestyleJob("freestyle-file-parameter", settings("usersFile", "uploaded/users.csv"), """
                <hudson.model.ParametersDefinitionProperty>
                  <parameterDefinitions>
                    <hudson.model.FileParameterDefinition><name>uploaded/users.csv</name></hudson.model.FileParameterDefinition>
                  </parameterDefinitions>
                </hudson.model.ParametersDefinitionProperty>
                """);

        int number = snyk.jenkins.buildWithFile("freestyle-file-parameter", "uploaded/users.csv", "users.csv",
                "email,role\nfile-liam@example.com,Org Collaborator\n");
        LocalJenkins.Build build = snyk.jenkins.waitForBuild("freestyle-file-parameter", number,
                SimulatedSnykForJenkins.BUILD_TIMEOUT);
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("SUCCESS");
        assertThat(console).contains("users from uploaded/users.csv");
        assertThat(snyk.summary(build).path("counts").path("provisioned").asInt()).isEqualTo(1);
        assertThat(snyk.pending("file-liam@example.com")).isTrue();
    }

    @Test
    void theStepIsConfiguredFromItsFormAndKeepsItsSettings() {
        // As an earlier version saved it: the org a constructor parameter, and 0 retries meaning the global setting.
        snyk.freestyleJob("freestyle-form", settings("usersFile", "users.csv", "mode", "updateRoles", "region", "SNYK-EU-01",
                "concurrency", "3", "maxRetries", "0", "archiveResults", "false", "resumeFrom", "previous.json"), "");

        LocalJenkins.Response form = snyk.jenkins.get("job/freestyle-form/configure");
        assertThat(form.status()).isEqualTo(200);
        for (String field : List.of("credentialsId", "orgId", "groupId", "usersFile", "users", "defaultRole", "mode", "dryRun",
                "region", "concurrency", "maxRetries", "resultsFile", "archiveResults", "failOnUserErrors", "resumeFrom")) {
            assertThat(form.body()).as(field).contains("name=\"_." + field + "\"");
        }
        assertThat(form.body()).contains("Provision users to Snyk", "Test connection", "Organization ID", "User file");

        String saved = snyk.jenkins.scriptConsole("""
                def step = jenkins.model.Jenkins.get().getItemByFullName('freestyle-form').buildersList[0]
                println([step.credentialsId, step.orgId, step.mode, step.region, step.concurrency, step.maxRetries,
                         step.archiveResults, step.resultsFile, step.resumeFrom, step.dryRun].join('|'))
                """);
        assertThat(saved.trim()).isEqualTo(CREDENTIALS_ID + "|" + ORG
                + "|updateRoles|SNYK-EU-01|3|null|false|snyk-provisioning-results.json|previous.json|false");
    }
}
