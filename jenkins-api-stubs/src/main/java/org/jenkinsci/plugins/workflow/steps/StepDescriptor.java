package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
    public StepDescriptor() {
        throw new UnsupportedOperationException();
    }

    /** The context objects (Run, TaskListener, FilePath...) the step needs; Pipeline checks them before start. */
    public abstract Set<? extends Class<?>> getRequiredContext();

    /** The name the step is called by in a Pipeline script. */
    public abstract String getFunctionName();
}
