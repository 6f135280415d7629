package vn.dvctt.ingest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Component;
import vn.dvctt.content.Channel;
import vn.dvctt.content.EventAck;
import vn.dvctt.content.Topics;
import vn.dvctt.mqtt.AckingSubscriber;
import vn.dvctt.mqtt.AckingSubscriber.Delivery;
import vn.dvctt.mqtt.MqttGateway;

/**
 * Reads the events channel through the servers' shared subscription, so each batch goes to one
 * instance, and stores what arrives on one worker thread in groups (one transaction per group). A
 * message is acknowledged to the broker only after its group committed; then the agents get their
 * {@link EventAck}s and the sessions with new events are projected. The broker sends at most
 * {@code dvctt.ingest.receive-maximum} unacknowledged messages, which bounds the queue: while the
 * database is down, ingestion waits and retries, and the broker holds the rest.
 */
@Component
class IngestConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestConsumer.class);
    private static final int MAX_GROUP_EVENTS = 5_000;

    private final MqttGateway gateway;
    private final EventIngestor ingestor;
    private final SessionProjector projector;
    private final IngestMetrics metrics;
    private final int receiveMaximum;
    /** All instances of one deployment share it; only tests sharing one broker among deployments change it. */
    private final String shareGroup;
    private final BlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
    private volatile AckingSubscriber subscriber;
    private volatile Thread worker;

    IngestConsumer(MqttGateway gateway, EventIngestor ingestor, SessionProjector projector, IngestMetrics metrics,
                   @Value("${dvctt.ingest.receive-maximum:64}") int receiveMaximum,
                   @Value("${dvctt.ingest.share-group:" + Topics.SERVER_SHARE_GROUP + "}") String shareGroup) {
        this.shareGroup = shareGroup;
        this.gateway = gateway;
        this.ingestor = ingestor;
        this.projector = projector;
        this.metrics = metrics;
        this.receiveMaximum = receiveMaximum;
    }

    @Override
    public void start() {
        subscriber = gateway.ackingSubscriber("ingest", Topics.sharedSubscription(shareGroup, Topics.allDevices(Channel.EVENTS)),
                Channel.EVENTS.qos(), receiveMaximum, d -> {
                    queue.add(d);
                    metrics.queued.set(queue.size());
                });
        worker = new Thread(this::run, "ingest-events");
        worker.setDaemon(true);
        worker.start();
        subscriber.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            List<Delivery> group = new ArrayList<>();
            try {
                group.add(queue.take());
                int events = estimate(group.get(0));
                Delivery next;
                while (events < MAX_GROUP_EVENTS && (next = queue.poll()) != null) {
                    group.add(next);
                    events += estimate(next);
                }
                metrics.queued.set(queue.size());
                handle(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Ingestion of {} messages failed; they stay unacknowledged and come again", group.size(), e);
            }
        }
    }

    /** A batch of n events is about 200 bytes an event; good enough to size a transaction. */
    private static int estimate(Delivery d) {
        return Math.max(1, d.payload().length / 200);
    }

    private void handle(List<Delivery> group) throws InterruptedException {
        EventIngestor.Outcome outcome = storeWithRetry(group);
        if (outcome == null) {
            return;
        }
        long now = System.nanoTime();
        for (Delivery d : group) {
            subscriber.ack(d);
            metrics.lag(Duration.ofNanos(now - d.receivedNanos()));
        }
        metrics.stored(outcome.stored());
        metrics.duplicates(outcome.duplicates());
        for (EventAck ack : outcome.acks()) {
            try {
                gateway.publish(Topics.device(ack.deviceId(), Channel.EVENT_ACK), ack.toPayload(),
                        Channel.EVENT_ACK.qos(), Channel.EVENT_ACK.retained());
            } catch (Exception e) {
                // the agent re-sends after its timeout and gets the ack then
                log.warn("Event ack to {} not sent: {}", ack.deviceId(), e.getMessage());
            }
        }
        projector.projectLater(outcome.sessionsWithNewEvents());
    }

    /**
     * Retries while the database is unreachable. A group the database refuses for its data (a constraint,
     * a value it will not take) is split, so one bad message cannot hold the others back; a single
     * message it refuses is acknowledged, dead-lettered and its events refused to the agent, so that it
     * neither comes back forever nor holds one of the broker's in-flight slots.
     */
    private EventIngestor.Outcome storeWithRetry(List<Delivery> group) throws InterruptedException {
        long pauseMs = 500;
        while (subscriber != null) {
            try {
                return ingestor.ingest(group);
            } catch (DataIntegrityViolationException | InvalidDataAccessApiUsageException
                     | UncategorizedSQLException e) {
                if (group.size() > 1) {
                    for (Delivery d : group) {
                        handle(List.of(d));
                    }
                    return null;
                }
                log.error("Events message on {} refused by the database; dead-lettered", group.get(0).topic(), e);
                return ingestor.refuseWhole(group.get(0), "storage refused: " + e.getMostSpecificCause().getMessage());
            } catch (RuntimeException e) {
                // connection refused, failover, lock timeout...: the data is fine, the database is not
                log.warn("Storing {} event messages failed ({}); retrying in {} ms", group.size(), e.getMessage(), pauseMs);
                TimeUnit.MILLISECONDS.sleep(pauseMs);
                pauseMs = Math.min(pauseMs * 2, 10_000);
            }
        }
        return null;
    }

    @Override
    public void stop() {
        AckingSubscriber s = subscriber;
        subscriber = null;
        if (s != null) {
            s.close();
        }
        Thread w = worker;
        if (w != null) {
            w.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return subscriber != null;
    }

    boolean isConnected() {
        AckingSubscriber s = subscriber;
        return s != null && s.isConnected();
    }
}
