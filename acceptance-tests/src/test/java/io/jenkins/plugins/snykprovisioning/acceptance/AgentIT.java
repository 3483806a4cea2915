package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.GROUP;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds on an agent: a second JVM connected over WebSocket, with its own file system root. The user file
 * is read from the agent's workspace and the results are written there and archived, while the calls to
 * Snyk, and so the token, stay in the controller.
 */
@WithLocalJenkins
@RequiresPlugins({"workflow-job", "workflow-cps", "workflow-basic-steps", "workflow-durable-task-step"})
class AgentIT {

    private static final String AGENT = "provisioning-agent";

    private static SimulatedSnykForJenkins snyk;
    private static Path agentRoot;
    private static Process agent;

    @BeforeAll
    static void start(LocalJenkins jenkins) throws Exception {
        snyk = SimulatedSnykForJenkins.start(jenkins);
        agentRoot = Files.createDirectories(Path.of("target/agent").toAbsolutePath());
        jenkins.scriptConsole("""
                import hudson.slaves.*
                def launcher = new JNLPLauncher()
                launcher.webSocket = true
                def node = new DumbSlave('%s', '%s', launcher)
                node.labelString = 'remote'
                node.numExecutors = 1
                node.mode = hudson.model.Node.Mode.EXCLUSIVE
                jenkins.model.Jenkins.get().addNode(node)
                """.formatted(AGENT, agentRoot));
        String secret = jenkins.scriptConsole("print(jenkins.model.Jenkins.get().getComputer('" + AGENT + "').jnlpMac)").trim();
        Path agentJar = agentRoot.resolve("agent.jar");
        try (InputStream in = jenkins.url().resolve("jnlpJars/agent.jar").toURL().openStream()) {
            Files.copy(in, agentJar, StandardCopyOption.REPLACE_EXISTING);
        }
        Path java = JenkinsInstallation.locate(System.getenv()).java();
        agent = new ProcessBuilder(java.toString(), "-jar", agentJar.toString(), "-url", jenkins.url().toString(),
                "-name", AGENT, "-webSocket", "-workDir", agentRoot.toString(), "-secret", "@" + writeSecret(secret))
                .redirectErrorStream(true).redirectOutput(agentRoot.resolve("agent.log").toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!jenkins.scriptConsole("print(jenkins.model.Jenkins.get().getComputer('" + AGENT + "').online)").trim()
                .equals("true")) {
            assertThat(agent.isAlive()).as("agent process, see %s", agentRoot.resolve("agent.log")).isTrue();
            assertThat(System.nanoTime()).as("agent online within 120 s").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** The agent's secret in a file, so that it is not on its command line. */
    private static Path writeSecret(String secret) throws IOException {
        Path file = agentRoot.resolve("secret");
        Files.writeString(file, secret);
        return file;
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) {
            agent.destroy();
            agent.waitFor();
        }
        if (snyk != null) {
            snyk.jenkins.scriptConsole("def node = jenkins.model.Jenkins.get().getNode('" + AGENT + "'); "
                    + "if (node) { jenkins.model.Jenkins.get().removeNode(node) }");
            snyk.close();
        }
    }

    @Test
    void aPipelineOnAnAgentReadsTheUsersThereAndKeepsTheTokenInTheController() throws IOException {
        snyk.pipelineJob("agent-pipeline", """
                node('remote') {
                  writeFile file: 'onboarding/users.csv', text: '''email,role
                agent-erin@example.com,Org Collaborator
                agent-frank@example.com,Developer
                '''
                  def r = snykProvisionUsers(credentialsId: '%s', orgId: '%s', groupId: '%s', usersFile: 'onboarding/users.csv')
                  echo "RESULT=${r}"
                }
                """.formatted(CREDENTIALS_ID, ORG, GROUP));

        LocalJenkins.Build build = snyk.build("agent-pipeline", Map.of());
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("SUCCESS");
        assertThat(console).contains("Running on " + AGENT);
        assertThat(SimulatedSnykForJenkins.echoedMap(console)).containsEntry("provisioned", "2").containsEntry("total", "2");
        assertThat(snyk.pending("agent-erin@example.com")).isTrue();
        assertThat(snyk.pending("agent-frank@example.com")).isTrue();

        Path workspace = agentRoot.resolve("workspace/agent-pipeline");
        JsonNode onAgent = new ObjectMapper().readTree(workspace.resolve("snyk-provisioning-results.json").toFile());
        assertThat(onAgent.get("provisioned")).extracting(entry -> entry.get("email").asText())
                .containsExactlyInAnyOrder("agent-erin@example.com", "agent-frank@example.com");
        assertThat(snyk.resultsArtifact(build, "snyk-provisioning-results.json")).isEqualTo(onAgent);
        // Nothing the plugin kept on the agent (the workspace, remoting's files and logs) holds the token.
        assertThat(filesContaining(agentRoot, snyk.token)).isEmpty();
        snyk.assertTokenNowhere(build);
    }

    @Test
    void aUserFileOutsideTheAgentsWorkspaceIsRefused() throws IOException {
        Path outside = Files.writeString(agentRoot.resolve("outside.csv"), "email,role\nagent-outside@example.com,Developer\n");
        snyk.pipelineJob("agent-escape", """
                node('remote') {
                  sh 'ln -sf %s linked.csv'
                  snykProvisionUsers(credentialsId: '%s', orgId: '%s', groupId: '%s', usersFile: 'linked.csv')
                }
                """.formatted(outside, CREDENTIALS_ID, ORG, GROUP));

        LocalJenkins.Build build = snyk.build("agent-escape", Map.of());
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("FAILURE");
        assertThat(console).contains("linked.csv leads outside the workspace (through a symbolic link); refused");
        assertThat(snyk.writesMentioning("agent-outside@example.com")).isEmpty();
    }

    private static List<Path> filesContaining(Path root, String text) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().endsWith(".jar"))
                    .filter(file -> {
                        try {
                            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
