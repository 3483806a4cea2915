package io.jenkins.plugins.snykprovisioning.http;

import java.util.concurrent.TimeUnit;

/**
 * Spaces requests evenly at a fixed rate instead of letting them burst and then bouncing off
 * Snyk's limiter: any window of the API's limiter then sees at most the configured rate.
 */
final class PacingRateLimiter implements RateLimiter {

    /**
     * Requests are paced this much under the limit: sent evenly, they still arrive a few
     * milliseconds early or late, and a window that sees one too many answers 429.
     */
    static final double HEADROOM = 0.98;

    private final Object lock = new Object();
    private volatile int requestsPerMinute;
    private volatile long intervalNanos;
    private long nextSlot;

    public PacingRateLimiter(int requestsPerMinute) {
        setRate(requestsPerMinute);
        this.nextSlot = System.nanoTime();
    }

    void setRate(int requestsPerMinute) {
        if (requestsPerMinute <= 0) {
            throw new IllegalArgumentException("A rate limit must be positive, got " + requestsPerMinute);
        }
        this.requestsPerMinute = requestsPerMinute;
        this.intervalNanos = (long) (TimeUnit.MINUTES.toNanos(1) / (requestsPerMinute * HEADROOM));
    }

    int requestsPerMinute() {
        return requestsPerMinute;
    }

    @Override
    public void acquire() throws InterruptedException {
        long slot;
        synchronized (lock) {
            long now = System.nanoTime();
            // An idle limiter does not bank permits: a slot in the past is moved to now.
            slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
