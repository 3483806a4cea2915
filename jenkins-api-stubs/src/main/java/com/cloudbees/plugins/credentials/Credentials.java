package com.cloudbees.plugins.credentials;

import hudson.model.Describable;
import java.io.Serializable;

/** Flattened: really also extends ExtensionPoint. */
public interface Credentials extends Describable<Credentials>, Serializable {
    CredentialsScope getScope();

    @Override
    CredentialsDescriptor getDescriptor();
}
