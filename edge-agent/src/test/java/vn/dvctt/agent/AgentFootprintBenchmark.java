package vn.dvctt.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import vn.dvctt.content.Channel;
import vn.dvctt.content.Chunk;
import vn.dvctt.content.ChunkRequest;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Topics;

/**
 * Footprint of a real agent process (the shaded jar, with the JVM flags a village PC service uses)
 * while it syncs a 96 MB guide from a stand-in chunk server over a real broker. Prints, last:
 * {@code agent_rss_mb} (peak VmRSS during the sync), {@code agent_session_rss_mb} (peak VmRSS while a session
 * is recorded on the runner page's API and the guide is streamed through its Range requests, as a video
 * player does, for {@code -Dbench.agent.session.seconds}, default 20), {@code agent_jar_mb},
 * {@code agent_ready_ms} (process start to connected and subscribed).
 *
 * <p>It runs the agent as the Linux service does: the JVM flags and environment of
 * {@code deploy/agent/dvctt-agent.service}'s {@code ExecStart} and {@code Environment} lines, and the CDS
 * archive its {@code ExecStartPre} builds with the agent's own {@code cds} command (decision 0003).
 * {@code -Dbench.agent.flags="..."} and {@code -Dbench.agent.env="..."} try others;
 * {@code -Dbench.agent.cds=false} runs on the JDK's default archive instead.
 *
 * <p>Arguments: the agent jar, the systemd unit. Broker: {@code TEST_MQTT_URL}, else {@code tcp://127.0.0.1:1883}.
 */
public final class AgentFootprintBenchmark {

