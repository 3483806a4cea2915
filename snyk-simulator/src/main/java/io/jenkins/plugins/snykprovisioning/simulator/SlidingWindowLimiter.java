package io.jenkins.plugins.snykprovisioning.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Allows at most {@code limit} requests per key in any window of {@code windowMillis}. It keeps
 * only the newest {@code limit} request times per key: a request is refused exactly when the
 * oldest of them is still inside the window. Limits are passed per call so they can change at run time.
 */
final class SlidingWindowLimiter {

    private final ConcurrentMap<String, Deque<Long>> timesByKey = new ConcurrentHashMap<>();

    /**
     * Records the request at {@code nowMillis} and answers 0 when it is allowed, else the
     * milliseconds until the window would admit one. A refused request is recorded only when
     * {@code countRejected}, which keeps a client that never pauses locked out.
     */
    long tryAcquire(String key, int limit, long windowMillis, boolean countRejected, long nowMillis) {
        Deque<Long> times = timesByKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && (times.size() > limit || times.peekFirst() <= nowMillis - windowMillis)) {
                times.removeFirst();
            }
            boolean allowed = times.size() < limit;
            if (allowed || countRejected) {
                times.addLast(nowMillis);
                if (times.size() > limit) {
                    times.removeFirst();
                }
            }
            return allowed ? 0 : Math.max(1, times.peekFirst() + windowMillis - nowMillis);
        }
    }
}
