package io.jenkins.plugins.snykprovisioning.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacingRateLimiterTest {

    @Test
    void spacesPermitsEvenlyAcrossThreads() throws Exception {
        PacingRateLimiter limiter = new PacingRateLimiter(6000); // one permit per 10 ms
        int permits = 60;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(permits);
        long start = System.nanoTime();
        for (int i = 0; i < permits; i++) {
            pool.execute(() -> {
                try {
                    limiter.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        pool.shutdownNow();
        // 60 permits at 10 ms spacing: the 60th is due 590 ms after the first, not earlier.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(580);
    }

    @Test
    void idleTimeIsNotBanked() throws Exception {
        PacingRateLimiter limiter = new PacingRateLimiter(600); // one per 100 ms
        limiter.acquire();
        Thread.sleep(350);
        long start = System.nanoTime();
        limiter.acquire();
        limiter.acquire();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(90);
    }

    @Test
    void oneLimiterPerTokenIsShared() {
        RateLimiter first = RateLimiters.forToken("token-aaaa", 1000);
        RateLimiter second = RateLimiters.forToken("token-aaaa", 1000);
        RateLimiter other = RateLimiters.forToken("token-bbbb", 1000);
        assertThat(first).isSameAs(second).isNotSameAs(other);
        assertThat(RateLimiters.forToken("token-aaaa", 0)).isSameAs(RateLimiter.UNLIMITED);
        assertThat(RateLimiters.fingerprint("token-aaaa")).doesNotContain("token").hasSize(64);
    }

    @Test
    void redactorMasksTheSecretEverywhere() {
        SecretRedactor redactor = new SecretRedactor("s3cr3t-token");
        assertThat(redactor.redact("bad token s3cr3t-token, again s3cr3t-token")).isEqualTo("bad token ****, again ****");
        assertThat(redactor.redact(null)).isNull();
        assertThat(new SecretRedactor("ab").redact("ab cd")).isEqualTo("ab cd");
    }
}
