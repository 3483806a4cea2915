package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.BUILDER;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import java.util.HashMap;
import java.util.List;
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
        // An empty form opens with a note, not an error, before anything is typed.
        assertThat(snyk.jenkins.get(descriptor(STEP, "checkUsersFile?value=&users=")).body()).contains("Give a user file")
                .doesNotContain("error", "warning");
        for (String type : new String[] {BUILDER, STEP}) {
            assertThat(snyk.jenkins.get(descriptor(type, "checkConcurrency?value=")).body()).doesNotContain("error");
            assertThat(snyk.jenkins.get(descriptor(type, "checkConcurrency?value=99")).body())
                    .contains("error", "A whole number from 1 to 50");
            assertThat(snyk.jenkins.get(descriptor(type, "checkMaxRetries?value=-1")).body())
                    .contains("error", "A whole number from 0 to 10");
            assertThat(snyk.jenkins.get(descriptor(type, "checkMaxRetries?value=0")).body()).contains("No retries")
                    .doesNotContain("error");
        }
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
        assertThat(snippet("", "", "provision")).isEqualTo(
                "snykProvisionUsers credentialsId: '" + CREDENTIALS_ID + "', dryRun: true, orgId: 'o-1', usersFile: 'users.csv'");
        // Retries turned off are kept; the global concurrency (blank) is left out.
        assertThat(snippet("", "0", "updateRoles")).isEqualTo("snykProvisionUsers credentialsId: '" + CREDENTIALS_ID
                + "', dryRun: true, maxRetries: 0, mode: 'updateRoles', orgId: 'o-1', usersFile: 'users.csv'");
        assertThat(snyk.jenkins.get("job/" + JOB + "/pipeline-syntax/").body()).contains("snykProvisionUsers");
    }

    /** The Snippet Generator's script for the form with these values (the others as an untouched form sends them). */
    private static String snippet(String concurrency, String maxRetries, String mode) {
        String json = """
                {"stapler-class": "%s", "$class": "%s", "credentialsId": "%s", "orgId": "o-1", "groupId": "",
                 "usersFile": "users.csv", "users": "", "defaultRole": "", "mode": "%s", "dryRun": true,
                 "region": "", "concurrency": "%s", "maxRetries": "%s", "resultsFile": "snyk-provisioning-results.json",
                 "archiveResults": true, "failOnUserErrors": false, "resumeFrom": ""}
                """.formatted(STEP, STEP, CREDENTIALS_ID, mode, concurrency, maxRetries);
        LocalJenkins.Response snippet = snyk.jenkins.postForm("job/" + JOB + "/pipeline-syntax/generateSnippet",
                Map.of("json", json));
        assertThat(snippet.status()).as(snippet.body()).isEqualTo(200);
        return snippet.body().trim();
    }

    @Test
    void theStepHasItsOwnHelpAndTheFreestyleStepSharesItsFieldsHelp() {
        LocalJenkins.Response stepHelp = snyk.jenkins.get("descriptorByName/" + STEP + "/help");
        assertThat(stepHelp.status()).isEqualTo(200);
        assertThat(stepHelp.body()).contains("returns a map of plain values");

        for (String type : new String[] {STEP, BUILDER}) {
            String helpUrl = snyk.jenkins.scriptConsole("println(jenkins.model.Jenkins.get().getDescriptorOrDie(" + type
                    + ").getHelpFile('usersFile'))").trim();
            assertThat(helpUrl).as(type).contains(STEP).endsWith("/help/usersFile");
            LocalJenkins.Response fieldHelp = snyk.jenkins.get(helpUrl.substring(1));
            assertThat(fieldHelp.status()).as(type).isEqualTo(200);
            assertThat(fieldHelp.body()).as(type).contains("A CSV or JSON file of users, relative to the workspace");
        }
    }

    @Test
    void theStepsReferenceShowsTheOrgAsOptionalTheHelpOfEachParameterAndTheModes() {
        // The model the reference page renders (the structs plugin's DescribableModel; it shows Integer as int).
        String model = snyk.jenkins.scriptConsole("""
                def model = new org.jenkinsci.plugins.structs.describable.DescribableModel(%s)
                model.parameters.each { p ->
                    println(p.name + '|' + p.required + '|' + (p.help != null && !p.help.trim().isEmpty()) + '|' + p.type)
                }
                """.formatted(STEP));
        List<String> parameters = model.lines().filter(line -> line.contains("|")).toList();
        assertThat(parameters).isNotEmpty().allSatisfy(line -> assertThat(line).as("help shown").contains("|true|"));
        assertThat(parameters).filteredOn(line -> line.split("\\|")[1].equals("true")).singleElement()
                .asString().startsWith("credentialsId|");
        assertThat(parameters).contains("orgId|false|true|String", "mode|false|true|JobMode[provision, updateRoles]",
                "region|false|true|String", "concurrency|false|true|int", "maxRetries|false|true|int");

        // The page itself: the step's entry, up to the next step's.
        String page = snyk.jenkins.get("job/" + JOB + "/pipeline-syntax/html").body();
        int start = page.indexOf("<code>snykProvisionUsers</code>");
        assertThat(start).as("the step is in the reference").isNotNegative();
        int end = page.indexOf("step-title", start);
        String entry = page.substring(start, end < 0 ? page.length() : end);
        assertThat(entry).containsPattern("<code>orgId</code>\\s*\\(optional\\)")
                .doesNotContainPattern("<code>credentialsId</code>\\s*\\(optional\\)")
                .contains("for rows of the user file that have no", "returns a map of plain values",
                        "<code>provision</code>", "<code>updateRoles</code>", "SNYK-EU-01");
    }
}
