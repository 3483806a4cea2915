package io.jenkins.plugins.snykprovisioning.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Configuration as Code (configuration-as-code): a Jenkins of its own booted with
 * {@code docs/examples/configuration-as-code.yaml} (the YAML docs/configuration-as-code.md shows), which sets the
 * global configuration and a Secret text credential whose secret comes from the environment.
 */
@WithLocalJenkins
@RequiresPlugins("configuration-as-code")
class ConfigurationAsCodeIT {

    static final String EXAMPLE = "docs/examples/configuration-as-code.yaml";
    private static final String CONFIG = "io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisioningGlobalConfiguration.get()";
    private static final String TOKEN = "SNYKTOKEN-casc-" + UUID.randomUUID();

    private static LocalJenkins jenkins;
    private static Path workDir;

    @BeforeAll
    static void boot() throws Exception {
        Path projectRoot = LocalJenkinsExtension.projectRoot();
        workDir = LocalJenkinsExtension.workDir("jenkins-casc");
        jenkins = LocalJenkins.start(JenkinsInstallation.locate(System.getenv()), LocalJenkinsExtension.hpi(projectRoot),
                workDir, 0, false, Map.of("CASC_JENKINS_CONFIG", projectRoot.resolve(EXAMPLE).toString(), "SNYK_TOKEN", TOKEN));
    }

    @AfterAll
    static void stop() {
        if (jenkins != null) {
            jenkins.stop();
        }
    }

    @Test
    void theGlobalConfigurationIsReadFromTheYamlAtBootAndShownOnItsPage() {
        LocalJenkins.Response page = jenkins.get("manage/configure");
        assertThat(page.status()).isEqualTo(200);

        assertThat(fieldValue(page.body(), "concurrency")).isEqualTo("5");
        assertThat(fieldValue(page.body(), "rateLimitPerMinute")).isEqualTo("1200");
        assertThat(fieldValue(page.body(), "connectTimeoutSeconds")).isEqualTo("15");
        assertThat(fieldValue(page.body(), "responseTimeoutSeconds")).isEqualTo("60");
        assertThat(fieldValue(page.body(), "maxRetries")).isEqualTo("3");
        assertThat(fieldValue(page.body(), "apiUrl")).isEmpty();
        assertThat(jenkins.scriptConsole("def c = " + CONFIG + "\nprintln([c.region, c.apiUrl].join('|'))").trim())
                .isEqualTo("SNYK-EU-01|null");
        // Applied at boot without a warning about the plugin's section.
        assertThat(jenkins.log().lines()).noneMatch(line -> line.contains("snykProvisioning") && line.contains("WARNING"));
    }

    @Test
    void theSecretTextCredentialHoldsTheTokenFromTheEnvironment() {
        LocalJenkins.Response credential = jenkins.get("credentials/store/system/domain/_/credential/snyk-token/api/json");
        assertThat(credential.status()).isEqualTo(200);
        assertThat(credential.json().path("id").asText()).isEqualTo("snyk-token");
        assertThat(credential.json().path("description").asText()).isEqualTo("Snyk API token (personal, with Provision Users)");
        assertThat(credential.json().path("typeName").asText()).isEqualTo("Secret text");
        assertThat(credential.body()).doesNotContain(TOKEN);

        // Compared inside Jenkins, so that the token is printed nowhere.
        assertThat(jenkins.scriptConsole("""
                import com.cloudbees.plugins.credentials.CredentialsProvider
                import hudson.security.ACL
                import org.jenkinsci.plugins.plaincredentials.StringCredentials
                def token = CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials, jenkins.model.Jenkins.get(),
                        ACL.SYSTEM2, []).find { it.id == 'snyk-token' }
                println(token.secret.plainText == System.getenv('SNYK_TOKEN'))
                """).trim()).isEqualTo("true");
        // The builds' credentials drop-down offers it.
        assertThat(jenkins.postForm("descriptorByName/" + SimulatedSnykForJenkins.BUILDER + "/fillCredentialsIdItems",
                Map.of("credentialsId", "")).json().path("values").findValuesAsText("value")).contains("snyk-token");
    }

    @Test
    void theExportHasThePluginsSectionAndNoPlainToken() {
        LocalJenkins.Response export = jenkins.postForm("configuration-as-code/export", Map.of());

        assertThat(export.status()).isEqualTo(200);
        String yaml = export.body();
        assertThat(yaml).contains("snykProvisioning:", "concurrency: 5", "rateLimitPerMinute: 1200",
                "connectTimeoutSeconds: 15", "responseTimeoutSeconds: 60", "maxRetries: 3", "SNYK-EU-01", "snyk-token");
        assertThat(yaml.indexOf("snykProvisioning:")).isGreaterThan(yaml.indexOf("unclassified:"));
        assertThat(yaml).doesNotContain(TOKEN);
    }

    @Test
    void valuesTheStepsCouldNotUseAreRefusedWithThePluginsMessageAndTheSettingKeepsItsValue() throws IOException {
        refused("concurrency: 0", "concurrency must be a whole number from 1 to 50, not 0");
        refused("apiUrl: \"http://snyk.example.com\"",
                "The API base URL 'http://snyk.example.com' uses plain http; only https is allowed, except for loopback addresses");

        assertThat(jenkins.scriptConsole("def c = " + CONFIG + "\nprintln([c.concurrency, c.apiUrl].join('|'))").trim())
                .isEqualTo("5|null");
    }

    /** Applies YAML setting one of the plugin's values (Configuration as Code's "replace"), and expects the message. */
    private static void refused(String setting, String message) throws IOException {
        Path yaml = Files.writeString(workDir.resolve("invalid-" + UUID.randomUUID() + ".yaml"),
                "unclassified:\n  snykProvisioning:\n    " + setting + "\n");

        LocalJenkins.Response answer = jenkins.postForm("configuration-as-code/replace", Map.of("_.newSource", yaml.toString()));

        assertThat(answer.status()).as(answer.body()).isLessThan(500);
        assertThat(jenkins.log()).as("Jenkins log after applying %s", setting).contains(message);
    }

    /** The value of the global configuration form's field {@code _.name}, from its input or select element. */
    static String fieldValue(String html, String name) {
        Matcher element = Pattern.compile("<(?:input|select)\\b[^>]*\\bname=\"_\\." + Pattern.quote(name) + "\"[^>]*>")
                .matcher(html);
        assertThat(element.find()).as("a form field _.%s", name).isTrue();
        Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(element.group());
        return value.find() ? value.group(1) : "";
    }
}
