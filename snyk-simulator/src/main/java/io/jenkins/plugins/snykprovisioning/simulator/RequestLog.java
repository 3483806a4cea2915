package io.jenkins.plugins.snykprovisioning.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every API request the simulator answered (admin calls excluded), oldest first. Thread-safe.
 * It keeps the newest {@link #CAPACITY} entries so a long benchmark cannot exhaust memory.
 */
public final class RequestLog {

    public static final int CAPACITY = 200_000;

    private final Deque<LoggedRequest> entries = new ArrayDeque<>();
    private long lastSequence;

    synchronized void record(Instant timestamp, String method, String path, String query, String tokenLabel,
            String requestBody, int status, Fault fault, long durationMillis) {
        entries.addLast(new LoggedRequest(++lastSequence, timestamp, method, path, query, tokenLabel, requestBody,
                status, fault, durationMillis));
        if (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
    }

    public synchronized List<LoggedRequest> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<LoggedRequest> filter(Predicate<LoggedRequest> wanted) {
        return entries.stream().filter(wanted).toList();
    }

    /** Entries with a sequence number above {@code sequence}: what happened since an earlier look. */
    public List<LoggedRequest> since(long sequence) {
        return filter(entry -> entry.sequence() > sequence);
    }

    /** Every request but GETs. */
    public List<LoggedRequest> writes() {
        return filter(LoggedRequest::isWrite);
    }

    /** Requests with this method (any when null) whose path starts with {@code pathPrefix}. */
    public List<LoggedRequest> matching(String method, String pathPrefix) {
        return filter(entry -> (method == null || method.equals(entry.method())) && entry.path().startsWith(pathPrefix));
    }

    public List<LoggedRequest> withFault(Fault fault) {
        return filter(entry -> entry.fault() == fault);
    }

    public synchronized int count() {
        return entries.size();
    }

    public int count(String method, String pathPrefix) {
        return matching(method, pathPrefix).size();
    }

    /** Forgets the entries; sequence numbers go on counting. */
    public synchronized void clear() {
        entries.clear();
    }
}
