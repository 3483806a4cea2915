package jenkins.util;

import hudson.model.BuildListener;
import hudson.model.TaskListener;
import java.io.PrintStream;

/** Lets a Pipeline step's TaskListener be passed where a BuildListener is required (artifact archiving). */
public final class BuildListenerAdapter implements BuildListener {
    private BuildListenerAdapter() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PrintStream getLogger() {
        throw new UnsupportedOperationException();
    }

    public static BuildListener wrap(TaskListener l) {
        throw new UnsupportedOperationException();
    }
}
