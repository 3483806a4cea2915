package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import java.io.IOException;

/**
 * How a build step synchronizes with earlier builds. In Jenkins each constant implements
 * {@code perform}; the stub declares it once so that no per-constant classes are generated.
 */
public enum BuildStepMonitor {
    NONE, STEP, BUILD;

    @SuppressWarnings("rawtypes")
    public boolean perform(BuildStep bs, AbstractBuild build, Launcher launcher, BuildListener listener)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }
}
