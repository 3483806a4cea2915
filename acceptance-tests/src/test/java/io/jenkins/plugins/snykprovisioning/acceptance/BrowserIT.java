package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.BUILDER;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.GROUP;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The plugin's pages in headless Chromium, as a person uses them: the freestyle job form, its connection
 * test, the Snippet Generator and the summary on the build page. With {@code -Ddocs.screenshots=true} the
 * form and the summary are also saved as the pictures in {@code docs/images}.
 */
@WithLocalJenkins
@RequiresPlugins({"workflow-job", "workflow-cps"})
@RequiresBrowser
class BrowserIT {

    private static final String BUILD_STEP = "Provision users to Snyk";
    private static final String EMPTY_FREESTYLE = "<project><builders/><publishers/><buildWrappers/></project>";
    private static final boolean DOCS_SCREENSHOTS = Boolean.getBoolean("docs.screenshots");

    private static SimulatedSnykForJenkins snyk;
    private static Browser browser;

    /** A failed test leaves the page it failed on in target/browser-failures. */
    @RegisterExtension
    static final TestWatcher KEEP_FAILED_PAGE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.keepPage(Path.of("target/browser-failures"), context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void start(LocalJenkins jenkins) throws Exception {
        snyk = SimulatedSnykForJenkins.start(jenkins);
        browser = Browser.open(jenkins);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (snyk != null) {
            snyk.close();
        }
    }

    @Test
    void theFreestyleFormSavesEverySettingInTheJobAndShowsItAgain() throws Exception {
        snyk.jenkins.createJob("browser-form", EMPTY_FREESTYLE);
        browser.open("job/browser-form/configure");

        WebElement step = addBuildStep();
        browser.choose(step, "credentialsId", CREDENTIALS_ID);
        browser.type(step, "orgId", ORG);
        browser.type(step, "groupId", GROUP);
        browser.type(step, "usersFile", "onboarding/users.csv");
        browser.type(step, "defaultRole", "Org Collaborator");
        browser.choose(step, "mode", "updateRoles");
        browser.check(step, "dryRun", true);
        browser.click(step.findElement(By.cssSelector("button.advanced-button")));
        // Empty for the global settings, not 0.
        assertThat(browser.value(step, "concurrency")).isEmpty();
        assertThat(browser.value(step, "maxRetries")).isEmpty();
        browser.choose(step, "region", "SNYK-EU-01");
        browser.type(step, "concurrency", "4");
        browser.type(step, "maxRetries", "2");
        browser.type(step, "resultsFile", "reports/snyk.json");
        browser.check(step, "archiveResults", false);
        browser.check(step, "failOnUserErrors", true);
        docsScreenshot(step, "freestyle-form.png");
        browser.click(browser.visible(By.cssSelector("form[name='config'] button[name='Submit']")));
        browser.until(page -> page.getCurrentUrl().endsWith("/job/browser-form/"));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("credentialsId", CREDENTIALS_ID);
        expected.put("orgId", ORG);
        expected.put("groupId", GROUP);
        expected.put("usersFile", "onboarding/users.csv");
        expected.put("defaultRole", "Org Collaborator");
        expected.put("mode", "updateRoles");
        expected.put("dryRun", "true");
        expected.put("region", "SNYK-EU-01");
        expected.put("concurrency", "4");
        expected.put("retries", "2");
        expected.put("resultsFile", "reports/snyk.json");
        expected.put("archiveResults", "false");
        expected.put("failOnUserErrors", "true");
        // Blank fields (users, resumeFrom) are not saved at all.
        assertThat(savedBuildStep("browser-form")).containsExactlyEntriesOf(expected);

        browser.open("job/browser-form/configure");
        WebElement reopened = browser.visible(stepChunk());
        assertThat(browser.chosen(reopened, "credentialsId")).isEqualTo(CREDENTIALS_ID);
        assertThat(browser.value(reopened, "orgId")).isEqualTo(ORG);
        assertThat(browser.value(reopened, "groupId")).isEqualTo(GROUP);
        assertThat(browser.value(reopened, "usersFile")).isEqualTo("onboarding/users.csv");
        assertThat(browser.value(reopened, "defaultRole")).isEqualTo("Org Collaborator");
        assertThat(browser.chosen(reopened, "mode")).isEqualTo("updateRoles");
        assertThat(browser.isChecked(reopened, "dryRun")).isTrue();
        assertThat(browser.chosen(reopened, "region")).isEqualTo("SNYK-EU-01");
        assertThat(browser.value(reopened, "concurrency")).isEqualTo("4");
        assertThat(browser.value(reopened, "maxRetries")).isEqualTo("2");
        assertThat(browser.value(reopened, "resultsFile")).isEqualTo("reports/snyk.json");
        assertThat(browser.isChecked(reopened, "archiveResults")).isFalse();
        assertThat(browser.isChecked(reopened, "failOnUserErrors")).isTrue();
        assertThat(browser.value(reopened, "users")).isEmpty();
        assertThat(browser.value(reopened, "resumeFrom")).isEmpty();
    }

    @Test
    void testConnectionSaysWhoseTokenItIsOrShowsSnyksRefusalWithoutTheToken() {
        String revoked = "SNYKTOKEN-browser-revoked-" + UUID.randomUUID();
        snyk.secretText("snyk-browser-revoked", revoked);
        // Were Snyk's error text shown as it is, it would hold the token.
        snyk.simulator.config().setEchoTokenInErrors(true);
        try {
            snyk.jenkins.createJob("browser-connection", EMPTY_FREESTYLE);
            browser.open("job/browser-connection/configure");
            WebElement step = addBuildStep();

            browser.choose(step, "credentialsId", CREDENTIALS_ID);
            assertThat(testConnection(step)).isEqualTo("Connected to " + snyk.simulator.baseUrl() + " as admin <admin@example.com>");

            browser.choose(step, "credentialsId", "snyk-browser-revoked");
            assertThat(testConnection(step)).startsWith("Snyk at " + snyk.simulator.baseUrl() + " answered: HTTP 401")
                    .doesNotContain(revoked);

            // A credentials parameter's expression is only known when the build runs.
            browser.click(step.findElement(By.cssSelector("input.credentials-select-radio-control[value='param']"))
                    .findElement(By.xpath("..")));
            WebElement expression = browser.visible(step, By.cssSelector("input.credentials-select"));
            expression.sendKeys("${SNYK_CRED}");
            assertThat(testConnection(step)).isEqualTo(
                    "The credentials are chosen when the build runs; choose them here to test the connection");

            assertThat(browser.pageSource()).doesNotContain(revoked).doesNotContain(snyk.token);
        } finally {
            snyk.simulator.config().setEchoTokenInErrors(false);
        }
    }

    @Test
    void theSnippetGeneratorWritesTheStepAsFilledIn() {
        snyk.pipelineJob("browser-snippets", "echo 'configured only'");
        browser.open("job/browser-snippets/pipeline-syntax/");

        browser.chooseByText(browser.visible(By.cssSelector("select.dropdownList")), "snykProvisionUsers: " + BUILD_STEP);
        WebElement form = browser.visible(By.cssSelector("form[name='config']"));
        // Before anything is typed, the users are asked for with a note, not in red.
        browser.until(page -> form.getText().contains("Give a user file"));
        assertThat(form.findElements(By.cssSelector(".error"))).extracting(WebElement::getText)
                .noneMatch(text -> text.contains("Give a user file"));
        browser.choose(form, "credentialsId", CREDENTIALS_ID);
        browser.type(form, "orgId", ORG);
        browser.type(form, "usersFile", "onboarding/users.csv");
        browser.check(form, "dryRun", true);
        browser.click(browser.visible(By.id("generatePipelineScript")));

        WebElement snippet = browser.visible(By.id("prototypeText"));
        String generated = browser.until(page -> blankToNull(snippet.getDomProperty("value")));
        assertThat(generated).isEqualTo("snykProvisionUsers credentialsId: '" + CREDENTIALS_ID + "', dryRun: true, orgId: '"
                + ORG + "', usersFile: 'onboarding/users.csv'");
    }

    @Test
    void theBuildPageSummarisesTheRunWithItsFailedUsersAndResults() {
        snyk.freestyleJob("browser-summary", Map.of("credentialsId", CREDENTIALS_ID, "orgId", ORG, "groupId", GROUP,
                "users", """
                        email,role
                        browser-erin@example.com,Developer
                        bob@example.com,Org Collaborator
                        outsider@example.com,Developer
                        not-an-email,Developer
                        """), "");
        LocalJenkins.Build build = snyk.build("browser-summary", Map.of());
        assertThat(build.result()).as(snyk.console(build)).isEqualTo("UNSTABLE");

        browser.open("job/browser-summary/" + build.number() + "/");
        WebElement summary = browser.visible(By.xpath("//tr[contains(@class, 'app-summary')][.//a[@href='snyk-provisioning/']]"));
        assertThat(summary.getText()).startsWith("Snyk provisioning: 4 user row(s), mode provision: 2 failed");
        assertThat(summary.findElements(By.tagName("li"))).extracting(WebElement::getText).containsExactly(
                "Provisioned (new users): 1", "Role updated: 1", "Failed: 2",
                // Invalid rows fail while the file is checked, before any call to Snyk.
                "not-an-email: 'not-an-email' is not a valid email address",
                "outsider@example.com: " + failedReason(build, "outsider@example.com"),
                // The archived results, one per line.
                "snyk-provisioning-results.json", "snyk-provisioning-results-failed.csv");
        List<WebElement> results = summary.findElements(By.cssSelector("a[href^='artifact/']"));
        assertThat(results).extracting(WebElement::getText)
                .containsExactly("snyk-provisioning-results.json", "snyk-provisioning-results-failed.csv");
        for (WebElement link : results) {
            LocalJenkins.Response artifact = snyk.jenkins.get(URI.create(link.getDomProperty("href")).getPath());
            assertThat(artifact.status()).as(link.getText()).isEqualTo(200);
            assertThat(artifact.body()).as(link.getText()).contains("outsider@example.com", "not-an-email");
        }
        docsScreenshot(browser.visible(By.id("main-panel")), "build-summary.png");

        browser.click(summary.findElement(By.linkText("Snyk provisioning")));
        WebElement failedUsers = browser.visible(By.xpath("//h2[normalize-space()='Failed users']/following-sibling::table[1]"));
        assertThat(failedUsers.findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText).containsExactly(
                "not-an-email " + ORG + " 5 'not-an-email' is not a valid email address",
                "outsider@example.com " + ORG + " 4 " + failedReason(build, "outsider@example.com"));
    }

    private WebElement addBuildStep() {
        browser.click(browser.visible(By.cssSelector("button.hetero-list-add[suffix='builder']")));
        browser.click(browser.visible(By.xpath("//button[contains(@class, 'jenkins-dropdown__item') and normalize-space()='"
                + BUILD_STEP + "']")));
        return browser.visible(stepChunk());
    }

    private static By stepChunk() {
        return By.cssSelector("div.repeated-chunk[descriptorid='" + BUILDER + "']");
    }

    /** Clicks "Test connection" and gives the answer it shows. */
    private String testConnection(WebElement step) {
        WebElement button = step.findElement(By.cssSelector("button.snyk-test-connection"));
        WebElement status = button.findElement(By.xpath("following-sibling::div[1]"));
        String before = status.getText();
        browser.click(button);
        return browser.until(page -> {
            String shown = status.getText();
            return shown.isBlank() || shown.equals(before) ? null : shown;
        });
    }

    /** The build step's settings in the job's config.xml, as fetched over HTTP: element name to text. */
    private static Map<String, String> savedBuildStep(String job) throws Exception {
        LocalJenkins.Response configXml = snyk.jenkins.get("job/" + job + "/config.xml");
        assertThat(configXml.status()).isEqualTo(200);
        Element step = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(configXml.body().getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName(BUILDER).item(0);
        assertThat(step).as(configXml.body()).isNotNull();
        Map<String, String> settings = new LinkedHashMap<>();
        for (Node child = step.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                settings.put(element.getTagName(), element.getTextContent());
            }
        }
        return settings;
    }

    /** Snyk's reason for refusing a user, from the build's results. */
    private static String failedReason(LocalJenkins.Build build, String email) {
        for (var failed : snyk.resultsArtifact(build, "snyk-provisioning-results.json").path("failed")) {
            if (failed.path("email").asText().equals(email)) {
                return failed.path("error").asText();
            }
        }
        throw new AssertionError(email + " did not fail in " + build);
    }

    private static void docsScreenshot(WebElement element, String name) {
        if (DOCS_SCREENSHOTS) {
            Path file = LocalJenkinsExtension.projectRoot().resolve("docs/images").resolve(name);
            browser.screenshot(element, file);
            System.out.println("[acceptance] Wrote " + file);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
