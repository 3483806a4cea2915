package jenkins.model;

import hudson.ProxyConfiguration;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;

/** The controller. Flattened: really extends AbstractCIBase and implements many more interfaces. */
public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = null;

    /** The HTTP proxy set in the controller's configuration, or null. */
    public volatile transient ProxyConfiguration proxy;

    private Jenkins() {
        throw new UnsupportedOperationException();
    }

    /** The running controller; throws on an agent, where there is none. */
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    public ProxyConfiguration getProxy() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException();
    }
}
