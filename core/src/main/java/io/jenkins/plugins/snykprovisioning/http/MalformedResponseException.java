package io.jenkins.plugins.snykprovisioning.http;

/**
 * An answer whose body is not what the API documents (e.g. truncated JSON). {@code safeToRepeat}
 * says the request may be sent again even if it writes: true when the status shows nothing was
 * done (an error), so only the explanation was lost.
 */
public class MalformedResponseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean safeToRepeat;

    public MalformedResponseException(String message, boolean safeToRepeat) {
        super(message);
        this.safeToRepeat = safeToRepeat;
    }

    public boolean safeToRepeat() {
        return safeToRepeat;
    }
}
