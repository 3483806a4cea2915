package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {
    /** The identity of Jenkins itself, for looking up credentials the way the system sees them. */
    public static final Authentication SYSTEM2 = null;

    public ACL() {
        throw new UnsupportedOperationException();
    }
}
