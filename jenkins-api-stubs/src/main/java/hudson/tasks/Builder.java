package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.BuildListener;
import hudson.model.Describable;
import hudson.model.Descriptor;
import java.io.IOException;
import java.util.Collection;

/**
 * A freestyle build step. Flattened: really extends BuildStepCompatibilityLayer, which supplies the
 * BuildStep methods declared here.
 */
public abstract class Builder implements BuildStep, Describable<Builder> {
    public Builder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean prebuild(AbstractBuild<?, ?> build, BuildListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public Action getProjectAction(AbstractProject<?, ?> project) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Collection<? extends Action> getProjectActions(AbstractProject<?, ?> project) {
        throw new UnsupportedOperationException();
    }

    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Descriptor<Builder> getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
