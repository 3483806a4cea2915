package io.jenkins.plugins.snykprovisioning.engine;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The workers a run hands users (or a plan's actions) to. The hand-over is bounded, so work is taken
 * only as fast as it is done (a 100,000-row file is never held whole); a stopping run starts no new
 * work, and work already on the wire may finish within a grace period before its requests are cut.
 */
final class WorkerPool {

    private final ExecutorService pool;
    private final Semaphore backlog;
    private final Duration grace;
    private final BooleanSupplier stopping;
    private final Runnable cutRequestsInFlight;

    /**
     * @param concurrency the requests in flight at once; workers are a few times more, since most wait
     * @param stopping true once the run stops
     */
    WorkerPool(int concurrency, Duration grace, BooleanSupplier stopping, Runnable cutRequestsInFlight) {
        int workers = Math.min(200, concurrency * 4);
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "snyk-provisioning-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.backlog = new Semaphore(workers * 2);
        this.grace = grace;
        this.stopping = stopping;
        this.cutRequestsInFlight = cutRequestsInFlight;
    }

    /** For reads every task waits for, started before the tasks. */
    Executor executor() {
        return pool;
    }

    /** Hands {@code task} to a worker, waiting while the backlog is full; false when the run stops meanwhile. */
    boolean submit(Runnable task) throws InterruptedException {
        backlog.acquire();
        if (stopping.getAsBoolean()) {
            backlog.release();
            return false;
        }
        pool.execute(() -> {
            try {
                task.run();
            } finally {
                backlog.release();
            }
        });
        return true;
    }

    /**
     * Waits for work in progress, whatever interrupts this thread: its outcomes must be recorded before
     * the run ends. {@code onInterrupt} runs when this thread is interrupted meanwhile (it should stop the
     * run); after a stop, requests still on the wire past the grace period are cut.
     */
    void finish(Runnable onInterrupt) {
        pool.shutdown();
        boolean interruptedHere = false;
        long cutAt = Long.MAX_VALUE;
        while (true) {
            try {
                if (pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interruptedHere = true;
                onInterrupt.run();
            }
            if (stopping.getAsBoolean() && cutAt == Long.MAX_VALUE) {
                cutAt = System.nanoTime() + grace.toNanos();
            } else if (System.nanoTime() > cutAt) {
                cutRequestsInFlight.run();
            }
        }
        if (interruptedHere) {
            Thread.currentThread().interrupt();
        }
    }
}
