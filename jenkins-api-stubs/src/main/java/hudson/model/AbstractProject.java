package hudson.model;

import hudson.tasks.Publisher;
import hudson.util.DescribableList;

/** A freestyle-style project, named by {@code BuildStepDescriptor.isApplicable}. Flattened: its mix-in interfaces are left out. */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {
    private AbstractProject() {
        throw new UnsupportedOperationException();
    }

    public abstract DescribableList<Publisher, Descriptor<Publisher>> getPublishersList();

    protected abstract Class<R> getBuildClass();

    public abstract boolean isFingerprintConfigured();
}
