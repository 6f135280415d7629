package vn.dvctt.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap this JVM used while watching: sampled every 50 ms and read before every collection
 * (with G1 that is mostly how full G1 lets the heap get), and the most that survived a collection.
 */
final class HeapPeak {

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong afterGc = new AtomicLong();
    private volatile boolean running;

    void start() {
        running = true;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!running || !notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                peak.accumulateAndGet(used(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                afterGc.accumulateAndGet(used(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
            }, null, null);
        }
        Thread sampler = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    void stop() {
        running = false;
    }

    double peakMb() {
        return peak.get() / 1048576.0;
    }

    double afterGcPeakMb() {
        return afterGc.get() / 1048576.0;
    }

    private static long used(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pools.get(pool.getName());
            if (usage != null && pool.getType() == MemoryType.HEAP) {
                used += usage.getUsed();
            }
        }
        return used;
    }
}
