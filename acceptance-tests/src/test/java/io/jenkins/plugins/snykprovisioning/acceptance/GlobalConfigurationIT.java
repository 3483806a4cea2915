package io.jenkins.plugins.snykprovisioning.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@WithLocalJenkins
class GlobalConfigurationIT {

    private static final String CLASS = "io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisioningGlobalConfiguration";
    private static final String CONFIG = CLASS + ".get()";
    private static final String FIELDS = "[c.region, c.apiUrl, c.concurrency, c.rateLimitPerMinute,"
            + " c.connectTimeoutSeconds, c.responseTimeoutSeconds, c.maxRetries].join('|')";

    @AfterEach
    void restoreDefaults(LocalJenkins jenkins) {
        jenkins.scriptConsole("def c = " + CONFIG + """

                c.region = 'SNYK-US-01'; c.apiUrl = null; c.concurrency = 10; c.rateLimitPerMinute = 1500
                c.connectTimeoutSeconds = 10; c.responseTimeoutSeconds = 30; c.maxRetries = 5
                """);
    }

    @Test
    void isRegisteredWithItsDefaults(LocalJenkins jenkins) {
        String output = jenkins.scriptConsole("def c = jenkins.model.GlobalConfiguration.all().get(" + CLASS + ")\n"
                + "println(c == null ? 'missing' : " + FIELDS + ")\nprintln(c.is(" + CONFIG + "))");

        assertThat(output.lines().toList()).containsExactly("SNYK-US-01|null|10|1500|10|30|5", "true");
    }

    @Test
    void settingsArePersistedAndLoadedBack(LocalJenkins jenkins) throws Exception {
        jenkins.scriptConsole("def c = " + CONFIG + """

                c.region = 'snyk-eu-01'; c.apiUrl = ' http://127.0.0.1:8089/ '; c.concurrency = 7
                c.rateLimitPerMinute = 900; c.connectTimeoutSeconds = 5; c.responseTimeoutSeconds = 45; c.maxRetries = 3
                """);

        Path file = jenkins.home().resolve(CLASS + ".xml");
        assertThat(file).isRegularFile();
        assertThat(Files.readString(file)).contains("<region>SNYK-EU-01</region>",
                "<apiUrl>http://127.0.0.1:8089/</apiUrl>", "<concurrency>7</concurrency>",
                "<rateLimitPerMinute>900</rateLimitPerMinute>", "<connectTimeoutSeconds>5</connectTimeoutSeconds>",
                "<responseTimeoutSeconds>45</responseTimeoutSeconds>", "<maxRetries>3</maxRetries>");

        // A new instance loads the saved file, as Jenkins does at its next start.
        String reloaded = jenkins.scriptConsole("def c = new " + CLASS + "()\nprintln(" + FIELDS + ")");
        assertThat(reloaded.trim()).isEqualTo("SNYK-EU-01|http://127.0.0.1:8089/|7|900|5|45|3");
        // Saving and loading went through XStream without Jenkins' class filter refusing the plugin's class.
        assertThat(jenkins.log().lines()).noneMatch(line -> line.contains(CLASS) && line.contains("WARNING"));
    }

    @Test
    void refusesValuesTheStepsCouldNotUse(LocalJenkins jenkins) {
        String output = jenkins.scriptConsole("def c = " + CONFIG + """

                [{ c.concurrency = 0 }, { c.maxRetries = 11 }, { c.rateLimitPerMinute = 0 },
                 { c.apiUrl = 'http://snyk.example.com' }, { c.region = 'SNYK-MARS-01' }].each { change ->
                    try { change(); println('accepted') } catch (IllegalArgumentException e) { println(e.message) }
                }
                println(""" + FIELDS + ")");

        assertThat(output.lines().toList()).containsExactly(
                "concurrency must be a whole number from 1 to 50, not 0",
                "maxRetries must be a whole number from 0 to 10, not 11",
                "rateLimitPerMinute must be a whole number of at least 1, not 0",
                "The API base URL 'http://snyk.example.com' uses plain http; only https is allowed, except for loopback addresses",
                "Unknown Snyk region 'SNYK-MARS-01'; expected one of SNYK-US-01, SNYK-US-02, SNYK-EU-01, SNYK-AU-01",
                "SNYK-US-01|null|10|1500|10|30|5");
    }

    @Test
    void globalConfigurationPageShowsTheSection(LocalJenkins jenkins) {
        LocalJenkins.Response page = jenkins.get("manage/configure");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Snyk User Provisioning", "_.region", "_.apiUrl", "_.concurrency",
                "_.rateLimitPerMinute", "_.connectTimeoutSeconds", "_.responseTimeoutSeconds", "_.maxRetries");
        assertThat(page.body()).contains("Snyk region", "API URL override", "Concurrent requests", "Requests per minute",
                "Seconds to wait for a connection", "Seconds to wait for an answer", "Retries per request");
    }

    @Test
    void formFillsRegionsAndChecksTheApiUrl(LocalJenkins jenkins) {
        String descriptor = "descriptorByName/" + CLASS + "/";

        LocalJenkins.Response regions = jenkins.get(descriptor + "fillRegionItems");
        assertThat(regions.status()).isEqualTo(200);
        assertThat(regions.json().path("values").findValuesAsText("value"))
                .containsExactly("SNYK-US-01", "SNYK-US-02", "SNYK-EU-01", "SNYK-AU-01");
        assertThat(regions.json().path("values").findValuesAsText("name")).contains("SNYK-EU-01 (Europe)");

        LocalJenkins.Response plainHttp = jenkins.get(descriptor + "checkApiUrl?value=http%3A%2F%2Fsnyk.example.com");
        assertThat(plainHttp.status()).isEqualTo(200);
        assertThat(plainHttp.body()).contains("error").contains("only https is allowed");

        LocalJenkins.Response loopback = jenkins.get(descriptor + "checkApiUrl?value=http%3A%2F%2F127.0.0.1%3A8089");
        assertThat(loopback.body()).doesNotContain("error");
    }

    @Test
    void theRegionSaysWhenTheApiUrlOverrideReplacesIt(LocalJenkins jenkins) {
        String checkRegion = "descriptorByName/" + CLASS + "/checkRegion?value=SNYK-US-01";
        assertThat(jenkins.get(checkRegion).body()).doesNotContain("warning", "override");

        jenkins.scriptConsole(CONFIG + ".apiUrl = 'http://127.0.0.1:8089'");

        assertThat(jenkins.get(checkRegion).body()).contains("warning",
                "Not used: the API URL override http://127.0.0.1:8089 (under Advanced)");
        // The page checks the region when it opens: the select asks the check method (outside the Advanced section).
        assertThat(jenkins.get("manage/configure").body()).contains(CLASS + "/checkRegion");
    }
}
