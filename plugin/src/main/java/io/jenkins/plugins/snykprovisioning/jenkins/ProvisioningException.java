package io.jenkins.plugins.snykprovisioning.jenkins;

import java.io.IOException;

/**
 * The run cannot be done or ended in a way that fails the build. The message is one line for the
 * console, free of secrets; the build steps turn it into an {@code AbortException}, which Jenkins
 * prints without a stack trace.
 */
public class ProvisioningException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProvisioningException(String message) {
        super(message);
    }
}
