package io.jenkins.plugins.snykprovisioning.simulator.model;

/** Personal API tokens can provision users; service-account tokens cannot. */
public enum TokenType {
    PERSONAL,
    SERVICE_ACCOUNT
}
