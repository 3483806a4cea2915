package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.BUILDER;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The form both steps share: drop-downs, checks, the connection test, help, and the Snippet Generator. */
@WithLocalJenkins
@RequiresPlugins({"workflow-job", "workflow-cps"})
class StepFormIT {

    private static final String STEP = "io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisionUsersStep";
    private static final String JOB = "form-checks";

    private static SimulatedSnykForJenkins snyk;

    @BeforeAll
    static void start(LocalJenkins jenkins) {
        snyk = SimulatedSnykForJenkins.start(jenkins);
        snyk.pipelineJob(JOB, "echo 'configured only'");
    }

    @AfterAll
    static void stop() {
        snyk.close();
    }

    private static String descriptor(String type, String method) {
        return "job/" + JOB + "/descriptorByName/" + type + "/" + method;
    }

    @Test
    void theCredentialsDropDownOffersSecretTextCredentials() {
        for (String type : new String[] {BUILDER, STEP}) {
            LocalJenkins.Response items = snyk.jenkins.postForm(descriptor(type, "fillCredentialsIdItems"),
                    Map.of("credentialsId", ""));
            assertThat(items.status()).as(type).isEqualTo(200);
            assertThat(items.json().path("values").findValuesAsText("value")).as(type).contains("", CREDENTIALS_ID);
        }
        assertThat(snyk.jenkins.get(descriptor(STEP, "fillCredentialsIdItems")).status()).as("POST only").isIn(404, 405);
    }

    @Test
    void regionsModesAndSyntaxChecksNeedNoSnyk() {
        LocalJenkins.Response regions = snyk.jenkins.get(descriptor(STEP, "fillRegionItems"));
        assertThat(regions.json().path("values").findValuesAsText("value"))
                .containsExactly("", "SNYK-US-01", "SNYK-US-02", "SNYK-EU-01", "SNYK-AU-01");
        assertThat(regions.json().path("values").findValuesAsText("name")).startsWith("Use the global default");
        assertThat(snyk.jenkins.get(descriptor(BUILDER, "fillModeItems")).json().path("values").findValuesAsText("value"))
                .containsExactly("provision", "updateRoles");

        assertThat(snyk.jenkins.get(descriptor(BUILDER, "checkOrgId?value=my-org")).body())
                .contains("warning", "does not look like a Snyk id");
        assertThat(snyk.jenkins.get(descriptor(BUILDER, "checkOrgId?value=%24%7BORG_ID%7D")).body()).doesNotContain("warning");
        assertThat(snyk.jenkins.get(descriptor(STEP, "checkGroupId?value=" + SimulatedSnykForJenkins.GROUP)).body())
                .doesNotContain("warning");
        assertThat(snyk.jenkins.get(descriptor(STEP, "checkUsersFile?value=..%2Fusers.csv&users=")).body())
                .contains("error", "leaves the workspace");
        assertThat(snyk.jenkins.get(descriptor(STEP, "checkUsersFile?value=&users=")).body()).contains("error", "Give a user file");
        assertThat(snyk.jenkins.get(descriptor(STEP, "checkResultsFile?value=%2Ftmp%2Fr.json")).body())
                .contains("error", "absolute path");
    }

    @Test
    void testConnectionCallsSnykWithTheCredentials() {
        LocalJenkins.Response connected = snyk.jenkins.postForm(descriptor(BUILDER, "testConnection"),
                Map.of("credentialsId", CREDENTIALS_ID, "region", ""));
        assertThat(connected.status()).isEqualTo(200);
        assertThat(connected.body()).contains("Connected to " + snyk.simulator.baseUrl() + " as").doesNotContain(snyk.token);
        assertThat(snyk.simulator.requests().matching("GET", "/rest/self")).isNotEmpty();

        snyk.secretText("snyk-form-revoked", "SNYKTOKEN-form-revoked");
        LocalJenkins.Response refused = snyk.jenkins.postForm(descriptor(STEP, "testConnection"),
                Map.of("credentialsId", "snyk-form-revoked", "region", ""));
        assertThat(refused.body()).contains("error", "Snyk at " + snyk.simulator.baseUrl() + " answered: HTTP 401")
                .doesNotContain("SNYKTOKEN-form-revoked");

        // Outside any job (e.g. the Snippet Generator at the root): the controller's credentials, for administrators.
        assertThat(snyk.jenkins.postForm("descriptorByName/" + BUILDER + "/testConnection",
                Map.of("credentialsId", CREDENTIALS_ID, "region", "")).body()).contains("Connected to ");

        assertThat(snyk.jenkins.postForm(descriptor(STEP, "testConnection"), Map.of("credentialsId", "nope", "region", ""))
                .body()).contains("No Secret text credentials with id");
        assertThat(snyk.jenkins.get(descriptor(STEP, "testConnection?credentialsId=" + CREDENTIALS_ID)).status())
                .as("POST only").isIn(404, 405);
    }

