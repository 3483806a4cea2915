package io.jenkins.plugins.snykprovisioning.http;

/** The run was stopped (Ctrl+C, build abort) before this request got an answer. */
public class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
