package org.jenkinsci.plugins.workflow.steps;

/**
 * Runs {@link #run()} on a thread of its own, off the Pipeline (CPS) thread; the step's value is what
 * {@code run()} returns. It does not survive a controller restart.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    protected SynchronousNonBlockingStepExecution(StepContext context) {
        throw new UnsupportedOperationException();
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException();
    }

    /** Cancels the running {@link #run()} (interrupting its thread) and fails the step with {@code cause}. */
    @Override
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException();
    }
}
