package io.jenkins.plugins.snykprovisioning.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorState;
import io.jenkins.plugins.snykprovisioning.simulator.SnykSimulator;
import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A Snyk simulator in this JVM on loopback, with the Jenkins under test pointed at it (the global
 * configuration's API URL) and holding its token as Secret text credentials. For the tests, the demo
 * tenant ({@link DemoState}) plus {@code outsider@example.com}, a Snyk user in no org of the group, whom
 * Snyk refuses to add; for trying the plugin out, the demo tenant as it is.
 */
final class SimulatedSnykForJenkins implements AutoCloseable {

    static final String CREDENTIALS_ID = "snyk-acceptance-token";
    static final String ORG = DemoState.PLATFORM_ORG_ID;
    static final String GROUP = DemoState.GROUP_ID;
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);
    static final String CONFIG = "io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisioningGlobalConfiguration.get()";
    static final String BUILDER = "io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisionUsersBuilder";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The token of the credentials {@link #CREDENTIALS_ID}; recognisable, so that any leak into a log or a file is found. */
    final String token;
    final SnykSimulator simulator;
    final LocalJenkins jenkins;
    private String previousRateLimit;

    private SimulatedSnykForJenkins(LocalJenkins jenkins, SnykSimulator simulator, String token) {
        this.jenkins = jenkins;
        this.simulator = simulator;
        this.token = token;
        jenkins.scriptConsole(CONFIG + ".apiUrl = '" + simulator.baseUrl() + "'");
        // Builds start at once instead of after the default quiet period of 5 s.
        jenkins.scriptConsole("jenkins.model.Jenkins.get().quietPeriod = 0");
    }

    /** For a test class: on a free port, with the credentials {@link #CREDENTIALS_ID}; undone by {@link #close()}. */
    static SimulatedSnykForJenkins start(LocalJenkins jenkins) {
        String token = newToken();
        SimulatorState state = DemoState.create();
        state.addToken(new ApiToken(token, "jenkins-acceptance", DemoState.ADMIN_USER_ID, TokenType.PERSONAL, true));
        state.addUser("u-outsider", "outsider@example.com", "Outsider", "outsider", true);
        SimulatedSnykForJenkins snyk = new SimulatedSnykForJenkins(jenkins, new SnykSimulator(state).start(0), token);
        // The simulator takes far more than Snyk's 1,500 requests a minute: tests need not be paced.
        snyk.previousRateLimit = jenkins.scriptConsole("println(" + CONFIG + ".rateLimitPerMinute)").trim();
        jenkins.scriptConsole(CONFIG + ".rateLimitPerMinute = 60000");
        snyk.secretText(CREDENTIALS_ID, token);
        return snyk;
    }

    /**
     * The demo tenant with its admin token {@link DemoState#ADMIN_TOKEN} in the credentials {@code credentialsId},
     * on {@code preferredPort} when it is free, else on any free port.
     */
    static SimulatedSnykForJenkins startDemo(LocalJenkins jenkins, int preferredPort, String credentialsId) {
        SnykSimulator simulator = new SnykSimulator(DemoState.create());
        try {
            simulator.start(preferredPort);
        } catch (UncheckedIOException taken) {
            simulator.start(0);
        }
        SimulatedSnykForJenkins snyk = new SimulatedSnykForJenkins(jenkins, simulator, DemoState.ADMIN_TOKEN);
        snyk.secretText(credentialsId, DemoState.ADMIN_TOKEN);
        return snyk;
    }

    @Override
    public void close() {
        jenkins.scriptConsole(CONFIG + ".apiUrl = null; " + CONFIG + ".rateLimitPerMinute = " + previousRateLimit);
        simulator.stop();
    }

    /** A new token of the demo tenant's admin that Snyk accepts; its requests are logged under {@code label}. */
    String addToken(String label) {
        String another = newToken();
        simulator.state().addToken(new ApiToken(another, label, DemoState.ADMIN_USER_ID, TokenType.PERSONAL, true));
        return another;
    }

    private static String newToken() {
        return "SNYKTOKEN-acceptance-" + UUID.randomUUID();
    }

    /** Adds Secret text credentials to the folder {@code folder}'s own store (cloudbees-folder). */
    void secretTextInFolder(String folder, String id, String secret) {
        jenkins.scriptConsole("""
                import com.cloudbees.plugins.credentials.CredentialsProvider
                import com.cloudbees.plugins.credentials.CredentialsScope
                import com.cloudbees.plugins.credentials.domains.Domain
                import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl
                import hudson.util.Secret
                def folder = jenkins.model.Jenkins.get().getItemByFullName('%s')
                def store = CredentialsProvider.lookupStores(folder).find { it.context.is(folder) }
                store.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, '%s',
                        'Snyk API token of the folder', Secret.fromString('%s')))
                """.formatted(folder, id, secret));
    }

    /** The ids a job's credentials drop-down offers to this client's user (the freestyle step's form). */
    static List<String> credentialsDropDown(JenkinsClient client, String job) {
        LocalJenkins.Response items = client.postForm(JenkinsClient.jobPath(job) + "descriptorByName/"
                + BUILDER + "/fillCredentialsIdItems", Map.of("credentialsId", ""));
        assertThat(items.status()).as("drop-down of %s for %s", job, client.user()).isEqualTo(200);
        return items.json().path("values").findValuesAsText("value");
    }

    /** Adds (or replaces) global Secret text credentials. */
    void secretText(String id, String secret) {
        jenkins.scriptConsole("""
                import com.cloudbees.plugins.credentials.CredentialsScope
                import com.cloudbees.plugins.credentials.SystemCredentialsProvider
                import com.cloudbees.plugins.credentials.domains.Domain
                import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl
                import hudson.util.Secret
                def store = SystemCredentialsProvider.getInstance().getStore()
                def created = new StringCredentialsImpl(CredentialsScope.GLOBAL, '%s', 'Snyk API token of the simulator', Secret.fromString('%s'))
                def existing = store.getCredentials(Domain.global()).find { it.id == created.id }
                if (existing) { store.updateCredentials(Domain.global(), existing, created) } else { store.addCredentials(Domain.global(), created) }
                """.formatted(id, secret));
    }

    /** The builds that used the global credentials {@code id}, as "job #number" lines (from their fingerprint). */
    String credentialsUsage(String id) {
        return jenkins.scriptConsole("""
                import com.cloudbees.plugins.credentials.CredentialsProvider
                import com.cloudbees.plugins.credentials.SystemCredentialsProvider
                import com.cloudbees.plugins.credentials.domains.Domain
                def credentials = SystemCredentialsProvider.getInstance().getStore().getCredentials(Domain.global()).find { it.id == '%s' }
                def fingerprint = CredentialsProvider.getFingerprintOf(credentials)
                fingerprint?.jobs?.each { job -> fingerprint.getRangeSet(job).listNumbers().each { println("${job} #${it}") } }
                """.formatted(id));
    }

    /** A Pipeline job running {@code script} in the sandbox. */
    void pipelineJob(String name, String script) {
        pipelineJob(name, "", script);
    }

    /** A Pipeline job with job properties ({@code properties}, XML, e.g. its parameters) running {@code script} in the sandbox. */
    void pipelineJob(String name, String properties, String script) {
        jenkins.createJob(name, """
                <?xml version='1.1' encoding='UTF-8'?>
                <flow-definition plugin="workflow-job">
                  <properties>%s</properties>
                  <definition class="org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition" plugin="workflow-cps">
                    <script>%s</script>
                    <sandbox>true</sandbox>
                  </definition>
                </flow-definition>
                """.formatted(properties, xml(script)));
    }

    /**
     * A freestyle job with the build step, configured by {@code settings} (element name to value, written
     * as they are: no others, so the defaults of the rest are used), and string or text parameters.
     */
    void freestyleJob(String name, Map<String, String> settings, String parameters) {
        StringBuilder step = new StringBuilder();
        settings.forEach((key, value) -> step.append("      <").append(key).append('>').append(xml(value))
                .append("</").append(key).append(">\n"));
        jenkins.createJob(name, """
                <?xml version='1.1' encoding='UTF-8'?>
                <project>
                  <properties>%s</properties>
                  <scm class="hudson.scm.NullSCM"/>
                  <canRoam>true</canRoam>
                  <disabled>false</disabled>
                  <builders>
                    <io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisionUsersBuilder plugin="snyk-user-provisioning">
                %s    </io.jenkins.plugins.snykprovisioning.jenkins.SnykProvisionUsersBuilder>
                  </builders>
                  <publishers/>
                  <buildWrappers/>
                </project>
                """.formatted(parameters, step));
    }

    /** A file in the workspace of a job that runs on the built-in node. */
    void workspaceFile(String job, String relativePath, String content) {
        try {
            Path file = jenkins.home().resolve("workspace").resolve(job).resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a build to its end. */
    LocalJenkins.Build build(String job, Map<String, String> parameters) {
        int number = jenkins.build(job, parameters);
        return jenkins.waitForBuild(job, number, BUILD_TIMEOUT);
    }

    String console(LocalJenkins.Build build) {
        return jenkins.consoleText(build.job(), build.number());
    }

    /** The build's summary of the provisioning run, from the remote API. */
    JsonNode summary(LocalJenkins.Build build) {
        LocalJenkins.Response response = jenkins.get(JenkinsClient.jobPath(build.job()) + build.number() + "/api/json?depth=1");
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode action : response.json().path("actions")) {
            if (action.path("_class").asText().endsWith(".ProvisioningSummaryAction")) {
                return action;
            }
        }
        throw new AssertionError("No provisioning summary on " + build + ": " + response.body());
    }

    JsonNode resultsArtifact(LocalJenkins.Build build, String path) {
        try {
            return JSON.readTree(jenkins.artifact(build.job(), build.number(), path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value the Pipeline step returned, as the script echoed it: {@code RESULT=[key:value, ...]}. */
    static Map<String, String> echoedMap(String console) {
        return echoedMap(console, "RESULT");
    }

    /** A value the Pipeline step returned, as the script echoed it: {@code NAME=[key:value, ...]}. */
    static Map<String, String> echoedMap(String console, String name) {
        String start = name + "=[";
        String line = console.lines().filter(text -> text.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + start + " line in\n" + console));
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : line.substring(start.length(), line.length() - 1).split(", ")) {
            int colon = pair.indexOf(':');
            values.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return values;
    }

    boolean pending(String email) {
        return simulator.state().pendingProvisions(ORG).stream().anyMatch(p -> p.email().equalsIgnoreCase(email));
    }

    /** The sequence number of the last request Snyk received, -1 before any: for {@code requests().since(...)}. */
    long lastRequest() {
        return simulator.requests().entries().stream().mapToLong(LoggedRequest::sequence).max().orElse(-1);
    }

    List<LoggedRequest> writesMentioning(String text) {
        return simulator.requests().writes().stream()
                .filter(request -> request.requestBody() != null && request.requestBody().contains(text)).toList();
    }

    /** The token is in no console, artifact, build record or Jenkins log line. */
    void assertTokenNowhere(LocalJenkins.Build build) {
        assertThat(console(build)).doesNotContain(token);
        assertThat(jenkins.log()).doesNotContain(token);
        Path builds = jenkins.home().resolve("jobs").resolve(build.job()).resolve("builds").resolve(Integer.toString(build.number()));
        try (Stream<Path> files = Files.walk(builds)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(token);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A required credentials parameter for Secret text, as it appears in a job's parameter definitions. */
    static String secretTextParameter(String name, String defaultCredentialsId) {
        return """
                <com.cloudbees.plugins.credentials.CredentialsParameterDefinition plugin="credentials">
                  <name>%s</name>
                  <defaultValue>%s</defaultValue>
                  <credentialType>org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl</credentialType>
                  <required>true</required>
                </com.cloudbees.plugins.credentials.CredentialsParameterDefinition>
                """.formatted(xml(name), xml(defaultCredentialsId));
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
