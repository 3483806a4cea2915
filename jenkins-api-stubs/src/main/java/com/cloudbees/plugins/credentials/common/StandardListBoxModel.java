package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    public StandardListBoxModel() {
        throw new UnsupportedOperationException();
    }

    @Override
    protected String describe(StandardCredentials c) {
        throw new UnsupportedOperationException();
    }
}
