package io.jenkins.plugins.snykprovisioning.http;

/**
 * Removes the API token from any text that leaves the client: error bodies (a server may echo the
 * Authorization header), exception messages, log lines.
 */
public final class SecretRedactor {

    public static final String MASK = "****";

    private final String secret;

    public SecretRedactor(String secret) {
        // Very short values would mask innocent text and are not real tokens anyway.
        this.secret = secret != null && secret.length() >= 4 ? secret : null;
    }

    public String redact(String text) {
        if (text == null || secret == null || !text.contains(secret)) {
            return text;
        }
        return text.replace(secret, MASK);
    }
}