    @Test
    void testConnectionSaysWhenTheTokenCannotDoTheJob() {
        snyk.secretText("snyk-form-viewer", DemoState.VIEWER_TOKEN);
        snyk.secretText("snyk-form-service", DemoState.SERVICE_ACCOUNT_TOKEN);
        Map<String, String> job = Map.of("region", "", "orgId", SimulatedSnykForJenkins.ORG,
                "groupId", SimulatedSnykForJenkins.GROUP, "mode", "provision");
        int writes = snyk.simulator.requests().writes().size();

        LocalJenkins.Response viewer = snyk.jenkins.postForm(descriptor(STEP, "testConnection"),
                with(job, "credentialsId", "snyk-form-viewer"));
        assertThat(viewer.body()).contains("error", "Connected to " + snyk.simulator.baseUrl() + ", but the token of alice",
                "is Org Collaborator of org " + SimulatedSnykForJenkins.ORG, "Use the personal API token of an Org Admin");

        LocalJenkins.Response service = snyk.jenkins.postForm(descriptor(BUILDER, "testConnection"),
                with(job, "credentialsId", "snyk-form-service"));
        assertThat(service.body()).contains("error", "Snyk refuses provisioning for service accounts");
        LocalJenkins.Response serviceUpdatingRoles = snyk.jenkins.postForm(descriptor(BUILDER, "testConnection"),
                with(with(job, "credentialsId", "snyk-form-service"), "mode", "updateRoles"));
        assertThat(serviceUpdatingRoles.body()).doesNotContain("error").contains("Connected to ");

        assertThat(snyk.jenkins.postForm(descriptor(STEP, "testConnection"), with(job, "credentialsId", CREDENTIALS_ID)).body())
                .doesNotContain("error").contains("Connected to " + snyk.simulator.baseUrl() + " as admin");
        assertThat(snyk.simulator.requests().writes()).hasSize(writes);
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> changed = new HashMap<>(form);
        changed.put(name, value);
        return changed;
    }

    @Test
    void theSnippetGeneratorWritesTheStepWithoutItsDefaults() {
        String json = """
                {"stapler-class": "%s", "$class": "%s", "credentialsId": "%s", "orgId": "o-1", "groupId": "",
                 "usersFile": "users.csv", "users": "", "defaultRole": "", "mode": "provision", "dryRun": true,
                 "region": "", "concurrency": "0", "maxRetries": "0", "resultsFile": "snyk-provisioning-results.json",
                 "archiveResults": true, "failOnUserErrors": false, "resumeFrom": ""}
                """.formatted(STEP, STEP, CREDENTIALS_ID);
        LocalJenkins.Response snippet = snyk.jenkins.postForm("job/" + JOB + "/pipeline-syntax/generateSnippet",
                Map.of("json", json));

        assertThat(snippet.status()).as(snippet.body()).isEqualTo(200);
        assertThat(snippet.body().trim()).isEqualTo(
                "snykProvisionUsers credentialsId: '" + CREDENTIALS_ID + "', dryRun: true, orgId: 'o-1', usersFile: 'users.csv'");
        assertThat(snyk.jenkins.get("job/" + JOB + "/pipeline-syntax/").body()).contains("snykProvisionUsers");
    }

    @Test
    void theStepHasItsOwnHelpAndTheFieldsHelpOfTheSharedForm() {
        LocalJenkins.Response stepHelp = snyk.jenkins.get("descriptorByName/" + STEP + "/help");
        assertThat(stepHelp.status()).isEqualTo(200);
        assertThat(stepHelp.body()).contains("returns a map of plain values");

        String helpUrl = snyk.jenkins.scriptConsole("println(jenkins.model.Jenkins.get().getDescriptorOrDie(" + STEP
                + ").getHelpFile('usersFile'))").trim();
        assertThat(helpUrl).contains(BUILDER).endsWith("/help/usersFile");
        LocalJenkins.Response fieldHelp = snyk.jenkins.get(helpUrl.substring(1));
        assertThat(fieldHelp.status()).isEqualTo(200);
        assertThat(fieldHelp.body()).contains("A CSV or JSON file of users, relative to the workspace");
    }
}
