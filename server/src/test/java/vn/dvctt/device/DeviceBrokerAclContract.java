package vn.dvctt.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvctt.content.Channel;
import vn.dvctt.content.DeviceStatus;
import vn.dvctt.content.Enrollment;
import vn.dvctt.content.Topics;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.training.TrainingFixture;

/**
 * What a device may do on a real broker with real Paho v5 clients, after enrolling over the real HTTP
 * endpoint: only its own topics, in the direction its channel says; never as another device; cut off at
 * once when revoked. Subclasses pick the broker (embedded HiveMQ, spawned Mosquitto); committed data, so
 * each runs in a context of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeviceBrokerAclContract {

    @LocalServerPort
    int httpPort;
    @Autowired
    TrainingFixture data;
    @Autowired
    DeviceService devices;
    @Autowired
    MqttGateway gateway;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final List<MqttAsyncClient> clients = new java.util.ArrayList<>();
    Enrollment.Response a;
    Enrollment.Response b;

    @BeforeAll
    void enrollTwoDevices() throws Exception {
        data.load();
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(gateway::isConnected);
        a = enroll(register(data.kheMa.id(), "hoanhmo.organizer").code());
        b = enroll(register(data.pacPoc.id(), "hoanhmo.organizer").code());
    }

    @AfterAll
    void closeClients() {
        for (MqttAsyncClient c : clients) {
            try {
                if (c.isConnected()) {
                    c.disconnectForcibly(1000);
                }
                c.close(true);
            } catch (MqttException e) {
                // the test is over
            }
        }
    }

    IssuedCode register(long venueId, String organizer) {
        return data.fixture.as(organizer, () -> devices.register(venueId, "http://127.0.0.1:" + httpPort));
    }

    HttpResponse<byte[]> post(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + Enrollment.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    Enrollment.Response enroll(String code) throws Exception {
        HttpResponse<byte[]> response = post(Enrollment.Request.of(code).toPayload());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return Enrollment.Response.fromPayload(response.body());
    }

    /** Connects as an agent does: clean start, no session, OFFLINE Will on its own status topic. */
    MqttAsyncClient connect(Enrollment.Response as, String username, String password, String clientId,
                            BlockingQueue<String> received) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(as.brokerUrl(), clientId, new MemoryPersistence());
        clients.add(client);
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
                received.add("DISCONNECTED");
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                received.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setConnectionTimeout(10);
        o.setUserName(username);
        o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        if (username.equals(clientId)) {
            o.setWill(Topics.device(clientId, Channel.STATUS),
                    new MqttMessage(DeviceStatus.offline(clientId, "test", 1L).toPayload(), 1, true, null));
        }
        client.connect(o).waitForCompletion(15_000);
        return client;
    }

    MqttAsyncClient connect(Enrollment.Response as, BlockingQueue<String> received) throws MqttException {
        return connect(as, as.username(), as.password(), as.deviceId(), received);
    }

    /** Whether the broker accepted a QoS 1 publish (PUBACK below 0x80). */
    static boolean published(MqttAsyncClient client, String topic, byte[] payload, boolean retained) {
        try {
            IMqttToken token = client.publish(topic, new MqttMessage(payload, 1, retained, null));
            token.waitForCompletion(10_000);
            int[] codes = token.getReasonCodes();
            return codes == null || codes.length == 0 || codes[0] < 0x80;
        } catch (MqttException e) {
            return false;
        }
    }

    /** Whether the broker granted a subscription (SUBACK below 0x80). */
    static boolean subscribed(MqttAsyncClient client, String filter) {
        try {
            IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
            token.waitForCompletion(10_000);
            int[] codes = token.getReasonCodes();
            return codes != null && codes.length > 0 && codes[0] < 0x80;
        } catch (MqttException e) {
            return false;
        }
    }

    DeviceData seenByServer(String deviceId) {
        return data.fixture.as("qn.admin", () -> devices.find(deviceId)).orElseThrow();
    }

    @Test
    void theEndpointNeedsNoLoginNorCsrfAndRefusesReusedExpiredAndGarbageCodes() throws Exception {
        IssuedCode code = register(data.hoanhMoHall.id(), "hoanhmo.organizer");
        jdbc.update("update device set code_expires_at = ? where device_id = ?",
                Timestamp.from(Instant.now().minusSeconds(5)), code.deviceId());

        HttpResponse<byte[]> expired = post(Enrollment.Request.of(code.code()).toPayload());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(Enrollment.Refusal.fromPayload(expired.body()).reason()).isEqualTo(Enrollment.Reason.EXPIRED);

        IssuedCode fresh = data.fixture.as("hoanhmo.organizer", () -> devices.reenrol(code.deviceId(), "http://x"));
        enroll(fresh.code());
        HttpResponse<byte[]> reused = post(Enrollment.Request.of(fresh.code()).toPayload());
        assertThat(reused.statusCode()).isEqualTo(403);
        assertThat(Enrollment.Refusal.fromPayload(reused.body()).reason()).isEqualTo(Enrollment.Reason.USED);

        HttpResponse<byte[]> garbage = post("{\"code\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(Enrollment.Refusal.fromPayload(garbage.body()).reason()).isEqualTo(Enrollment.Reason.MALFORMED);
    }

    @Test
    void aDevicePublishesOnlyOnItsOwnDeviceToServerChannels() throws Exception {
        MqttAsyncClient deviceA = connect(a, new LinkedBlockingQueue<>());

        assertThat(published(deviceA, Topics.device(a.deviceId(), Channel.STATUS),
                DeviceStatus.online(a.deviceId(), "0.9.0", 1L).toPayload(), true)).isTrue();
        Awaitility.await().atMost(15, TimeUnit.SECONDS).until(() -> seenByServer(a.deviceId()).online());
        assertThat(seenByServer(a.deviceId()).agentVersion()).isEqualTo("0.9.0");

        deviceA.disconnect().waitForCompletion(5_000);

        assertThat(publishedOnFreshConnection(a, Topics.device(b.deviceId(), Channel.STATUS),
                DeviceStatus.online(b.deviceId(), "6.6.6", 1L).toPayload())).as("as B").isFalse();
        assertThat(publishedOnFreshConnection(a, Topics.device(a.deviceId(), Channel.MANIFEST), new byte[] {1}))
                .as("a server → device channel").isFalse();
        assertThat(publishedOnFreshConnection(a, "dvctt/v1/other", new byte[] {1})).isFalse();
        Thread.sleep(500);
        assertThat(seenByServer(b.deviceId()).online()).isFalse();
    }

    /** Each attempt on its own connection: a broker may drop a client after a refused publish (HiveMQ does). */
    boolean publishedOnFreshConnection(Enrollment.Response as, String topic, byte[] payload) throws Exception {
        MqttAsyncClient client = connect(as, new LinkedBlockingQueue<>());
        boolean accepted = published(client, topic, payload, true);
        try {
            client.disconnectForcibly(0, 1_000, false);
        } catch (MqttException e) {
            // the broker may have closed the connection first (HiveMQ does after a refused publish)
            assertThat(accepted).isFalse();
        }
        return accepted;
    }

    @Test
    void aDeviceReadsItsOwnManifestAndNeverAnotherDevicesManifest() throws Exception {
        gateway.publish(Topics.device(a.deviceId(), Channel.MANIFEST), "manifest of A".getBytes(), 1, true)
                .waitForCompletion(5_000);
        gateway.publish(Topics.device(b.deviceId(), Channel.MANIFEST), "manifest of B".getBytes(), 1, true)
                .waitForCompletion(5_000);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttAsyncClient deviceA = connect(a, received);

        assertThat(subscribed(deviceA, Topics.device(b.deviceId(), Channel.MANIFEST))).isFalse();
        assertThat(subscribed(deviceA, "dvctt/v1/dev/+/manifest")).isFalse();
        assertThat(subscribed(deviceA, "#")).isFalse();
        assertThat(subscribed(deviceA, Topics.device(a.deviceId(), Channel.STATUS))).as("device → server").isFalse();
        assertThat(subscribed(deviceA, Topics.device(a.deviceId(), Channel.MANIFEST))).isTrue();
        assertThat(subscribed(deviceA, Topics.device(a.deviceId(), Channel.CHUNK))).isTrue();

        assertThat(received.poll(10, TimeUnit.SECONDS))
                .isEqualTo(Topics.device(a.deviceId(), Channel.MANIFEST) + " manifest of A");
        assertThat(received.poll(1, TimeUnit.SECONDS)).as("nothing of B's").isNull();
    }

    @Test
    void aDeviceCannotConnectUnderAnotherDevicesNameOrClientId() throws Exception {
        assertThatThrownBy(() -> connect(a, b.username(), a.password(), b.deviceId(), new LinkedBlockingQueue<>()))
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect(a, a.username(), a.password(), b.deviceId(), new LinkedBlockingQueue<>()))
                .as("B's client id would knock B off").isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect(a, a.username(), "guess", a.deviceId(), new LinkedBlockingQueue<>()))
                .isInstanceOf(MqttException.class);
        assertThat(connect(b, new LinkedBlockingQueue<>()).isConnected()).isTrue();
    }

    @Test
    void aRevokedDeviceIsDisconnectedAtOnceAndRefusedWhenItComesBack() throws Exception {
        Enrollment.Response c = enroll(register(data.naSa.id(), "qn.organizer").code());
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        MqttAsyncClient deviceC = connect(c, events);
        assertThat(deviceC.isConnected()).isTrue();

        long before = System.nanoTime();
        data.fixture.as("qn.organizer", () -> devices.revoke(c.deviceId()));

        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("DISCONNECTED");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        assertThat(deviceC.isConnected()).isFalse();
        assertThatThrownBy(() -> connect(c, new LinkedBlockingQueue<>())).isInstanceOf(MqttException.class);
        Awaitility.await("the broker confirmed").atMost(10, TimeUnit.SECONDS).until(() -> !jdbc.queryForObject(
                "select broker_pending from device where device_id = ?", Boolean.class, c.deviceId()));
    }
}
