package vn.dvctt.agent.outbox;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.dvctt.agent.BrokerLink;
import vn.dvctt.agent.journal.Journal;

/** Runs an {@link OutboxSender} on one daemon thread with a tick every second. */
public final class Outbox implements AutoCloseable {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dvctt-outbox");
        t.setDaemon(true);
        return t;
    });
    private final OutboxSender sender;

    public Outbox(String deviceId, BrokerLink link, Journal journal, OutboxSender.Settings settings) {
        this.sender = new OutboxSender(deviceId, link, journal, Clock.systemUTC(), thread, settings);
    }

    /** @return completes when the ack and brief subscriptions were first granted */
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> subscribed = sender.start();
        thread.scheduleWithFixedDelay(sender::tick, 1, 1, TimeUnit.SECONDS);
        return subscribed;
    }

    public OutboxSender sender() {
        return sender;
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
