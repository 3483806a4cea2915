package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    protected StepExecution() {
        throw new UnsupportedOperationException();
    }

    protected StepExecution(StepContext context) {
        throw new UnsupportedOperationException();
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean start() throws Exception;

    /** Asked to abort; by default fails the step at once with {@code cause}. */
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException();
    }
}
