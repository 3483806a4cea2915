package jenkins.model;

import hudson.ExtensionList;
import hudson.model.Describable;
import hudson.model.Descriptor;

/**
 * A section of the global configuration page. Its own {@code configure} binds the submitted form to the
 * {@code @DataBoundSetter}s. Flattened: really also implements ExtensionPoint.
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException();
    }

    public static ExtensionList<GlobalConfiguration> all() {
        throw new UnsupportedOperationException();
    }
}
