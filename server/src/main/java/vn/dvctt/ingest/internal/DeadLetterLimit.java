package vn.dvctt.ingest.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * At most {@value #PER_MINUTE} dead letters a minute per device and instance: a device flooding the
 * server with garbage is counted in the metrics, not written row by row into the database.
 */
@Component
class DeadLetterLimit {

    static final int PER_MINUTE = 20;
    private static final int MAX_DEVICES_TRACKED = 100_000;

    private record Window(long minute, AtomicInteger used) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    boolean allow(String deviceId) {
        long minute = System.currentTimeMillis() / 60_000;
        if (windows.size() > MAX_DEVICES_TRACKED) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.compute(deviceId, (k, old) -> old == null || old.minute() != minute
                ? new Window(minute, new AtomicInteger()) : old);
        return w.used().incrementAndGet() <= PER_MINUTE;
    }
}
