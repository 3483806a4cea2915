package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Per-token 429s: the configured rate limit, the group-members limit and injected bursts. */
final class Throttling {

    /** {@code GET /v1/group/{groupId}/members} allows one request per minute and token. */
    static final long GROUP_MEMBERS_WINDOW_MILLIS = 60_000;

    private final SimulatorConfig config;
    private final SlidingWindowLimiter rateLimit = new SlidingWindowLimiter();
    private final SlidingWindowLimiter groupMembersLimit = new SlidingWindowLimiter();
    private final ConcurrentMap<String, AtomicInteger> burstRemaining = new ConcurrentHashMap<>();

    Throttling(SimulatorConfig config) {
        this.config = config;
    }

    /** True when this request is one of a burst of 429s: a running one, or one it starts now. */
    boolean inBurst(ApiToken token) {
        AtomicInteger remaining = burstRemaining.computeIfAbsent(token.value(), k -> new AtomicInteger());
        if (remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return true;
        }
        if (roll(config.getBurstRate())) {
            remaining.set(config.getBurstLength() - 1);
            return true;
        }
        return false;
    }

    /** Throws the 429 when the token is over {@code rateLimitPerMinute}. */
    void checkRateLimit(ApiToken token) {
        int perMinute = config.getRateLimitPerMinute();
        if (perMinute == 0) {
            return;
        }
        long window = config.getRateWindowMillis();
        int allowed = (int) Math.max(1, perMinute * window / 60_000);
        long waitMillis = rateLimit.tryAcquire(token.value(), allowed, window, config.isCountRejectedRequests(),
                System.currentTimeMillis());
        if (waitMillis > 0) {
            throw tooManyRequests(waitMillis);
        }
    }

    void checkGroupMembersLimit(ApiToken token) {
        long waitMillis = groupMembersLimit.tryAcquire(token.value(), 1, GROUP_MEMBERS_WINDOW_MILLIS,
                config.isCountRejectedRequests(), System.currentTimeMillis());
        if (waitMillis > 0) {
            throw tooManyRequests(waitMillis);
        }
    }

    /** A 429; {@code waitMillis} (0 when unknown, as in bursts) feeds {@code X-RateLimit-Reset}. */
    ApiError tooManyRequests(long waitMillis) {
        ApiError error = new ApiError(429, "Too many requests, please try again later");
        if (config.getRetryAfterSeconds() >= 0) {
            error.withHeader("Retry-After", Integer.toString(config.getRetryAfterSeconds()));
        }
        if (waitMillis > 0 && config.isRateLimitResetHeader()) {
            error.withHeader("X-RateLimit-Reset", Long.toString((waitMillis + 999) / 1000));
        }
        return error;
    }

    static boolean roll(double probability) {
        return probability > 0 && ThreadLocalRandom.current().nextDouble() < probability;
    }
}