    private static final int SIZE = 96 * 1024 * 1024;
    /** How long the guide is streamed through the session runner while the RSS is sampled. */
    private static final int SESSION_SECONDS = Integer.getInteger("bench.agent.session.seconds", 20);

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "edge-agent/target/dvctt-edge-agent.jar");
        ServiceUnit unit = ServiceUnit.read(Path.of(args.length > 1 ? args[1] : "deploy/agent/dvctt-agent.service"));
        List<String> jvmFlags = System.getProperty("bench.agent.flags") != null
                ? List.of(System.getProperty("bench.agent.flags").trim().split("\\s+")) : unit.jvmFlags();
        java.util.Map<String, String> env = System.getProperty("bench.agent.env") != null
                ? ServiceUnit.environment(System.getProperty("bench.agent.env")) : unit.environment();
        boolean cds = Boolean.parseBoolean(System.getProperty("bench.agent.cds", "true"));
        String broker = System.getenv().getOrDefault("TEST_MQTT_URL", "tcp://127.0.0.1:1883");
        String device = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Path work = Files.createTempDirectory("dvctt-agent-bench");
        Path video = work.resolve("video.bin");
        writeRandom(video, SIZE);
        ManifestEntry entry = Chunking.hash(video, Chunking.DEFAULT_CHUNK_SIZE_BYTES).toEntry("bench", "Benchmark guide", 0);

        MqttClient server = new MqttClient(broker, "bench-server-" + UUID.randomUUID(), new MemoryPersistence());
        ExecutorService answers = Executors.newSingleThreadExecutor();
        RandomAccessFile file = new RandomAccessFile(video.toFile(), "r");
        String eventsTopic = Topics.device(device, Channel.EVENTS);
        server.setCallback(new Callback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (topic.equals(eventsTopic)) {
                    answers.execute(() -> ack(server, device, message.getPayload()));
                } else {
                    answers.execute(() -> answer(server, file, entry, device, message.getPayload()));
                }
            }
        });
        server.connect(options());
        server.subscribe(Topics.device(device, Channel.CHUNK_REQUEST), 0);
        server.subscribe(eventsTopic, 1);
        // the session runner's brief: members with PINs, sessions, the procedure catalogue
        String briefTopic = Topics.device(device, Channel.BRIEF);
        server.publish(briefTopic, vn.dvctt.agent.journal.JournalTestData.brief(device, 1).toPayload(), 1, true);
        int runnerPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            runnerPort = free.getLocalPort();
        }
        String manifestTopic = Topics.device(device, Channel.MANIFEST);
        server.publish(manifestTopic, Manifest.of(device, 1, System.currentTimeMillis(), SIZE * 2L, DownloadWindow.ALL_DAY,
                List.of(entry)).toPayload(), 1, true);

        Path config = work.resolve("agent.properties");
        Files.writeString(config, "broker.url=" + broker + "\ndevice.id=" + device + "\ndata.dir=" + work.resolve("data")
                + "\nsync.download-window=always\nrunner.port=" + runnerPort + "\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        Path archive = work.resolve("agent.jsa");
        if (cds) {
            command.add("-XX:SharedArchiveFile=" + dumpArchive(command.get(0), jar, archive));
        }
        command.addAll(List.of("-jar", jar.toString(), config.toString()));

        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process agent = builder.start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains(EdgeAgent.READY)) {
                        ready.countDown();
                    }
                    if (line.contains("SEVERE") || line.contains("WARNING")) {
                        System.out.println("agent: " + line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the agent did not get ready within 30 s");
        }
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        long readyRssKb = rssKb(agent.pid());

        Path playable = work.resolve("data/content").resolve(entry.contentId());
        long peakRssKb = 0;
        String atPeak = "";
        String nmt = null;
        boolean tracking = jvmFlags.stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"));
        long syncStarted = System.nanoTime();
        while (!Files.exists(playable)) {
            long rss = rssKb(agent.pid());
            if (rss > peakRssKb) {
                peakRssKb = rss;
                atPeak = status(agent.pid(), "RssAnon", "RssFile", "RssShmem", "Threads");
            }
            if (tracking && nmt == null && System.nanoTime() - syncStarted > TimeUnit.SECONDS.toNanos(3)) {
                nmt = nativeMemory(agent.pid()); // mid-sync, once the RSS has grown
            }
            if (System.nanoTime() - syncStarted > TimeUnit.MINUTES.toNanos(5)) {
                throw new IllegalStateException("the guide was not synced within 5 minutes");
            }
            Thread.sleep(100);
        }
        double syncSeconds = (System.nanoTime() - syncStarted) / 1e9;
        peakRssKb = Math.max(peakRssKb, rssKb(agent.pid()));

        SessionLoad session = new SessionLoad(runnerPort, entry.contentId(), SIZE);
        long[] sessionPeak = {0};
        String[] atSessionPeak = {""};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long rss = rssKb(agent.pid());
                if (rss > sessionPeak[0]) {
                    sessionPeak[0] = rss;
                    atSessionPeak[0] = status(agent.pid(), "RssAnon", "RssFile", "RssShmem", "Threads");
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        SessionLoad.Result played = session.run(SESSION_SECONDS);
        sampler.interrupt();
        sampler.join();
        long sessionRssAfterKb = rssKb(agent.pid());
        String sessionNmt = tracking ? nativeMemory(agent.pid()) : null;

        agent.destroy();
        agent.waitFor(15, TimeUnit.SECONDS);
        server.publish(manifestTopic, new byte[0], 1, true);
        server.publish(briefTopic, new byte[0], 1, true);
        server.publish(Topics.device(device, Channel.STATUS), new byte[0], 1, true);
        server.disconnect();
        server.close();
        answers.shutdownNow();
        file.close();

        if (nmt != null) {
            System.out.println("--- native memory mid-sync ---");
            System.out.println(nmt);
            System.out.println("--- native memory after the session ---");
            System.out.println(sessionNmt);
        }
        System.out.printf("synced %d MB in %.1f s with flags %s%s; RSS when ready %.1f MB; at the peak %s%n",
                SIZE / (1024 * 1024), syncSeconds, jvmFlags, env.isEmpty() ? "" : " and environment " + env,
                readyRssKb / 1024.0, atPeak);
        System.out.printf("session: %d attendees, %d submissions recorded; guide streamed %d MB in %d range requests"
                        + " (%d seeks) for %d s; RSS at the session peak %s; after %.1f MB%n", played.attendees(),
                played.submissions(), played.bytes() / (1024 * 1024), played.requests(), played.seeks(), SESSION_SECONDS,
                atSessionPeak[0], sessionRssAfterKb / 1024.0);
        String archiveMb = cds ? String.format("%.1f MB", Files.size(archive) / (1024.0 * 1024.0)) : "none (the JDK's default archive)";
        deleteTree(work); // the guide and the agent's copy: ~200 MB a run
        System.out.printf("agent_cds_archive_mb: %s%n", archiveMb);
        System.out.printf("agent_rss_mb: %.1f MB%n", peakRssKb / 1024.0);
        System.out.printf("agent_session_rss_mb: %.1f MB%n", sessionPeak[0] / 1024.0);
        System.out.printf("agent_jar_mb: %.2f MB%n", Files.size(jar) / (1024.0 * 1024.0));
        System.out.printf("agent_ready_ms: %d ms%n", readyMillis);
    }

    private static void answer(MqttClient server, RandomAccessFile file, ManifestEntry entry, String device, byte[] payload) {
        try {
            ChunkRequest request = ChunkRequest.fromPayload(payload);
            // a version 1 request is the whole chunk, a version 2 one the slice it names (as ChunkServer answers)
            int offset = request.wholeChunk() ? 0 : request.offset();
            byte[] bytes = new byte[request.wholeChunk() ? entry.chunkLength(request.index()) : request.length()];
            synchronized (file) {
                file.seek((long) request.index() * entry.chunkSizeBytes() + offset);
                file.readFully(bytes);
            }
            Chunk answer = request.wholeChunk() ? Chunk.of(entry.contentId(), request.index(), bytes)
                    : Chunk.slice(entry.contentId(), request.index(), offset, bytes);
            MqttProperties properties = new MqttProperties();
            properties.setMessageExpiryInterval(Channel.CHUNK_MESSAGE_EXPIRY_SECONDS);
            server.publish(Topics.device(device, Channel.CHUNK), new MqttMessage(answer.toFrame(), 0, false, properties));
        } catch (IOException | MqttException | RuntimeException e) {
            System.out.println("bench server: " + e);
        }
    }

    /** The stand-in server stores nothing: it acknowledges every event, so the agent's outbox drains as in the field. */
    private static void ack(MqttClient server, String device, byte[] payload) {
        try {
            vn.dvctt.content.EventBatch batch = vn.dvctt.content.EventBatch.fromPayload(payload);
            server.publish(Topics.device(device, Channel.EVENT_ACK), vn.dvctt.content.EventAck.of(device,
                    batch.events().stream().map(vn.dvctt.content.AgentEvent::id).toList(), List.of()).toPayload(), 1, false);
        } catch (MqttException | RuntimeException e) {
            System.out.println("bench server: " + e);
        }
    }

    /** What the service's ExecStartPre runs: the agent's own {@code cds} command, with the same jar path. */
    static Path dumpArchive(String java, Path jar, Path archive) throws IOException, InterruptedException {
        Process dump = new ProcessBuilder(java, "-jar", jar.toString(), "cds", archive.toString())
                .redirectErrorStream(true).start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!dump.waitFor(120, TimeUnit.SECONDS) || dump.exitValue() != 0 || !Files.exists(archive)) {
            dump.destroyForcibly();
            throw new IllegalStateException("building the CDS archive failed: " + out);
        }
        return archive;
    }

    /** Some lines of /proc/pid/status, e.g. RssAnon (private) and RssFile (the JVM's libraries, the CDS archive). */
    static String status(long pid, String... keys) {
        StringBuilder out = new StringBuilder();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                for (String key : keys) {
                    if (line.startsWith(key + ":")) {
                        out.append(out.length() == 0 ? "" : ", ").append(line.replaceAll("\\s+", " "));
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return out.toString();
    }

    /** jcmd's native memory summary of the agent (needs -XX:NativeMemoryTracking=summary in its flags). */
    static String nativeMemory(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "VM.native_memory", "summary")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(20, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "jcmd failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** VmRSS of a process, from /proc (Linux). */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return 0;
    }

    private static void writeRandom(Path path, int size) throws IOException {
        byte[] block = new byte[1024 * 1024];
        Random random = new Random(1);
        try (var out = Files.newOutputStream(path)) {
            for (int written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    private static MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        return options;
    }

    private abstract static class Callback implements MqttCallback {
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
