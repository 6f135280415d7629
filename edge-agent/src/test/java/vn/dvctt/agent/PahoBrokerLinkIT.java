package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvctt.content.Channel;
import vn.dvctt.content.DeviceStatus;
import vn.dvctt.content.DeviceStatus.State;
import vn.dvctt.content.Topics;

/**
 * The agent's presence as the server will see it, against a real broker. The agent reaches the
 * broker through a {@link TcpProxy} so a test can cut its connection without a DISCONNECT.
 */
class PahoBrokerLinkIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private String brokerUrl;
    private String deviceId;
    private String statusTopic;
    // closed in this order: agents first, so they can still reach the broker to say goodbye
    private final List<AutoCloseable> agents = new ArrayList<>();
    private final List<AutoCloseable> others = new ArrayList<>();

    @BeforeEach
    void pickBrokerAndDevice() {
        brokerUrl = TestBroker.url();
        // a fresh id per test: retained statuses of earlier runs cannot leak in
        deviceId = "it-" + UUID.randomUUID();
        statusTopic = Topics.device(deviceId, Channel.STATUS);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : agents) {
            closeable.close();
        }
        for (AutoCloseable closeable : others) {
            closeable.close();
        }
        // leave no retained status behind in the shared broker
        Subscriber janitor = new Subscriber(brokerUrl);
        janitor.client.publish(statusTopic, new byte[0], 1, true);
        janitor.close();
    }

    @Test
    void subscriberReceivesRetainedOnlineAfterAgentConnects() throws Exception {
        PahoBrokerLink agent = agentVia(proxy().port());

        agent.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Subscriber subscriber = subscriber(); // subscribes only now: the status must have been retained

        Received first = subscriber.next();
        assertThat(first.retained()).isTrue();
        assertThat(first.status().state()).isEqualTo(State.ONLINE);
        assertThat(first.status().deviceId()).isEqualTo(deviceId);
        assertThat(first.status().agentVersion()).isEqualTo("it-version");
        assertThat(agent.isConnected()).isTrue();
    }

    @Test
    void subscriberReceivesOfflineFromTheWillWhenTheConnectionDropsAndOnlineAfterReconnect() throws Exception {
        TcpProxy proxy = proxy();
        PahoBrokerLink agent = agentVia(proxy.port());
        Subscriber subscriber = subscriber();
        agent.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        DeviceStatus online = subscriber.next().status();
        assertThat(online.state()).isEqualTo(State.ONLINE);

        proxy.cutConnections();

        DeviceStatus will = subscriber.next().status();
        assertThat(will.state()).isEqualTo(State.OFFLINE);
        assertThat(will.deviceId()).isEqualTo(deviceId);
        assertThat(will.at()).as("a Will carries the time it was registered").isLessThanOrEqualTo(online.at());

        DeviceStatus again = subscriber.next().status();
        assertThat(again.state()).as("Paho reconnects and the agent announces itself again").isEqualTo(State.ONLINE);
        assertThat(again.at()).isGreaterThan(online.at());
        assertThat(subscriber().next().status().state()).isEqualTo(State.ONLINE);
    }

    @Test
    void subscriberReceivesOfflineWhenTheAgentClosesCleanly() throws Exception {
        PahoBrokerLink agent = agentVia(proxy().port());
        Subscriber subscriber = subscriber();
        agent.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        DeviceStatus online = subscriber.next().status();

        agent.close();

        DeviceStatus offline = subscriber.next().status();
        assertThat(offline.state()).isEqualTo(State.OFFLINE);
        assertThat(offline.at()).isGreaterThanOrEqualTo(online.at());
        assertThat(agent.isConnected()).isFalse();
        assertThat(subscriber.poll(Duration.ofSeconds(1))).as("a clean disconnect discards the Will").isNull();
        Received retained = subscriber().next();
        assertThat(retained.retained()).isTrue();
        assertThat(retained.status().state()).isEqualTo(State.OFFLINE);
    }

    @Test
    void agentComesOnlineOnceTheBrokerBecomesReachableAfterStart() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free now; nothing listens there until the proxy starts
        }
        PahoBrokerLink agent = agentVia(port);
        Subscriber subscriber = subscriber();

        CompletableFuture<Void> online = agent.connect();
        Thread.sleep(300);
        assertThat(online).as("nothing to connect to yet").isNotDone();
        proxy(port);

        online.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(subscriber.next().status().state()).isEqualTo(State.ONLINE);
    }

    @Test
    void agentClosedWhileReconnectingNeverComesBack() throws Exception {
        TcpProxy proxy = proxy();
        int port = proxy.port();
        PahoBrokerLink agent = agentVia(port);
        Subscriber subscriber = subscriber();
        agent.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(subscriber.next().status().state()).isEqualTo(State.ONLINE);

        proxy.close(); // broker unreachable: Paho starts its reconnect cycle
        assertThat(subscriber.next().status().state()).isEqualTo(State.OFFLINE);
        waitUntil(() -> !agent.isConnected());
        Thread.sleep(1_500); // let the first reconnect attempt (after 1 s) fail
        agent.close();
        TcpProxy reachableAgain = proxy(port);

        // Paho's reconnect back-off is 1 s, then 2 s: a surviving cycle would knock within 3 s
        assertThat(subscriber.poll(Duration.ofSeconds(4))).as("no ONLINE after close").isNull();
        assertThat(reachableAgain.connectionsAccepted()).isZero();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + WAIT).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private PahoBrokerLink agentVia(int proxyPort) {
        AgentConfig config = new AgentConfig("tcp://127.0.0.1:" + proxyPort, deviceId, null, null, Path.of("target/it-data"));
        // a short keep-alive so a dead link would also be noticed within seconds
        PahoBrokerLink link = new PahoBrokerLink(config, "it-version", Duration.ofSeconds(2));
        agents.add(link);
        return link;
    }

    private TcpProxy proxy() throws IOException {
        return proxy(0);
    }

    private TcpProxy proxy(int listenPort) throws IOException {
        URI broker = URI.create(brokerUrl);
        assertThat(broker.getScheme()).as("the proxy relays plain TCP; TEST_MQTT_URL must be tcp://").isEqualTo("tcp");
        TcpProxy proxy = new TcpProxy(broker.getHost(), broker.getPort() == -1 ? 1883 : broker.getPort(), listenPort);
        others.add(proxy);
        return proxy;
    }

    private Subscriber subscriber() throws MqttException {
        Subscriber subscriber = new Subscriber(brokerUrl);
        others.add(subscriber);
        subscriber.subscribe(statusTopic);
        return subscriber;
    }

    record Received(DeviceStatus status, boolean retained) {
    }

    /** What the server will be: a separate MQTT 5 client reading device statuses. */
    private static final class Subscriber implements AutoCloseable {

        final MqttClient client;
        final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();

        Subscriber(String brokerUrl) throws MqttException {
            client = new MqttClient(brokerUrl, "it-sub-" + UUID.randomUUID(), new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    try {
                        arrivals.add(new Received(DeviceStatus.fromPayload(message.getPayload()), message.isRetained()));
                    } catch (RuntimeException e) {
                        arrivals.add(e); // surfaces as a test failure instead of dying in Paho's thread
                    }
                }

                @Override
                public void disconnected(MqttDisconnectResponse response) {
                    // the tests close it themselves; an unexpected loss shows up as a missing message
                }

                @Override
                public void mqttErrorOccurred(MqttException exception) {
                    arrivals.add(exception);
                }

                @Override
                public void deliveryComplete(IMqttToken token) {
                    // publishes are synchronous here
                }

                @Override
                public void connectComplete(boolean reconnect, String serverURI) {
                    // connect is synchronous here
                }

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {
                    // no enhanced authentication
                }
            });
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options);
        }

        void subscribe(String topic) throws MqttException {
            client.subscribe(topic, 1);
        }

        Received next() throws InterruptedException {
            Received received = poll(WAIT);
            assertThat(received).as("a status message within " + WAIT).isNotNull();
            return received;
        }

        Received poll(Duration timeout) throws InterruptedException {
            Object arrival = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (arrival instanceof Throwable t) {
                throw new AssertionError("subscriber failed", t);
            }
            return (Received) arrival;
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }
}
