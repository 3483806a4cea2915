package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.CancelledException;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A read that serves many users, made once per key and shared: the first caller loads it while
 * the others wait. A failure is kept too, so a missing org costs one request, not one per user.
 */
final class SharedRead<K, V> {

    @FunctionalInterface
    interface Loader<K, V> {
        V load(K key) throws TransportException, SnykApiException;
    }

    private static final class Slot<V> {
        private V value;
        private Exception failure;
        private boolean done;
    }

    private final Loader<K, V> loader;
    private final Map<K, Slot<V>> slots = new ConcurrentHashMap<>();

    SharedRead(Loader<K, V> loader) {
        this.loader = loader;
    }

    /** Starts loading {@code key} on {@code executor}; a failure is kept for the users who ask. */
    void prefetch(K key, Executor executor) {
        executor.execute(() -> {
            try {
                get(key);
            } catch (TransportException | SnykApiException | CancelledException e) {
                // Kept (or, for an interruption, left to be read again): each user asking reports it.
            }
        });
    }

    V get(K key) throws TransportException, SnykApiException {
        Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        synchronized (slot) {
            if (!slot.done) {
                try {
                    slot.value = loader.load(key);
                } catch (TransportException | SnykApiException e) {
                    slot.failure = e;
                }
                slot.done = true;
            }
            if (slot.failure instanceof TransportException transport) {
                throw transport;
            }
            if (slot.failure instanceof SnykApiException api) {
                throw api;
            }
            return slot.value;
        }
    }
}
