package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/** Narrows a credentials lookup (e.g. to a host). Flattened: really also implements ExtensionPoint. */
public class DomainRequirement implements Serializable {
    public DomainRequirement() {
        throw new UnsupportedOperationException();
    }
}
