package vn.dvctt.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dvctt.agent.AgentConfig;
import vn.dvctt.agent.PahoBrokerLink;
import vn.dvctt.agent.TcpProxy;
import vn.dvctt.agent.sync.ContentFolder;
import vn.dvctt.agent.sync.SyncRunner;
import vn.dvctt.agent.sync.SyncSettings;
import vn.dvctt.content.Channel;
import vn.dvctt.content.ChunkRequest;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Sha256;
import vn.dvctt.content.Topics;
import vn.dvctt.media.ContentStore;
import vn.dvctt.media.StoredContent;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.security.CurrentUser;

/**
 * The server and a real agent over a real broker: a guide of a few MB is issued, downloaded, cut off
 * mid-way and resumed, and a device asking for content outside its manifest gets nothing.
 */
@SpringBootTest(properties = "logging.level.vn.dvctt.sync=DEBUG")
@ActiveProfiles("test")
class ContentSyncEndToEndIT {

    private static final int CHUNK = 64 * 1024;
    private static final int SLICE = 16 * 1024;
    private static final int SIZE = 3 * 1024 * 1024 + 12_345;
    private static final int IN_FLIGHT = 8; // slices: a window of two chunks

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        SyncBroker.register(registry);
    }

    @Autowired
    ContentSync sync;
    @Autowired
    ContentStore store;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MqttGateway gateway;

    @TempDir
    Path agentDir;

    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void anAgentDownloadsAGuideInSlicesResumesAfterACutAndRefetchesAtMostAWindow() throws Exception {
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(gateway::isConnected);
        byte[] video = new byte[SIZE];
        new Random(42).nextBytes(video);
        StoredContent stored = store.put(new ByteArrayInputStream(video), SIZE);
        ManifestEntry entry;
        try (InputStream in = store.open(stored.sha256())) {
            entry = Chunking.hash(in, CHUNK).toEntry("guide-1", "Hướng dẫn nộp hồ sơ trực tuyến", 0);
        }
        String deviceId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        double servedBefore = bytesServed();

        TcpProxy proxy = new TcpProxy("127.0.0.1", SyncBroker.port(), 0);
        closing.add(proxy);
        // ~1 MB/s, so the cut lands mid-file
        SyncSettings settings = SyncSettings.DEFAULTS.withRequestsInFlight(IN_FLIGHT).withSliceBytes(SLICE)
                .withIgnoreDownloadWindow(true).withRequestTimeout(Duration.ofSeconds(20)).withBandwidth(1024 * 1024);
        SyncRunner agent = agent(deviceId, proxy.port(), settings);

        currentUser.runAsSystem(() -> sync.publishManifest(deviceId, 64L * 1024 * 1024, DownloadWindow.ALL_DAY, List.of(entry)));

        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> agent.stats().bytesWritten() >= SIZE / 3);
        proxy.cutConnections();
        long writtenAtCut = agent.stats().bytesWritten();
        assertThat(writtenAtCut).as("cut mid-file").isLessThan(SIZE);

        Path playable = agentDir.resolve("content").resolve(entry.contentId());
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> Files.exists(playable));
        try (InputStream in = Files.newInputStream(playable)) {
            assertThat(Sha256.hex(in)).isEqualTo(entry.contentId());
        }
        long slices = (SIZE + SLICE - 1) / SLICE; // every chunk but the last is four whole slices, the last fewer
        long refetchedRequests = agent.stats().requestsSent() - slices;
        double extraBytesServed = bytesServed() - servedBefore - SIZE;
        System.out.printf("e2e: %d chunks, %d slices, %d requests (%d asked again), %d duplicate, %.0f extra bytes served%n",
                entry.chunkCount(), slices, agent.stats().requestsSent(), refetchedRequests, agent.stats().chunksDuplicate(),
                extraBytesServed);
        assertThat(agent.stats().chunksWritten()).as("no chunk written twice").isEqualTo(entry.chunkCount());
        assertThat(agent.stats().chunksRejected()).isZero();
        assertThat(refetchedRequests).as("at most about one window asked again").isLessThanOrEqualTo(IN_FLIGHT + 1);
        assertThat(extraBytesServed).as("a cut costs at most the window's slices")
                .isLessThanOrEqualTo((IN_FLIGHT + 1) * (double) SLICE);
    }

    @Test
    void aDeviceGetsNoChunkOfContentOutsideItsManifest() throws Exception {
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(gateway::isConnected);
        byte[] guide = new byte[100_000];
        new Random(7).nextBytes(guide);
        byte[] photo = new byte[50_000];
        new Random(8).nextBytes(photo);
        StoredContent g = store.put(new ByteArrayInputStream(guide), guide.length);
        StoredContent p = store.put(new ByteArrayInputStream(photo), photo.length);
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(guide), CHUNK).toEntry("g", "Hướng dẫn", 0);
        String device = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        currentUser.runAsSystem(() -> sync.publishManifest(device, 1 << 20, DownloadWindow.ALL_DAY, List.of(entry)));

        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient client = client(received);
        client.subscribe(Topics.device(device, Channel.CHUNK), 0);
        client.subscribe(Topics.device(other, Channel.CHUNK), 0);
        double deniedBefore = denied();

        request(client, device, device, p.sha256(), 0);   // a photo in the store, not in its manifest
        request(client, other, other, g.sha256(), 0);     // listed, but for another device
        request(client, device, other, g.sha256(), 0);    // the payload names another device than the topic
        request(client, device, device, g.sha256(), 99);  // past the last chunk
        slice(client, device, p.sha256(), 0, 0, 100);          // a slice of the photo
        slice(client, device, g.sha256(), 0, CHUNK - 10, 11);  // reaching past the end of chunk 0
        slice(client, device, g.sha256(), 1, 34_000, 465);    // past the end of the last chunk (34,464 bytes)
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> denied() - deniedBefore >= 6);
        request(client, device, device, g.sha256(), 1);        // the good requests, answered last
        slice(client, device, g.sha256(), 0, 100, 50);
        slice(client, device, g.sha256(), 1, 34_000, 464);

        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 3);
        Thread.sleep(500);
        String chunks = Topics.device(device, Channel.CHUNK) + " " + g.sha256();
        assertThat(received).containsExactlyInAnyOrder(chunks + " 1 at 0+34464", chunks + " 0 at 100+50",
                chunks + " 1 at 34000+464");
        assertThat(denied() - deniedBefore).isEqualTo(7);
    }

    private SyncRunner agent(String deviceId, int port, SyncSettings settings) {
        AgentConfig config = new AgentConfig("tcp://127.0.0.1:" + port, deviceId, SyncBroker.USER, SyncBroker.PASSWORD,
                agentDir, settings, agentDir.resolve("logs"));
        PahoBrokerLink link = new PahoBrokerLink(config, "e2e");
        SyncRunner runner = new SyncRunner(deviceId, "e2e", link, new ContentFolder(agentDir), settings);
        closing.add(link);
        closing.add(runner);
        runner.start();
        link.connect();
        return runner;
    }

    private void request(MqttClient client, String topicDevice, String payloadDevice, String contentId, int index)
            throws MqttException {
        client.publish(Topics.device(topicDevice, Channel.CHUNK_REQUEST),
                ChunkRequest.of(payloadDevice, UUID.randomUUID().toString(), contentId, index).toPayload(), 0, false);
    }

    private void slice(MqttClient client, String device, String contentId, int index, int offset, int length)
            throws MqttException {
        client.publish(Topics.device(device, Channel.CHUNK_REQUEST),
                ChunkRequest.slice(device, UUID.randomUUID().toString(), contentId, index, offset, length).toPayload(), 0, false);
    }

    private double bytesServed() {
        return meters.get("dvctt.sync.chunk.bytes").counter().count();
    }

    private double denied() {
        return meters.get("dvctt.sync.chunks").tag("outcome", "denied").counter().count();
    }

    private MqttClient client(List<String> received) throws MqttException {
        MqttClient client = new MqttClient(SyncBroker.url(), "probe-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                var chunk = vn.dvctt.content.Chunk.fromFrame(message.getPayload());
                received.add(topic + " " + chunk.contentId() + " " + chunk.index() + " at " + chunk.offset() + "+" + chunk.length());
            }

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
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(SyncBroker.USER);
        options.setPassword(SyncBroker.PASSWORD.getBytes());
        client.connect(options);
        closing.add(() -> {
            client.disconnect();
            client.close();
        });
        return client;
    }
}
