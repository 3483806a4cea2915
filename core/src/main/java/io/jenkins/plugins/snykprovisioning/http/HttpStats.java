package io.jenkins.plugins.snykprovisioning.http;

import java.util.concurrent.atomic.AtomicLong;

/** Counters for one run: what was asked, what was sent, what came back. */
public final class HttpStats {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong transportErrors = new AtomicLong();

    void call() {
        calls.incrementAndGet();
    }

    void sent() {
        sent.incrementAndGet();
    }

    void retry() {
        retries.incrementAndGet();
    }

    void status(int status) {
        if (status == 429) {
            rateLimited.incrementAndGet();
        } else if (status >= 500) {
            serverErrors.incrementAndGet();
        }
    }

    void transportError() {
        transportErrors.incrementAndGet();
    }

    /** Logical calls made by the engine that were sent at least once (a retried call counts once). */
    public long calls() {
        return calls.get();
    }

    /** HTTP requests actually sent, retries included. */
    public long requestsSent() {
        return sent.get();
    }

    public long retries() {
        return retries.get();
    }

    /** 429 answers received. */
    public long rateLimited() {
        return rateLimited.get();
    }

    public long serverErrors() {
        return serverErrors.get();
    }

    public long transportErrors() {
        return transportErrors.get();
    }
}
