package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.BUILD_TIMEOUT;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.GROUP;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user allowed only to read and build a job cannot make its build use other credentials of the job's scope
 * through a parameter: the build fails before any request reaches Snyk. The authorization is switched to
 * matrix-auth (admin keeps everything, the builder gets Overall/Read, Job/Read and Job/Build) for this class
 * only, and put back afterwards.
 */
@WithLocalJenkins
class CredentialsParameterIT {

    private static final String BUILDER = "credentials-parameter-builder";
    private static final String OTHER_CREDENTIALS = "credentials-parameter-other";
    private static final String NOT_USABLE = "credentials '" + OTHER_CREDENTIALS
            + "' not found or not usable by the user who started this build";
    private static final String USERS = "email,role\\ncred-param@example.com,Org Collaborator\\n";

    /** Recognisable, and accepted by the simulator: a build that sent it would succeed and be logged. */
    private static final String OTHER_TOKEN = "SNYKTOKEN-other-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static SimulatedSnykForJenkins snyk;
    /** The authorization strategy before this class, as XStream XML in base64, to put back. */
    private static String savedAuthorization;
    private static String builderAuthorization;

    @BeforeAll
    static void start(LocalJenkins jenkins) {
        Assumptions.assumeTrue(jenkins.scriptConsole("print(jenkins.model.Jenkins.get().pluginManager.getPlugin('matrix-auth') != null)")
                .trim().equals("true"), "The Jenkins under test has no matrix-auth plugin");
        snyk = SimulatedSnykForJenkins.start(jenkins);
        snyk.simulator.state().addToken(new ApiToken(OTHER_TOKEN, "other-credentials", DemoState.ADMIN_USER_ID,
                TokenType.PERSONAL, true));
        snyk.secretText(OTHER_CREDENTIALS, OTHER_TOKEN);
        savedAuthorization = jenkins.scriptConsole(
                "print(jenkins.model.Jenkins.XSTREAM2.toXML(jenkins.model.Jenkins.get().authorizationStrategy).bytes.encodeBase64())")
                .trim();
        String builderToken = jenkins.scriptConsole("""
                import hudson.model.Item
                import hudson.model.User
                import hudson.security.GlobalMatrixAuthorizationStrategy
                import jenkins.model.Jenkins
                import jenkins.security.ApiTokenProperty
                import org.jenkinsci.plugins.matrixauth.PermissionEntry
                def j = Jenkins.get()
                if (j.securityRealm.getUser('%1$s') == null) {
                    j.securityRealm.createAccount('%1$s', UUID.randomUUID().toString())
                }
                def strategy = new GlobalMatrixAuthorizationStrategy()
                strategy.add(Jenkins.ADMINISTER, PermissionEntry.user('admin'))
                strategy.add(Jenkins.READ, PermissionEntry.user('%1$s'))
                strategy.add(Item.READ, PermissionEntry.user('%1$s'))
                strategy.add(Item.BUILD, PermissionEntry.user('%1$s'))
                j.authorizationStrategy = strategy
                j.save()
                def user = User.getById('%1$s', false)
                def tokens = user.getProperty(ApiTokenProperty)
                if (tokens == null) { tokens = new ApiTokenProperty(); user.addProperty(tokens) }
                def token = tokens.tokenStore.generateNewToken('CredentialsParameterIT')
                user.save()
                print(token.plainValue)
                """.formatted(BUILDER)).trim();
        builderAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((BUILDER + ":" + builderToken).getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop(LocalJenkins jenkins) {
        if (savedAuthorization != null) {
            jenkins.scriptConsole("""
                    def j = jenkins.model.Jenkins.get()
                    j.authorizationStrategy = jenkins.model.Jenkins.XSTREAM2.fromXML(new String('%s'.decodeBase64(), 'UTF-8'))
                    j.save()
                    hudson.model.User.getById('%s', false)?.delete()
                    """.formatted(savedAuthorization, BUILDER));
        }
        if (snyk != null) {
            snyk.close();
        }
    }

    private static String credentialsParameter() {
        return parameters(SimulatedSnykForJenkins.secretTextParameter("SNYK_CRED", CREDENTIALS_ID));
    }

    private static String parameters(String definitions) {
        return "<hudson.model.ParametersDefinitionProperty><parameterDefinitions>" + definitions
                + "</parameterDefinitions></hudson.model.ParametersDefinitionProperty>";
    }

    /** A Pipeline calling the step with {@code credentialsId} written as Groovy (a quoted id, or an expression). */
    private static String pipeline(String credentialsId) {
        return "node {\n  snykProvisionUsers(credentialsId: " + credentialsId + ", orgId: '" + ORG + "', groupId: '" + GROUP
                + "', users: '" + USERS + "')\n}\n";
    }

    /** Starts the build as the builder (who has Job/Build only), with the request log emptied first, and waits for it. */
    private static LocalJenkins.Build buildAsBuilder(String job, Map<String, String> parameters) {
        snyk.simulator.requests().clear();
        String form = parameters.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(snyk.jenkins.url().resolve("job/" + encode(job) + "/buildWithParameters"))
                .header("Authorization", builderAuthorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> queued;
        try {
            queued = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(queued.statusCode()).as("the builder may start " + job + ": " + queued.body()).isEqualTo(201);
        String queueItem = URI.create(queued.headers().firstValue("location").orElseThrow()).getPath().substring(1);
        long deadline = System.nanoTime() + BUILD_TIMEOUT.toNanos();
        while (true) {
            LocalJenkins.Response item = snyk.jenkins.get(queueItem + "api/json");
            if (item.json().path("executable").has("number")) {
                return snyk.jenkins.waitForBuild(job, item.json().path("executable").path("number").asInt(), BUILD_TIMEOUT);
            }
            assertThat(System.nanoTime()).as("the build of " + job + " starts").isLessThan(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The build failed on the credentials, sent nothing to Snyk, and the other credentials were never used. */
    private static void assertRefusedBeforeAnyRequest(LocalJenkins.Build build) {
        String console = snyk.console(build);
        assertThat(build.result()).as(console).isEqualTo("FAILURE");
        assertThat(console).contains(NOT_USABLE).doesNotContain(OTHER_TOKEN);
        assertThat(snyk.simulator.requests().entries()).as("requests that reached the simulator").isEmpty();
        assertThat(snyk.credentialsUsage(OTHER_CREDENTIALS)).doesNotContain(build.job());
    }

    @Test
    void aNonDefaultCredentialsParameterInAPipelineFailsTheBuildBeforeAnyRequest() {
        snyk.pipelineJob("credentials-parameter-pipeline", credentialsParameter(), pipeline("'${SNYK_CRED}'"));

        assertRefusedBeforeAnyRequest(buildAsBuilder("credentials-parameter-pipeline", Map.of("SNYK_CRED", OTHER_CREDENTIALS)));
    }

    @Test
    void theChosenIdPassedByValueIsCheckedTheSame() {
        // params.SNYK_CRED hands the step the chosen id itself, not the parameter.
        snyk.pipelineJob("credentials-parameter-by-value", credentialsParameter(), pipeline("params.SNYK_CRED"));

        assertRefusedBeforeAnyRequest(buildAsBuilder("credentials-parameter-by-value", Map.of("SNYK_CRED", OTHER_CREDENTIALS)));
    }

    @Test
    void aStringParameterCannotNameCredentials() {
        snyk.pipelineJob("credentials-string-parameter", parameters("""
                <hudson.model.StringParameterDefinition>
                  <name>CRED</name>
                  <defaultValue>%s</defaultValue>
                </hudson.model.StringParameterDefinition>
                """.formatted(CREDENTIALS_ID)), pipeline("'${CRED}'"));

        assertRefusedBeforeAnyRequest(buildAsBuilder("credentials-string-parameter", Map.of("CRED", OTHER_CREDENTIALS)));
    }

    @Test
    void aNonDefaultCredentialsParameterInAFreestyleJobFailsTheBuildBeforeAnyRequest() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("credentialsId", "${SNYK_CRED}");
        settings.put("orgId", ORG);
        settings.put("groupId", GROUP);
        settings.put("users", USERS.replace("\\n", "\n"));
        snyk.freestyleJob("credentials-parameter-freestyle", settings, credentialsParameter());

        assertRefusedBeforeAnyRequest(buildAsBuilder("credentials-parameter-freestyle", Map.of("SNYK_CRED", OTHER_CREDENTIALS)));
    }

    @Test
    void theDefaultCredentialsStillWorkForTheSameUser() {
        snyk.pipelineJob("credentials-parameter-default", credentialsParameter(), pipeline("'${SNYK_CRED}'"));

        LocalJenkins.Build build = buildAsBuilder("credentials-parameter-default", Map.of("SNYK_CRED", CREDENTIALS_ID));
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("SUCCESS");
        assertThat(snyk.pending("cred-param@example.com")).isTrue();
        assertThat(snyk.simulator.requests().entries()).isNotEmpty()
                .allMatch(request -> "jenkins-acceptance".equals(request.tokenLabel()));
        snyk.assertTokenNowhere(build);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
