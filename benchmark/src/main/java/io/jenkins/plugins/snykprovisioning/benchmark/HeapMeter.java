package io.jenkins.plugins.snykprovisioning.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap use of the whole JVM (engine and simulator) during one run, in two figures. The peak: heap
 * use only grows between collections, so its peak is what a collection found just before it ran,
 * or what is in use at the end. And the most the heap still held just after a collection, which is
 * close to what the run really kept alive.
 */
final class HeapMeter {

    /** Both figures in bytes; {@code afterGcBytes} is -1 when no collection happened. */
    record Usage(long peakBytes, long afterGcBytes) {
    }

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong maxBeforeGc = new AtomicLong(-1);
    private final AtomicLong maxAfterGc = new AtomicLong(-1);

    HeapMeter() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GcInfo gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                        maxBeforeGc.accumulateAndGet(heapUsed(gc.getMemoryUsageBeforeGc()), Math::max);
                        maxAfterGc.accumulateAndGet(heapUsed(gc.getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
        }
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    /** Collects what earlier runs left, then starts counting from here. */
    void reset() throws InterruptedException {
        System.gc();
        // GC notifications arrive on their own thread; let the one for this collection pass first.
        Thread.sleep(100);
        maxBeforeGc.set(-1);
        maxAfterGc.set(-1);
    }

    /** What the heap holds after a full collection: what is still reachable now. */
    long heldBytes() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        return usedNow();
    }

    Usage usage() {
        return new Usage(Math.max(maxBeforeGc.get(), usedNow()), maxAfterGc.get());
    }

    private long usedNow() {
        long used = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            used += pool.getUsage().getUsed();
        }
        return used;
    }
}
