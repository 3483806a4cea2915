package hudson;

import hudson.util.Secret;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/** The HTTP proxy configured in Jenkins. Flattened: really also implements Describable and Saveable. */
public final class ProxyConfiguration implements Serializable {
    public final String name;
    public final int port;

    private ProxyConfiguration() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public int getPort() {
        throw new UnsupportedOperationException();
    }

    public String getUserName() {
        throw new UnsupportedOperationException();
    }

    public Secret getSecretPassword() {
        throw new UnsupportedOperationException();
    }

    /** The raw "no proxy" host list as typed (one per line, or separated by commas). */
    public String getNoProxyHost() {
        throw new UnsupportedOperationException();
    }

    public List<Pattern> getNoProxyHostPatterns() {
        throw new UnsupportedOperationException();
    }
}
