package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvctt.agent.journal.Journal;
import vn.dvctt.agent.journal.JournalTestData;
import vn.dvctt.agent.outbox.Outbox;
import vn.dvctt.agent.outbox.OutboxSender;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.Channel;
import vn.dvctt.content.EventAck;
import vn.dvctt.content.EventBatch;
import vn.dvctt.content.Topics;

/**
 * The outbox against a real broker (TEST_MQTT_URL; fails under CI=true when there is none) and a tiny
 * stand-in server that acks what it receives but loses some acks; the agent's connection is cut
 * mid-stream. In the end the server has seen every journalled event and the journal has none pending.
 */
class OutboxIT {

    @TempDir
    Path dir;

    @Test
    void everyJournalledEventReachesTheServerDespiteLostAcksAndACutConnection() throws Exception {
        String brokerUrl = TestBroker.url();
        String deviceId = "it-" + UUID.randomUUID();
        URI broker = URI.create(brokerUrl);
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger batches = new AtomicInteger();
        MqttClient server = new MqttClient(brokerUrl, "it-server-" + UUID.randomUUID(), new MemoryPersistence());
        server.setCallback(new ServerCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                EventBatch batch = EventBatch.fromPayload(message.getPayload());
                List<String> ids = batch.events().stream().map(AgentEvent::id).toList();
                received.addAll(ids);
                if (batches.incrementAndGet() % 3 == 2) {
                    return; // this ack is lost: the agent must send these events again
                }
                new Thread(() -> {
                    try {
                        server.publish(Topics.device(deviceId, Channel.EVENT_ACK),
                                EventAck.of(deviceId, ids, List.of()).toPayload(), 1, false);
                    } catch (MqttException e) {
                        throw new IllegalStateException(e);
                    }
                }).start();
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        server.connect(options);
        server.subscribe(Topics.device(deviceId, Channel.EVENTS), 1);
        server.publish(Topics.device(deviceId, Channel.BRIEF), JournalTestData.brief(deviceId, 42).toPayload(), 1, true);

        try (TcpProxy proxy = new TcpProxy(broker.getHost(), broker.getPort() == -1 ? 1883 : broker.getPort(), 0);
             Journal journal = Journal.openIn(dir, Clock.systemUTC())) {
            String session = AgentEvent.newId();
            journal.append(session, "m-lan", new AgentEvent.SessionStarted(null, "Buổi không có lịch"));
            for (int i = 0; i < 1_100; i++) {
                journal.append(session, "m-lan", new AgentEvent.AttendanceChanged(1, null, null));
            }
            PahoBrokerLink link = new PahoBrokerLink(new AgentConfig("tcp://127.0.0.1:" + proxy.port(), deviceId, null,
                    null, dir), "it-version", Duration.ofSeconds(2));
            Outbox outbox = new Outbox(deviceId, link, journal,
                    new OutboxSender.Settings(2, Duration.ofSeconds(3), Duration.ofSeconds(1)));
            try {
                outbox.start();
                link.connect().get(10, TimeUnit.SECONDS);
                waitFor(() -> received.size() > 300, "the first batches");

                proxy.cutConnections();
                for (int i = 0; i < 40; i++) {
                    journal.append(session, "m-lan", new AgentEvent.AttendanceChanged(-1, null, null));
                    outbox.sender().wake();
                }
                journal.append(session, "m-lan", new AgentEvent.SessionEnded("hết"));
                outbox.sender().wake();

                waitFor(() -> journal.pendingCount() == 0, "every event acknowledged");
                waitFor(() -> journal.brief().isPresent(), "the retained brief");
            } finally {
                outbox.close();
                link.close();
            }

            Set<String> journalled = new HashSet<>();
            journal.eventsOf(session).forEach(e -> journalled.add(e.id()));
            assertThat(journalled).hasSize(1_142);
            assertThat(received).isEqualTo(journalled);
            assertThat(journal.session(session).orElseThrow().attendance()).isEqualTo(1_060);
            assertThat(journal.brief().orElseThrow().version()).isEqualTo(42);
            assertThat(outbox.sender().stats().eventsSent()).as("events whose ack was lost were sent again")
                    .isGreaterThan(1_142);
        } finally {
            server.publish(Topics.device(deviceId, Channel.BRIEF), new byte[0], 1, true);
            server.publish(Topics.device(deviceId, Channel.STATUS), new byte[0], 1, true);
            server.disconnect();
            server.close();
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private abstract static class ServerCallback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
