package vn.dvctt.agent.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import vn.dvctt.agent.BrokerLink;
import vn.dvctt.agent.Log;
import vn.dvctt.agent.journal.Journal;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.Channel;
import vn.dvctt.content.EventAck;
import vn.dvctt.content.EventBatch;
import vn.dvctt.content.RunnerBrief;
import vn.dvctt.content.Topics;

/**
 * Sends the journal's pending events to the server and marks them as the server answers (content
 * docs/decisions/0004): oldest first, in {@link EventBatch}es of at most {@value EventBatch#MAX_EVENTS}
 * events and {@value EventBatch#MAX_PAYLOAD_BYTES} bytes, at QoS 1, a few batches in flight. An event stays
 * pending until an {@link EventAck} names it; a batch not fully acknowledged within the timeout, and every
 * batch in flight when the link reconnects, is sent again (duplicates are harmless: the server keys on the
 * event id). Also keeps the newest {@link RunnerBrief} the server retains for this device.
 *
 * <p>All state is touched on one thread, the {@code executor}: broker callbacks only hand work to it.
 */
public final class OutboxSender {

    private static final Log log = Log.of(OutboxSender.class);

    /** {"schemaVersion":1,"deviceId":"…","events":[…]} around the events; generous, the limit is far away. */
    private static final int ENVELOPE_BYTES = 256;

    public record Settings(int batchesInFlight, Duration ackTimeout, Duration retryAfterFailure) {
        public static final Settings DEFAULTS = new Settings(4, Duration.ofSeconds(20), Duration.ofSeconds(5));

        public Settings {
            if (batchesInFlight < 1) {
                throw new IllegalArgumentException("batchesInFlight must be >= 1");
            }
        }
    }

    /** Counters for the page, logs and tests. */
    public record Stats(long batchesSent, long eventsSent, long eventsStored, long eventsRejected, long acks,
                        long malformedAcks, long timeouts, long reconnects, long briefsStored, long malformedBriefs,
                        int batchesInFlight) {
    }

    private record Batch(long number, long firstSeq, long lastSeq, Set<String> remaining, long sentAt) {
    }

    private final String deviceId;
    private final BrokerLink link;
    private final Journal journal;
    private final Clock clock;
    private final Executor executor;
    private final Settings settings;
    private final String eventsTopic;

    // executor thread only
    private final Map<Long, Batch> inFlight = new LinkedHashMap<>();
    private final Set<String> inFlightIds = new HashSet<>();
    private long cursor;
    private long nextBatch = 1;
    private long quietUntil;

    private final AtomicLong batchesSent = new AtomicLong();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong eventsStored = new AtomicLong();
    private final AtomicLong eventsRejected = new AtomicLong();
    private final AtomicLong acks = new AtomicLong();
    private final AtomicLong malformedAcks = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong briefsStored = new AtomicLong();
    private final AtomicLong malformedBriefs = new AtomicLong();
    private volatile int batchesInFlight;

    /** @param executor runs every step, one at a time (a single thread in the agent, the caller in tests) */
    public OutboxSender(String deviceId, BrokerLink link, Journal journal, Clock clock, Executor executor,
                        Settings settings) {
        this.deviceId = deviceId;
        this.link = link;
        this.journal = journal;
        this.clock = clock;
        this.executor = executor;
        this.settings = settings;
        this.eventsTopic = Topics.device(deviceId, Channel.EVENTS);
    }

    /** Subscribes to acks and the brief; sends on every (re)connect. @return completes when both were granted */
    public CompletableFuture<Void> start() {
        link.onConnected(() -> executor.execute(this::reconnected));
        CompletableFuture<Void> ack = link.subscribe(Topics.device(deviceId, Channel.EVENT_ACK), Channel.EVENT_ACK.qos(),
                (topic, payload) -> executor.execute(() -> handleAck(payload)));
        CompletableFuture<Void> brief = link.subscribe(Topics.device(deviceId, Channel.BRIEF), Channel.BRIEF.qos(),
                (topic, payload) -> executor.execute(() -> handleBrief(payload)));
        return CompletableFuture.allOf(ack, brief);
    }

    /** Something was journalled: send it now rather than at the next tick. */
    public void wake() {
        executor.execute(this::fill);
    }

    /** Periodic: gives up on batches the server did not acknowledge in time, then sends. */
    public void tick() {
        executor.execute(() -> {
            long now = clock.millis();
            for (Iterator<Batch> it = inFlight.values().iterator(); it.hasNext(); ) {
                Batch batch = it.next();
                if (now - batch.sentAt() >= settings.ackTimeout().toMillis()) {
                    log.info("No ack for batch {} ({} of its events) within {} s; sending them again", batch.number(),
                            batch.remaining().size(), settings.ackTimeout().toSeconds());
                    timeouts.incrementAndGet();
                    it.remove();
                    forget(batch);
                }
            }
            fill();
        });
    }

    public Stats stats() {
        return new Stats(batchesSent.get(), eventsSent.get(), eventsStored.get(), eventsRejected.get(), acks.get(),
                malformedAcks.get(), timeouts.get(), reconnects.get(), briefsStored.get(), malformedBriefs.get(),
                batchesInFlight);
    }

    public boolean online() {
        return link.isConnected();
    }

