package io.jenkins.plugins.snykprovisioning.http;

/** A successful status whose body is not what the API documents (e.g. truncated JSON). */
public class MalformedResponseException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }
}
