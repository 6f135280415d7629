package vn.dvctt.agent.sync;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import vn.dvctt.agent.BrokerLink;
import vn.dvctt.agent.Log;
import vn.dvctt.content.Chunking;

/**
 * Runs a {@link SyncEngine} on its own thread with a bounded queue (a flood of chunks is dropped and
 * counted, never buffered without end), a tick every {@value #TICK_MILLIS} ms and a periodic heartbeat.
 */
public final class SyncRunner implements AutoCloseable {

    private static final Log log = Log.of(SyncRunner.class);
    static final long TICK_MILLIS = 250;
    static final long QUEUE_BYTES = 6L * 1024 * 1024;

    private final SyncEngine engine;
    private final SyncSettings settings;
    private final ThreadPoolExecutor events;
    private final ScheduledExecutorService timer;

    public SyncRunner(String deviceId, String agentVersion, BrokerLink link, ContentFolder folder, SyncSettings settings) {
        this.engine = new SyncEngine(deviceId, agentVersion, link, folder, settings, Clock.systemUTC());
        this.settings = settings;
        this.events = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity(settings)), r -> daemon(r, "dvctt-sync"),
                new ThreadPoolExecutor.AbortPolicy());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dvctt-sync-timer"));
    }

    /**
     * Twice the window and a little more, but never more frames than {@value #QUEUE_BYTES} bytes of them:
     * a frame is a slice (64 KiB by default) or a whole chunk (512 KiB by default, up to ~1 MB), and the
     * agent runs in a 16 MB heap.
     */
    static int queueCapacity(SyncSettings settings) {
        int frameBytes = settings.wholeChunks() ? Chunking.DEFAULT_CHUNK_SIZE_BYTES : settings.sliceBytes();
        return Math.max(4, Math.min(settings.requestsInFlight() * 2 + 8, (int) (QUEUE_BYTES / frameBytes)));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** @return completes when the broker first granted the manifest and chunk subscriptions */
    public java.util.concurrent.CompletableFuture<Void> start() {
        java.util.concurrent.CompletableFuture<Void> subscribed = engine.start(events);
        timer.scheduleWithFixedDelay(() -> run(engine::tick), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        long heartbeat = settings.heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> run(engine::publishHeartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        return subscribed;
    }

    private void run(Runnable task) {
        try {
            events.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Sync step failed; carrying on", e);
                }
            });
        } catch (RuntimeException e) {
            // queue full: the next tick comes soon
        }
    }

    public SyncEngine engine() {
        return engine;
    }

    public SyncStats stats() {
        return engine.stats();
    }

    /** Stops the timers, then records progress on the engine's thread so no write is cut in half. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            events.execute(engine::close);
        } catch (RuntimeException e) {
            events.getQueue().clear();
            events.execute(engine::close);
        }
        events.shutdown();
        try {
            if (!events.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Sync did not stop within 10 s");
                events.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