    private void reconnected() {
        // what was in flight may have died with the connection: send every unacknowledged event again
        reconnects.incrementAndGet();
        inFlight.clear();
        inFlightIds.clear();
        cursor = 0;
        quietUntil = 0;
        batchesInFlight = 0;
        fill();
    }

    private void forget(Batch batch) {
        inFlightIds.removeAll(batch.remaining());
        cursor = Math.min(cursor, batch.firstSeq() - 1);
        batchesInFlight = inFlight.size();
    }

    private void fill() {
        try {
            // checked each round: a publish may fail at once and ask for a pause
            while (inFlight.size() < settings.batchesInFlight() && link.isConnected() && clock.millis() >= quietUntil) {
                List<AgentEvent> candidates = journal.pendingAfter(cursor, EventBatch.MAX_EVENTS);
                if (candidates.isEmpty()) {
                    return;
                }
                List<AgentEvent> events = new ArrayList<>();
                int bytes = ENVELOPE_BYTES + deviceId.length();
                for (AgentEvent event : candidates) {
                    if (inFlightIds.contains(event.id())) {
                        if (!events.isEmpty()) {
                            break; // a batch is a run of consecutive pending events
                        }
                        cursor = event.seq();
                        continue;
                    }
                    int size = event.toJson().getBytes(StandardCharsets.UTF_8).length + 1;
                    if (!events.isEmpty() && bytes + size > EventBatch.MAX_PAYLOAD_BYTES) {
                        break;
                    }
                    events.add(event);
                    bytes += size;
                }
                if (!events.isEmpty()) {
                    send(events);
                }
            }
        } catch (RuntimeException e) {
            log.error("Sending journalled events failed; trying again at the next tick", e);
        }
    }

    private void send(List<AgentEvent> events) {
        byte[] payload = EventBatch.of(deviceId, events).toPayload();
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.id()));
        Batch batch = new Batch(nextBatch++, events.get(0).seq(), events.get(events.size() - 1).seq(), ids, clock.millis());
        inFlight.put(batch.number(), batch);
        inFlightIds.addAll(ids);
        cursor = batch.lastSeq();
        batchesInFlight = inFlight.size();
        batchesSent.incrementAndGet();
        eventsSent.addAndGet(events.size());
        link.publish(eventsTopic, payload, Channel.EVENTS.qos(), Channel.EVENTS.retained())
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        executor.execute(() -> publishFailed(batch, error));
                    }
                });
    }

    private void publishFailed(Batch batch, Throwable error) {
        if (inFlight.remove(batch.number()) != null) {
            log.warn("Publishing batch {} failed ({}); sending again in {} s", batch.number(), error.getMessage(),
                    settings.retryAfterFailure().toSeconds());
            forget(batch);
            quietUntil = clock.millis() + settings.retryAfterFailure().toMillis();
        }
    }

    void handleAck(byte[] payload) {
        EventAck ack;
        try {
            ack = EventAck.fromPayload(payload);
        } catch (RuntimeException e) { // MalformedPayloadException, or a bug: never stop on an ack
            malformedAcks.incrementAndGet();
            log.warn("Ignoring a malformed event ack ({} bytes): {}", payload.length, e.getMessage());
            return;
        }
        if (!ack.deviceId().equals(deviceId)) {
            malformedAcks.incrementAndGet();
            log.warn("Ignoring an event ack for device {} on this device's topic", ack.deviceId());
            return;
        }
        try {
            acks.incrementAndGet();
            eventsStored.addAndGet(journal.markStored(ack.stored()));
            for (EventAck.Rejection rejection : ack.rejected()) {
                if (journal.markRejected(rejection.event(), rejection.reason()) > 0) {
                    eventsRejected.incrementAndGet();
                    log.warn("The server refused event {} for good: {}", rejection.event(), rejection.reason());
                }
            }
        } catch (RuntimeException e) {
            // not marked: the events stay pending and are sent again, which the server absorbs
            log.error("Recording an event ack failed", e);
            return;
        }
        Set<String> answered = new HashSet<>(ack.stored());
        ack.rejected().forEach(r -> answered.add(r.event()));
        for (Iterator<Batch> it = inFlight.values().iterator(); it.hasNext(); ) {
            Batch batch = it.next();
            if (batch.remaining().removeAll(answered) && batch.remaining().isEmpty()) {
                it.remove();
            }
        }
        inFlightIds.removeAll(answered);
        batchesInFlight = inFlight.size();
        fill();
    }

    void handleBrief(byte[] payload) {
        if (payload.length == 0) {
            log.info("The runner brief was cleared on the broker; keeping the one held");
            return;
        }
        try {
            RunnerBrief brief = RunnerBrief.fromPayload(payload);
            if (!brief.deviceId().equals(deviceId)) {
                malformedBriefs.incrementAndGet();
                log.warn("Ignoring a runner brief for device {}", brief.deviceId());
                return;
            }
            if (journal.storeBrief(brief)) {
                briefsStored.incrementAndGet();
                log.info("Runner brief version {}: {} sessions, {} procedures, {} members", brief.version(),
                        brief.sessions().size(), brief.procedures().size(), brief.members().size());
            }
        } catch (RuntimeException e) {
            malformedBriefs.incrementAndGet();
            log.warn("Ignoring a runner brief that cannot be used: {}", e.getMessage());
        }
    }
}
