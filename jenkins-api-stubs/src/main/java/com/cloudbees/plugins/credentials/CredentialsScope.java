package com.cloudbees.plugins.credentials;

import hudson.model.ModelObject;

/**
 * Where a credential may be used. In Jenkins each constant implements the two methods; the stub
 * declares them once so that no per-constant classes are generated.
 */
public enum CredentialsScope {
    SYSTEM, GLOBAL, USER;

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public boolean isVisible(ModelObject object) {
        throw new UnsupportedOperationException();
    }
}
