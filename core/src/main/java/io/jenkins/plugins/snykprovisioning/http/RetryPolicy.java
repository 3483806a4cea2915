package io.jenkins.plugins.snykprovisioning.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which answers are tried again and after how long. 429 honours {@code Retry-After}, then
 * {@code X-RateLimit-Reset}, then falls back to exponential backoff with jitter, like 5xx,
 * timeouts and resets.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxServerHint) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
        }
    }

    public static RetryPolicy withMaxRetries(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    public static boolean retryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** Delay before attempt {@code attempt + 1}, given the answer to attempt {@code attempt} (null: none). */
    public long delayMillis(int attempt, ApiResponse response) {
        if (response != null && response.status() == 429) {
            Long hinted = serverHintMillis(response);
            if (hinted != null) {
                return Math.min(hinted, maxServerHint.toMillis());
            }
        }
        // A 5xx is usually over at once: retried sooner than a 429 (slow down) or a connection failure (maybe down).
        long base = response != null && response.status() >= 500 ? Math.max(1, baseDelay.toMillis() / 5) : baseDelay.toMillis();
        long ceiling = Math.min(maxDelay.toMillis(), base << Math.min(attempt - 1, 20));
        // "Equal jitter": at least half the backoff, so retries never hammer, spread over the rest.
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    static Long serverHintMillis(ApiResponse response) {
        String retryAfter = response.header("retry-after");
        if (retryAfter != null) {
            String value = retryAfter.trim();
            try {
                return Math.max(0, Math.round(Double.parseDouble(value) * 1000));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Math.max(0, at.toInstant().toEpochMilli() - System.currentTimeMillis());
                } catch (DateTimeParseException notDate) {
                    // Unreadable hint: fall through to the next one.
                }
            }
        }
        String reset = response.header("x-ratelimit-reset");
        if (reset != null) {
            try {
                long value = Long.parseLong(reset.trim());
                // Large values are epoch seconds, small ones a number of seconds to wait.
                long seconds = value > 1_000_000_000L ? value - System.currentTimeMillis() / 1000 : value;
                return Math.max(0, seconds * 1000);
            } catch (NumberFormatException ignored) {
                // Unreadable hint: back off instead.
            }
        }
        return null;
    }
}
