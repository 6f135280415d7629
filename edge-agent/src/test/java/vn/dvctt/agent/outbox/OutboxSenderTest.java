package vn.dvctt.agent.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvctt.agent.BrokerLink;
import vn.dvctt.agent.journal.Journal;
import vn.dvctt.agent.journal.JournalTestData;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.Channel;
import vn.dvctt.content.EventAck;
import vn.dvctt.content.EventBatch;
import vn.dvctt.content.Topics;

class OutboxSenderTest {

    private static final String DEVICE = "dev-1";
    private static final String EVENTS = Topics.device(DEVICE, Channel.EVENTS);
    private static final String ACKS = Topics.device(DEVICE, Channel.EVENT_ACK);
    private static final String BRIEF = Topics.device(DEVICE, Channel.BRIEF);

    @TempDir
    Path dir;
    private Journal journal;
    private final FakeLink link = new FakeLink();
    private final MutableClock clock = new MutableClock();
    private OutboxSender sender;
    private String session;

    @BeforeEach
    void start() {
        journal = Journal.openIn(dir, clock);
        sender = new OutboxSender(DEVICE, link, journal, clock, Runnable::run,
                new OutboxSender.Settings(2, Duration.ofSeconds(20), Duration.ofSeconds(5)));
        sender.start();
        session = AgentEvent.newId();
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private List<AgentEvent> record(int count) {
        List<AgentEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(journal.append(session, "m1", new AgentEvent.AttendanceChanged(1, null, null)));
        }
        return events;
    }

    private void ack(List<String> stored, List<EventAck.Rejection> rejected) {
        link.deliver(ACKS, EventAck.of(DEVICE, stored, rejected).toPayload());
    }

    private void ackAll(EventBatch batch) {
        ack(batch.events().stream().map(AgentEvent::id).toList(), List.of());
    }

    @Test
    void sendsPendingEventsOldestFirstInBatchesOfAtMostFiveHundredWithinTheWindow() {
        List<AgentEvent> events = record(1_200);

        sender.wake();

        assertThat(link.batches()).hasSize(2); // the window: 2 batches in flight
        assertThat(link.batches().get(0).events()).hasSize(500).startsWith(events.get(0));
        assertThat(link.batches().get(1).events().get(0)).isEqualTo(events.get(500));
        assertThat(link.published).allSatisfy(p -> {
            assertThat(p.topic()).isEqualTo(EVENTS);
            assertThat(p.qos()).isEqualTo(1);
            assertThat(p.retained()).isFalse();
            assertThat(p.payload().length).isLessThanOrEqualTo(EventBatch.MAX_PAYLOAD_BYTES);
        });

        ackAll(link.batches().get(0));

        assertThat(link.batches()).hasSize(3);
        assertThat(link.batches().get(2).events()).hasSize(200).startsWith(events.get(1_000));
        assertThat(journal.pendingCount()).isEqualTo(700);
    }

    @Test
    void keepsBatchesUnder256KiB() {
        for (int i = 0; i < 300; i++) {
            journal.append(session, "m1", new AgentEvent.SessionEnded("x".repeat(AgentEvent.MAX_TEXT)));
        }

        sender.wake();

        assertThat(link.published).hasSize(2);
        assertThat(link.published).allSatisfy(p -> assertThat(p.payload().length).isLessThanOrEqualTo(EventBatch.MAX_PAYLOAD_BYTES));
        assertThat(link.batches().get(0).events().size()).isBetween(100, 130);
    }

