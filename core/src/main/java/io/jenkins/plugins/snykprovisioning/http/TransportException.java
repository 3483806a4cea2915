package io.jenkins.plugins.snykprovisioning.http;

import java.io.IOException;

/** No usable answer: the network failed, or every attempt timed out or was garbled. */
public class TransportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final boolean mayHaveApplied;

    public TransportException(String message, int attempts, boolean mayHaveApplied) {
        super(message);
        this.attempts = attempts;
        this.mayHaveApplied = mayHaveApplied;
    }

    public int attempts() {
        return attempts;
    }

    /** True for a write of which some attempt reached the API but got no answer: its effect is unknown. */
    public boolean mayHaveApplied() {
        return mayHaveApplied;
    }
}
