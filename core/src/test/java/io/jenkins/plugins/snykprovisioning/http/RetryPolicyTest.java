package io.jenkins.plugins.snykprovisioning.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.withMaxRetries(5);

    private static ApiResponse answer(int status, Map<String, String> headers) {
        return new ApiResponse(status, headers, "", 1);
    }

    @Test
    void retriesOnlyRateLimitsAndGatewayErrors() {
        assertThat(RetryPolicy.retryableStatus(429)).isTrue();
        assertThat(RetryPolicy.retryableStatus(500)).isTrue();
        assertThat(RetryPolicy.retryableStatus(502)).isTrue();
        assertThat(RetryPolicy.retryableStatus(503)).isTrue();
        assertThat(RetryPolicy.retryableStatus(504)).isTrue();
        assertThat(RetryPolicy.retryableStatus(501)).isFalse();
        assertThat(RetryPolicy.retryableStatus(400)).isFalse();
        assertThat(RetryPolicy.retryableStatus(401)).isFalse();
        assertThat(RetryPolicy.retryableStatus(404)).isFalse();
        assertThat(RetryPolicy.retryableStatus(409)).isFalse();
    }

    @Test
    void retryAfterSecondsWins() {
        assertThat(policy.delayMillis(1, answer(429, Map.of("retry-after", "3", "x-ratelimit-reset", "9")))).isEqualTo(3000);
        assertThat(policy.delayMillis(1, answer(429, Map.of("retry-after", "0.25")))).isEqualTo(250);
    }

    @Test
    void retryAfterHttpDate() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(policy.delayMillis(1, answer(429, Map.of("retry-after", inTenSeconds)))).isBetween(8000L, 10_000L);
    }

    @Test
    void rateLimitResetAsSecondsOrEpoch() {
        assertThat(policy.delayMillis(1, answer(429, Map.of("x-ratelimit-reset", "7")))).isEqualTo(7000);
        long epoch = System.currentTimeMillis() / 1000 + 5;
        assertThat(policy.delayMillis(1, answer(429, Map.of("x-ratelimit-reset", Long.toString(epoch))))).isBetween(3000L, 5000L);
    }

    @Test
    void serverHintsAreCapped() {
        assertThat(policy.delayMillis(1, answer(429, Map.of("retry-after", "86400")))).isEqualTo(120_000);
    }

    @Test
    void withoutHintsBacksOffExponentiallyWithJitterUpToTheCap() {
        for (int i = 0; i < 50; i++) {
            assertThat(policy.delayMillis(1, answer(429, Map.of()))).isBetween(250L, 500L);
            // A 5xx backs off from a fifth of the base: it is usually over at once.
            assertThat(policy.delayMillis(2, answer(503, Map.of()))).isBetween(100L, 200L);
            assertThat(policy.delayMillis(3, null)).isBetween(1000L, 2000L);
            assertThat(policy.delayMillis(12, null)).isBetween(15_000L, 30_000L);
        }
        assertThat(policy.delayMillis(1, answer(429, Map.of("retry-after", "soon")))).isBetween(250L, 500L);
    }
}
