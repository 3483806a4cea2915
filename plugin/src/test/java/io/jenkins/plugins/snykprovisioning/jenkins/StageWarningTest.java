package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.junit.jupiter.api.Test;

/** The step's node is marked the way workflow-api's classes are found and called, here through test doubles of the same names. */
class StageWarningTest {

    @Test
    void theStepsNodeGetsAWarningWithTheMessage() throws Exception {
        FlowNode node = new FlowNode();

        boolean marked = StageWarning.markUnstable(type -> type == FlowNode.class ? node : null,
                StageWarningTest.class.getClassLoader(), "2 user(s) failed");

        assertThat(marked).isTrue();
        assertThat(node.actions).singleElement().isInstanceOfSatisfying(WarningAction.class,
                warning -> assertThat(warning.message).isEqualTo("2 user(s) failed"));
    }

    @Test
    void withoutPipelineClassesNothingIsMarkedAndNothingFails() throws Exception {
        ClassLoader withoutWorkflowApi = new URLClassLoader(new URL[0], null);

        assertThat(StageWarning.markUnstable(type -> new FlowNode(), withoutWorkflowApi, "x")).isFalse();
    }

    @Test
    void aContextWithoutANodeMarksNothing() throws Exception {
        assertThat(StageWarning.markUnstable(type -> null, StageWarningTest.class.getClassLoader(), "x")).isFalse();
    }
}
