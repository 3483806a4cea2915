package io.jenkins.plugins.snykprovisioning.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness itself: a parameterized Pipeline build driven end to end, as the step's tests will do. */
@WithLocalJenkins
@RequiresPlugins({"workflow-job", "workflow-cps", "workflow-basic-steps", "workflow-durable-task-step"})
class HarnessIT {

    private static final String PIPELINE = """
            <?xml version='1.1' encoding='UTF-8'?>
            <flow-definition plugin="workflow-job">
              <properties>
                <hudson.model.ParametersDefinitionProperty>
                  <parameterDefinitions>
                    <hudson.model.StringParameterDefinition>
                      <name>GREETING</name>
                      <defaultValue>none</defaultValue>
                    </hudson.model.StringParameterDefinition>
                  </parameterDefinitions>
                </hudson.model.ParametersDefinitionProperty>
              </properties>
              <definition class="org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition" plugin="workflow-cps">
                <script>node {
              echo "greeting is ${params.GREETING}"
              writeFile file: 'out/greeting.txt', text: params.GREETING
              archiveArtifacts 'out/greeting.txt'
            }</script>
                <sandbox>true</sandbox>
              </definition>
            </flow-definition>
            """;

    @Test
    void runsAParameterizedPipelineAndReadsItsConsoleAndArtifact(LocalJenkins jenkins) {
        jenkins.createJob("harness check", PIPELINE);

        int number = jenkins.build("harness check", Map.of("GREETING", "hello from the harness"));
        LocalJenkins.Build build = jenkins.waitForBuild("harness check", number, Duration.ofMinutes(3));

        assertThat(build.result()).as(jenkins.consoleText("harness check", number)).isEqualTo("SUCCESS");
        assertThat(jenkins.consoleText("harness check", number)).contains("greeting is hello from the harness");
        assertThat(jenkins.artifact("harness check", number, "out/greeting.txt")).isEqualTo("hello from the harness");
    }
}
