package io.jenkins.plugins.snykprovisioning.http;

import java.time.Duration;

/**
 * How requests are sent. The defaults and limits here are the only ones: the CLI, the global
 * configuration and the job forms all read them from this class.
 *
 * @param concurrency requests in flight at once (Snyk advises ten)
 * @param rateLimitPerMinute requests per minute for the token, 0 for no client-side limit
 */
public record TransportSettings(int concurrency, int rateLimitPerMinute, Duration connectTimeout,
        Duration responseTimeout, RetryPolicy retryPolicy, ProxySettings proxy) {

    public static final int DEFAULT_CONCURRENCY = 10;
    public static final int MAX_CONCURRENCY = 50;
    /** Safely under both of Snyk's published limits: 1,620/min (REST) and 2,000/min (V1). */
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 1500;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_RESPONSE_TIMEOUT_SECONDS = 30;
    public static final int MAX_TIMEOUT_SECONDS = 600;
    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final int MAX_RETRIES = 10;

    public TransportSettings {
        requireInRange("Concurrency", concurrency, 1, MAX_CONCURRENCY);
        if (rateLimitPerMinute < 0) {
            throw new IllegalArgumentException("The rate limit must not be negative, got " + rateLimitPerMinute);
        }
        for (Duration timeout : new Duration[] {connectTimeout, responseTimeout}) {
            if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > MAX_TIMEOUT_SECONDS) {
                throw new IllegalArgumentException("Timeouts must be positive and at most " + MAX_TIMEOUT_SECONDS + " seconds");
            }
        }
        requireInRange("Retries", retryPolicy.maxRetries(), 0, MAX_RETRIES);
    }

    private static void requireInRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    public static TransportSettings defaults() {
        return new TransportSettings(DEFAULT_CONCURRENCY, DEFAULT_RATE_LIMIT_PER_MINUTE,
                Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS), Duration.ofSeconds(DEFAULT_RESPONSE_TIMEOUT_SECONDS),
                RetryPolicy.withMaxRetries(DEFAULT_MAX_RETRIES), null);
    }

    public TransportSettings withConcurrency(int value) {
        return new TransportSettings(value, rateLimitPerMinute, connectTimeout, responseTimeout, retryPolicy, proxy);
    }

    public TransportSettings withRateLimitPerMinute(int value) {
        return new TransportSettings(concurrency, value, connectTimeout, responseTimeout, retryPolicy, proxy);
    }

    public TransportSettings withTimeouts(Duration connect, Duration response) {
        return new TransportSettings(concurrency, rateLimitPerMinute, connect, response, retryPolicy, proxy);
    }

    public TransportSettings withRetryPolicy(RetryPolicy value) {
        return new TransportSettings(concurrency, rateLimitPerMinute, connectTimeout, responseTimeout, value, proxy);
    }

    public TransportSettings withProxy(ProxySettings value) {
        return new TransportSettings(concurrency, rateLimitPerMinute, connectTimeout, responseTimeout, retryPolicy, value);
    }
}