    @Test
    void resendsWhatStaysUnacknowledgedAfterTheTimeoutWhenAnAckIsLost() {
        List<AgentEvent> events = record(3);
        sender.wake();
        assertThat(link.batches()).hasSize(1);
        // the server stored the first two, the ack naming the third was lost
        ack(List.of(events.get(0).id(), events.get(1).id()), List.of());

        clock.advance(Duration.ofSeconds(19));
        sender.tick();
        assertThat(link.batches()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        sender.tick();

        assertThat(link.batches()).hasSize(2);
        assertThat(link.batches().get(1).events()).containsExactly(events.get(2));
        assertThat(sender.stats().timeouts()).isEqualTo(1);
    }

    @Test
    void duplicateAndLateAcksChangeNothing() {
        List<AgentEvent> events = record(2);
        sender.wake();
        EventBatch batch = link.batches().get(0);

        ackAll(batch);
        ackAll(batch);
        ack(List.of(AgentEvent.newId()), List.of()); // an event this agent never had

        assertThat(journal.pendingCount()).isZero();
        assertThat(journal.entry(events.get(0).id()).orElseThrow().state()).isEqualTo(Journal.State.STORED);
        assertThat(sender.stats().eventsStored()).isEqualTo(2);
        assertThat(sender.stats().batchesInFlight()).isZero();
        assertThat(link.batches()).hasSize(1);
    }

    @Test
    void aReconnectMidBatchSendsEveryUnacknowledgedEventAgain() {
        List<AgentEvent> events = record(700);
        sender.wake();
        assertThat(link.batches()).hasSize(2);
        ack(events.subList(0, 100).stream().map(AgentEvent::id).toList(), List.of());

        link.cut();
        record(1);
        sender.wake();
        assertThat(link.batches()).as("nothing is sent while offline").hasSize(2);
        link.reconnect();

        List<EventBatch> resent = link.batches().subList(2, link.batches().size());
        assertThat(resent).hasSize(2);
        assertThat(resent.get(0).events().get(0)).isEqualTo(events.get(100));
        assertThat(resent.stream().mapToInt(b -> b.events().size()).sum()).isEqualTo(601);
    }

    @Test
    void aRejectedEventIsKeptWithItsReasonAndNotSentAgain() {
        List<AgentEvent> events = record(2);
        sender.wake();

        ack(List.of(events.get(0).id()), List.of(new EventAck.Rejection(events.get(1).id(), "session of another venue")));
        clock.advance(Duration.ofSeconds(60));
        sender.tick();

        assertThat(link.batches()).hasSize(1);
        assertThat(journal.entry(events.get(1).id()).orElseThrow().reason()).isEqualTo("session of another venue");
        assertThat(sender.stats().eventsRejected()).isEqualTo(1);
    }

    @Test
    void malformedOrForeignAcksAreCountedAndSendingCarriesOn() {
        List<AgentEvent> events = record(1);
        sender.wake();

        link.deliver(ACKS, "{not json".getBytes(StandardCharsets.UTF_8));
        link.deliver(ACKS, new byte[0]);
        link.deliver(ACKS, "{\"schemaVersion\":99,\"deviceId\":\"dev-1\",\"stored\":[],\"rejected\":[]}".getBytes(StandardCharsets.UTF_8));
        link.deliver(ACKS, EventAck.of("dev-2", List.of(events.get(0).id()), List.of()).toPayload());

        assertThat(sender.stats().malformedAcks()).isEqualTo(4);
        assertThat(journal.pendingCount()).as("another device's ack marks nothing").isEqualTo(1);
        ack(List.of(events.get(0).id()), List.of());
        assertThat(journal.pendingCount()).isZero();
    }

    @Test
    void aFailedPublishIsRetriedAfterAPause() {
        record(1);
        link.failPublishes = true;
        sender.wake();
        assertThat(link.attempts).isEqualTo(1);

        link.failPublishes = false;
        sender.tick();
        assertThat(link.attempts).as("quiet for a while after a failure").isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        sender.tick();

        assertThat(link.batches()).hasSize(1);
    }

    @Test
    void storesOnlyANewerBriefForThisDeviceAndSurvivesGarbage() {
        link.deliver(BRIEF, JournalTestData.brief(DEVICE, 3).toPayload());
        link.deliver(BRIEF, JournalTestData.brief(DEVICE, 2).toPayload());
        link.deliver(BRIEF, JournalTestData.brief("dev-2", 9).toPayload());
        link.deliver(BRIEF, "garbage".getBytes(StandardCharsets.UTF_8));
        link.deliver(BRIEF, new byte[0]);

        assertThat(journal.brief().orElseThrow().version()).isEqualTo(3);
        assertThat(sender.stats().briefsStored()).isEqualTo(1);
        assertThat(sender.stats().malformedBriefs()).isEqualTo(2);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-06-01T01:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A broker link in memory: publishes succeed (PUBACK) unless told to fail. */
    static final class FakeLink implements BrokerLink {
        record Published(String topic, byte[] payload, int qos, boolean retained) {
        }

        final List<Published> published = new ArrayList<>();
        private final Map<String, MessageHandler> handlers = new HashMap<>();
        private final List<Runnable> listeners = new ArrayList<>();
        boolean connected = true;
        boolean failPublishes;
        int attempts;

        List<EventBatch> batches() {
            return published.stream().map(p -> EventBatch.fromPayload(p.payload())).toList();
        }

        @Override
        public CompletableFuture<Void> connect() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
            attempts++;
            if (!connected || failPublishes) {
                return CompletableFuture.failedFuture(new IOException("not connected"));
            }
            published.add(new Published(topic, payload.clone(), qos, retained));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> subscribe(String topic, int qos, MessageHandler handler) {
            handlers.put(topic, handler);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onConnected(Runnable listener) {
            listeners.add(listener);
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        void deliver(String topic, byte[] payload) {
            handlers.get(topic).accept(topic, payload);
        }

        void cut() {
            connected = false;
        }

        void reconnect() {
            connected = true;
            listeners.forEach(Runnable::run);
        }

        @Override
        public void close() {
            connected = false;
        }
    }
}
