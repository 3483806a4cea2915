package io.jenkins.plugins.snykprovisioning.http;

/** The run was stopped (Ctrl+C, build abort) before this request got an answer. */
public class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean writeMayHaveApplied;

    public CancelledException(String message) {
        this(message, false);
    }

    /** @param writeMayHaveApplied the request was a write that had been sent: its effect is unknown */
    public CancelledException(String message, boolean writeMayHaveApplied) {
        super(message);
        this.writeMayHaveApplied = writeMayHaveApplied;
    }

    /** True for a write that reached the network before the interruption: Snyk may have applied it. */
    public boolean writeMayHaveApplied() {
        return writeMayHaveApplied;
    }
}
