package jenkins;

import hudson.FilePath;

/**
 * A FileCallable the controller sends to an agent (the safe direction). Flattened: really implements
 * ControllerToAgentFileCallable, which supplies the role check.
 */
public abstract class MasterToSlaveFileCallable<T> implements FilePath.FileCallable<T> {
    public MasterToSlaveFileCallable() {
        throw new UnsupportedOperationException();
    }
}
