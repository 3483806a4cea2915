package io.jenkins.plugins.snykprovisioning.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One limiter per token for the whole JVM, so that concurrent runs with the same token (two
 * Jenkins builds, say) share Snyk's per-token budget. Keyed by a digest: the token is not kept.
 */
final class RateLimiters {

    private static final Map<String, PacingRateLimiter> BY_TOKEN = new ConcurrentHashMap<>();

    private RateLimiters() {
    }

    /** The shared limiter of {@code token}, set to {@code requestsPerMinute}; 0 or less means none. */
    static RateLimiter forToken(String token, int requestsPerMinute) {
        if (requestsPerMinute <= 0) {
            return RateLimiter.UNLIMITED;
        }
        PacingRateLimiter limiter = BY_TOKEN.computeIfAbsent(fingerprint(token), k -> new PacingRateLimiter(requestsPerMinute));
        if (limiter.requestsPerMinute() != requestsPerMinute) {
            limiter.setRate(requestsPerMinute);
        }
        return limiter;
    }

    static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
