package hudson.remoting;

import java.io.Serializable;

/** Named by VirtualChannel's methods. Flattened: really also extends RoleSensitive. */
public interface Callable<V, T extends Throwable> extends Serializable {
    V call() throws T;
}
