package io.jenkins.plugins.snykprovisioning.http;

import java.time.Duration;

/**
 * How requests are sent.
 *
 * @param concurrency requests in flight at once (Snyk advises ten)
 * @param rateLimitPerMinute requests per minute for the token, 0 for no client-side limit
 */
public record TransportSettings(int concurrency, int rateLimitPerMinute, Duration connectTimeout,
        Duration responseTimeout, RetryPolicy retryPolicy, ProxySettings proxy) {

    public static final int DEFAULT_CONCURRENCY = 10;
    /** Safely under both of Snyk's published limits: 1,620/min (REST) and 2,000/min (V1). */
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 1500;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    public TransportSettings {
        if (concurrency < 1 || concurrency > 100) {
            throw new IllegalArgumentException("Concurrency must be between 1 and 100, got " + concurrency);
        }
        if (rateLimitPerMinute < 0) {
            throw new IllegalArgumentException("The rate limit must not be negative, got " + rateLimitPerMinute);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive");
        }
    }

    public static TransportSettings defaults() {
        return new TransportSettings(DEFAULT_CONCURRENCY, DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_RESPONSE_TIMEOUT, RetryPolicy.withMaxRetries(RetryPolicy.DEFAULT_MAX_RETRIES), null);
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
