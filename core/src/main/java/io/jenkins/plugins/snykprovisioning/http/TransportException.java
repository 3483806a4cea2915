package io.jenkins.plugins.snykprovisioning.http;

import java.io.IOException;

/** No usable answer: the network failed, or every attempt timed out or was garbled. */
public class TransportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    public TransportException(String message, int attempts) {
        super(message);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
