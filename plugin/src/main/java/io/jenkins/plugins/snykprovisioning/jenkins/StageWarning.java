package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.model.Action;
import hudson.model.Result;
import java.io.IOException;

/**
 * Marks a Pipeline step's flow node unstable, as the junit step does, so that stage views show the stage
 * whose users failed, not only the build. workflow-api's {@code FlowNode} and {@code WarningAction} are not
 * among the APIs this plugin compiles against (its stubs hold only what the signature reference lists), so
 * they are reached by name through the class loader of the Pipeline that runs the step; where either is
 * missing, nothing is marked and the build's result alone says it.
 */
final class StageWarning {

    static final String FLOW_NODE = "org.jenkinsci.plugins.workflow.graph.FlowNode";
    static final String WARNING_ACTION = "org.jenkinsci.plugins.workflow.actions.WarningAction";

    /** How a step asks its context for an object by type ({@code StepContext.get}). */
    @FunctionalInterface
    interface ContextLookup {
        Object get(Class<?> type) throws IOException, InterruptedException;
    }

    private StageWarning() {
    }

    /**
     * Adds {@code WarningAction(UNSTABLE)} with {@code message} to the step's node.
     *
     * @param pipelineClasses a class loader that sees workflow-api (the step context's own)
     * @return true when the node was marked
     */
    static boolean markUnstable(ContextLookup context, ClassLoader pipelineClasses, String message) throws InterruptedException {
        try {
            Object node = context.get(Class.forName(FLOW_NODE, false, pipelineClasses));
            if (node == null) {
                return false;
            }
            Class<?> warningType = Class.forName(WARNING_ACTION, true, pipelineClasses);
            Object warning = warningType.getConstructor(Result.class).newInstance(Result.UNSTABLE);
            warning = warningType.getMethod("withMessage", String.class).invoke(warning, message);
            node.getClass().getMethod("addOrReplaceAction", Action.class).invoke(node, warning);
            return true;
        } catch (ReflectiveOperationException | IOException | LinkageError e) {
            return false;
        }
    }
}
