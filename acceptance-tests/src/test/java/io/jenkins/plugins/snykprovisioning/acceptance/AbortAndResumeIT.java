package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.GROUP;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.simulator.Latency;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Aborting a long run (a slow Snyk, many users): the build ends aborted with the partial results archived
 * and marked incomplete, and a run resumed from them finishes without sending any done user again.
 */
@WithLocalJenkins
@RequiresPlugins({"workflow-job", "workflow-cps", "workflow-basic-steps", "workflow-durable-task-step"})
class AbortAndResumeIT {

    private static final int USERS = 300;
    private static final String RESULTS = "snyk-provisioning-results.json";

    private static SimulatedSnykForJenkins snyk;

    @BeforeAll
    static void start(LocalJenkins jenkins) {
        snyk = SimulatedSnykForJenkins.start(jenkins);
    }

    @AfterAll
    static void stop() {
        snyk.close();
    }

    @AfterEach
    void fastAgain() {
        snyk.simulator.config().setLatency(Latency.NONE);
    }

    private static String users(String prefix) {
        return "email,role\n" + IntStream.rangeClosed(1, USERS)
                .mapToObj(i -> String.format("%s%03d@example.com,Org Collaborator%n", prefix, i)).collect(Collectors.joining());
    }

    /** Starts a build, waits until Snyk has received {@code writes} of its users, and stops the build. */
    private LocalJenkins.Build abortAfter(String job, Map<String, String> parameters, String prefix, int writes)
            throws InterruptedException {
        int number = snyk.jenkins.build(job, parameters);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (snyk.writesMentioning(prefix).size() < writes) {
            assertThat(System.nanoTime()).as("%s writes of %s", writes, prefix).isLessThan(deadline);
            Thread.sleep(50);
        }
        LocalJenkins.Response stop = snyk.jenkins.postForm("job/" + job + "/" + number + "/stop", Map.of());
        assertThat(stop.status()).isIn(200, 302);
        return snyk.jenkins.waitForBuild(job, number, SimulatedSnykForJenkins.BUILD_TIMEOUT);
    }

    private static List<String> emails(JsonNode results, String category) {
        List<String> emails = new ArrayList<>();
        results.get(category).forEach(entry -> emails.add(entry.get("email").asText()));
        return emails;
    }

    @Test
    void anAbortedFreestyleBuildKeepsItsPartialResultsAndAResumeFinishesTheRun() throws Exception {
        snyk.freestyleJob("abort-freestyle", Map.of("credentialsId", CREDENTIALS_ID, "orgId", ORG, "groupId", GROUP,
                "usersFile", "users.csv", "concurrency", "2", "resumeFrom", "${RESUME_FROM}"), """
                <hudson.model.ParametersDefinitionProperty>
                  <parameterDefinitions>
                    <hudson.model.StringParameterDefinition><name>RESUME_FROM</name><defaultValue></defaultValue></hudson.model.StringParameterDefinition>
                  </parameterDefinitions>
                </hudson.model.ParametersDefinitionProperty>
                """);
        snyk.workspaceFile("abort-freestyle", "users.csv", users("abort-free-"));
        snyk.simulator.config().setLatency(Latency.fixed(60));

        LocalJenkins.Build aborted = abortAfter("abort-freestyle", Map.of("RESUME_FROM", ""), "abort-free-", 25);
        int writesWhenAborted = snyk.writesMentioning("abort-free-").size();
        String console = snyk.console(aborted);

        assertThat(aborted.result()).as(console).isEqualTo("ABORTED");
        assertThat(console).contains("Interrupted: the results are incomplete",
                "Snyk user provisioning was aborted; the results so far are kept", "Both files are archived with the build.");
        JsonNode partial = snyk.resultsArtifact(aborted, RESULTS);
        assertThat(partial.at("/summary/complete").asBoolean()).isFalse();
        assertThat(partial.at("/summary/interrupted").asBoolean()).isTrue();
        List<String> done = emails(partial, "provisioned");
        assertThat(done).hasSizeBetween(25, USERS - 1);
        JsonNode summary = snyk.summary(aborted);
        assertThat(summary.path("interrupted").asBoolean()).isTrue();
        assertThat(summary.path("complete").asBoolean()).isFalse();
        Thread.sleep(500);
        assertThat(snyk.writesMentioning("abort-free-")).as("nothing sent after the abort").hasSize(writesWhenAborted);
        assertThat(writesWhenAborted).isLessThan(USERS);

        snyk.simulator.config().setLatency(Latency.NONE);
        long resumedAfter = snyk.simulator.requests().count();
        LocalJenkins.Build resumed = snyk.build("abort-freestyle", Map.of("RESUME_FROM", RESULTS));
        String resumedConsole = snyk.console(resumed);

        assertThat(resumed.result()).as(resumedConsole).isEqualTo("SUCCESS");
        assertThat(resumedConsole).contains(done.size() + " user(s) already done by the earlier run are not sent again");
        List<LoggedRequest> resumedWrites = snyk.simulator.requests().writes().stream()
                .filter(request -> request.sequence() > resumedAfter).toList();
        for (String email : done) {
            assertThat(resumedWrites).as(email).noneMatch(request -> request.requestBody().contains(email));
        }
        JsonNode finished = snyk.resultsArtifact(resumed, RESULTS);
        assertThat(finished.at("/summary/complete").asBoolean()).isTrue();
        assertThat(finished.get("provisioned").size() + finished.get("already_provisioned").size()).isEqualTo(USERS);
        for (int i = 1; i <= USERS; i++) {
            assertThat(snyk.pending(String.format("abort-free-%03d@example.com", i))).isTrue();
        }
        snyk.assertTokenNowhere(aborted);
        snyk.assertTokenNowhere(resumed);
    }

    @Test
    void anAbortedPipelineStepKeepsItsPartialResultsBeforeTheBuildEnds() throws Exception {
        snyk.pipelineJob("abort-pipeline", """
                node {
                  writeFile file: 'users.csv', text: '''%s'''
                  snykProvisionUsers credentialsId: '%s', orgId: '%s', groupId: '%s', usersFile: 'users.csv', concurrency: 2
                }
                """.formatted(users("abort-pipe-"), CREDENTIALS_ID, ORG, GROUP));
        snyk.simulator.config().setLatency(Latency.fixed(60));

        LocalJenkins.Build aborted = abortAfter("abort-pipeline", Map.of(), "abort-pipe-", 25);
        String console = snyk.console(aborted);

        assertThat(aborted.result()).as(console).isEqualTo("ABORTED");
        assertThat(console).contains("Interrupted: the results are incomplete", "Both files are archived with the build.");
        JsonNode partial = snyk.resultsArtifact(aborted, RESULTS);
        assertThat(partial.at("/summary/interrupted").asBoolean()).isTrue();
        assertThat(emails(partial, "provisioned")).hasSizeBetween(25, USERS - 1);
        assertThat(snyk.summary(aborted).path("interrupted").asBoolean()).isTrue();
        snyk.assertTokenNowhere(aborted);
    }
}
