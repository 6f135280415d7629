package vn.dvctt.bench;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dvctt.DvcttApplication;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.media.ContentStore;
import vn.dvctt.media.StoredContent;
import vn.dvctt.mqtt.EmbeddedBroker;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.mqtt.MqttProperties;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.sync.ContentSync;

/**
 * The server side of the sync benchmarks: a HiveMQ CE broker with one account that the server and the
 * benchmark's agents share (device accounts belong to the device feature), and the whole application
 * (H2 in a temporary directory, no demo data, no Quartz) connected to it as to an external broker, so
 * chunks are served by the real {@code ChunkServer} for manifests issued by the real {@link ContentSync}.
 */
final class SyncBenchServer implements AutoCloseable {

    static final String USER = "dvctt-bench";
    static final String PASSWORD = "bench-secret-" + Long.toHexString(new Random().nextLong());

    private final Path dir;
    private final EmbeddedBroker broker;
    private final ConfigurableApplicationContext context;

    /**
     * @param bindAddress where the broker listens for agents
     * @param extra       more application properties (e.g. the chunk server's workers)
     */
    SyncBenchServer(String bindAddress, int port, Map<String, Object> extra) throws IOException {
        dir = Files.createTempDirectory("dvctt-sync-bench");
        broker = new EmbeddedBroker(new MqttProperties.Embedded(true, port, bindAddress), dir.resolve("broker"),
                EmbeddedBroker.BrokerAccounts.single(USER, PASSWORD));
        broker.start();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db") + "/bench");
        props.put("server.port", "0");
        props.put("dvctt.demo.enabled", "false");
        props.put("dvctt.data-dir", dir.toString());
        props.put("dvctt.mqtt.embedded.enabled", "false");
        props.put("dvctt.mqtt.url", "tcp://127.0.0.1:" + port);
        props.put("dvctt.mqtt.username", USER);
        props.put("dvctt.mqtt.password", PASSWORD);
        props.put("spring.quartz.auto-startup", "false");
        props.put("logging.level.root", "WARN");
        props.putAll(extra);
        String[] argv = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try {
            context = new SpringApplicationBuilder(DvcttApplication.class).run(argv);
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
        MqttGateway gateway = context.getBean(MqttGateway.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!gateway.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not connect to the broker");
            }
            sleep(100);
        }
    }

    /** Puts {@code size} random bytes into the content store and lists them as one guide. */
    ManifestEntry storeGuide(long size, int chunkSize) throws IOException {
        Path file = dir.resolve("guide.bin");
        byte[] block = new byte[1024 * 1024];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        ContentStore store = context.getBean(ContentStore.class);
        StoredContent stored;
        try (InputStream in = Files.newInputStream(file)) {
            stored = store.put(in, size);
        }
        ManifestEntry entry;
        try (InputStream in = store.open(stored.sha256())) {
            entry = Chunking.hash(in, chunkSize).toEntry("bench-guide", "Hướng dẫn nộp hồ sơ trực tuyến (benchmark)", 0);
        }
        Files.delete(file);
        return entry;
    }

    void publishManifest(String deviceId, ManifestEntry entry) {
        ContentSync sync = context.getBean(ContentSync.class);
        context.getBean(CurrentUser.class).runAsSystem(() ->
                sync.publishManifest(deviceId, entry.sizeBytes() * 2, DownloadWindow.ALL_DAY, List.of(entry)));
    }

    /** Chunk bytes the chunk server handed to the broker since start. */
    double bytesServed() {
        return context.getBean(MeterRegistry.class).get("dvctt.sync.chunk.bytes").counter().count();
    }

    /** Chunks with this outcome (served, dropped, denied, malformed, failed) since start. */
    double chunks(String outcome) {
        return context.getBean(MeterRegistry.class).get("dvctt.sync.chunks").tag("outcome", outcome).counter().count();
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            broker.stop();
            deleteTree(dir);
        }
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temporary directory
                }
            });
        } catch (IOException e) {
            // already gone
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
