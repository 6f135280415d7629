package vn.dvctt.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.ManifestEntry;

/**
 * One guide synced by a real agent process over a shaped, regularly cut link (run by
 * {@code src/test/bench/sync_link.py}, which builds the link and runs this class inside the server's
 * network namespace; needs root).
 *
 * <p>The server side (broker, application, chunk server) runs here; the agent (the shaded jar, with
 * the service's JVM flags) in the village namespace. Every {@code bench.cut.every} seconds after the
 * manifest is issued the link goes down for {@code bench.cut.seconds}: every packet is dropped, and in
 * the default {@code reset} mode the agent's connection is also destroyed at the cut (an interface that
 * went away: the agent notices at once and reconnects with its usual backoff); in {@code blackout} mode
 * TCP is left to ride it out.
 *
 * <p>Definitions. The sync time runs from the manifest being issued until the guide is whole and
 * playable. Link-up time is the sync time minus the time the link was down; the agent's reconnect
 * delay after a cut counts as link-up time (the link was usable, the agent was not using it), so it
 * counts against goodput. {@code sync_goodput_ratio} = content bytes / (link rate × link-up time).
 * {@code sync_refetched_bytes_per_cut} = (chunk bytes the chunk server sent − content bytes) / cuts:
 * what a cut made the server send again, whether or not all of it crossed the link.
 */
public final class SyncLinkBenchmark {

    private static final String DEFAULT_AGENT_FLAGS = "-Xmx16m -Xms4m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k "
            + "-XX:MaxMetaspaceSize=24m -XX:ReservedCodeCacheSize=8m -XX:-UsePerfData -XX:CICompilerCount=1 "
            + "-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"; // as AgentFootprintBenchmark.JVM_FLAGS in edge-agent
    private static final int PORT = 1883; // the server namespace has its own ports

    private record Cut(long downAt, long upAt) {
    }

    public static void main(String[] args) {
        try {
            benchmark(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // Paho and HiveMQ leave non-daemon threads behind
        }
        System.exit(0);
    }

    private static void benchmark(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        long size = Long.getLong("bench.size.mb", 48) * 1024 * 1024;
        int chunkSize = Integer.getInteger("bench.chunk.kb", Chunking.DEFAULT_CHUNK_SIZE_BYTES / 1024) * 1024;
        int inFlight = Integer.getInteger("bench.inflight", 0); // 0: the agent's default
        int sliceKb = Integer.getInteger("bench.slice.kb", -1); // -1: the agent's default; 0: whole chunks
        long cutEvery = Long.getLong("bench.cut.every", 30) * 1000;
        long cutLength = Long.getLong("bench.cut.seconds", 3) * 1000;
        String mode = System.getProperty("bench.cut.mode", "reset");
        long timeoutSeconds = Long.getLong("bench.timeout.s", 480);
        Path control = Path.of(System.getProperty("bench.link.control"));
        Path linkStats = Path.of(System.getProperty("bench.link.stats"));
        String agentNs = System.getProperty("bench.agent.ns");
        String serverIp = System.getProperty("bench.server.ip");
        double rateBytes = Integer.getInteger("bench.link.kbit", 4000) * 1000 / 8.0;

        try (SyncBenchServer server = new SyncBenchServer("0.0.0.0", PORT, Map.of());
             OutputStream link = Files.newOutputStream(control, StandardOpenOption.WRITE)) {
            ManifestEntry entry = server.storeGuide(size, chunkSize);
            String device = "bench-link-" + UUID.randomUUID().toString().substring(0, 8);
            Path work = Files.createTempDirectory("dvctt-link-agent");
            Path config = work.resolve("agent.properties");
            Files.writeString(config, "broker.url=tcp://" + serverIp + ":" + PORT + "\ndevice.id=" + device
                    + "\nbroker.username=" + SyncBenchServer.USER + "\nbroker.password=" + SyncBenchServer.PASSWORD
                    + "\ndata.dir=" + work.resolve("data") + "\nsync.download-window=always\n"
                    + (inFlight > 0 ? "sync.requests-in-flight=" + inFlight + "\n" : "")
                    + (sliceKb >= 0 ? "sync.slice-kb=" + sliceKb + "\n" : ""), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", agentNs,
                    ProcessHandle.current().info().command().orElse("java")));
            command.addAll(List.of(System.getProperty("bench.agent.flags", DEFAULT_AGENT_FLAGS).trim().split("\\s+")));
            command.addAll(List.of("-jar", jar.toString(), config.toString()));
            Process agent = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                List<Long> reconnects = new CopyOnWriteArrayList<>();
                AtomicLong lost = new AtomicLong();
                CountDownLatch ready = new CountDownLatch(1);
                Thread reader = new Thread(() -> read(agent, ready, reconnects, lost), "agent-output");
                reader.setDaemon(true);
                reader.start();
                if (!ready.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the agent did not get ready over the shaped link within 60 s");
                }
                Path playable = work.resolve("data/content").resolve(entry.contentId());

                long t0 = System.currentTimeMillis();
                server.publishManifest(device, entry);
                List<Cut> cuts = new ArrayList<>();
                long nextCut = t0 + cutEvery;
                while (!Files.exists(playable)) {
                    long now = System.currentTimeMillis();
                    if (now - t0 > timeoutSeconds * 1000) {
                        throw new IllegalStateException("the guide was not synced within " + timeoutSeconds + " s");
                    }
                    if (now >= nextCut) {
                        long down = System.currentTimeMillis();
                        command(link, "down");
                        if (mode.equals("reset")) {
                            run("ip", "netns", "exec", agentNs, "ss", "-K", "dst", serverIp);
                        }
                        SyncBenchServer.sleep(down + cutLength - System.currentTimeMillis());
                        command(link, "up");
                        cuts.add(new Cut(down, System.currentTimeMillis()));
                        nextCut += cutEvery;
                        continue;
                    }
                    SyncBenchServer.sleep(50);
                }
                long t1 = System.currentTimeMillis();
                SyncBenchServer.sleep(1500); // late answers to requests asked twice still count as served
                command(link, "stats");
                SyncBenchServer.sleep(300);
                Map<String, Long> linkCounters = counters(Files.readString(linkStats));

                double seconds = (t1 - t0) / 1000.0;
                double downSeconds = cuts.stream().mapToLong(c -> c.upAt() - c.downAt()).sum() / 1000.0;
                double reconnectSeconds = 0;
                for (Cut cut : cuts) {
                    // the first reconnect after the link came back; none in blackout mode when TCP held on
                    reconnectSeconds += reconnects.stream().filter(t -> t >= cut.upAt()).findFirst()
                            .filter(t -> t <= cut.upAt() + cutEvery).map(t -> (t - cut.upAt()) / 1000.0).orElse(0.0);
                }
                double upSeconds = seconds - downSeconds;
                double served = server.bytesServed();
                double refetched = served - entry.sizeBytes();
                long linkDown = linkCounters.getOrDefault("down_bytes", 0L);

                System.out.printf("link: %.0f kbit/s, %s ms each way, %.1f %% loss each way, TCP congestion control %s; "
                                + "cut %s for %d s every %d s; guide %d MB in %d KiB chunks, requests in flight: %s, slice: %s%n",
                        rateBytes * 8 / 1000, System.getProperty("bench.link.delay.ms"),
                        Double.parseDouble(System.getProperty("bench.link.loss")) * 100, System.getProperty("bench.link.cc"),
                        mode, cutLength / 1000, cutEvery / 1000, size / (1024 * 1024), chunkSize / 1024,
                        inFlight > 0 ? inFlight : "default",
                        sliceKb > 0 ? sliceKb + " KiB" : sliceKb == 0 ? "whole chunks" : "default");
                System.out.printf("agent: %d connections lost, %d reconnects; link packets lost at random %d down / %d up, "
                                + "to the full queue %d, to cuts %d%n", lost.get(), reconnects.size(),
                        linkCounters.getOrDefault("down_lost_random", 0L), linkCounters.getOrDefault("up_lost_random", 0L),
                        linkCounters.getOrDefault("down_lost_queue", 0L) + linkCounters.getOrDefault("up_lost_queue", 0L),
                        linkCounters.getOrDefault("down_lost_cut", 0L) + linkCounters.getOrDefault("up_lost_cut", 0L));
                System.out.printf("sync_cuts: %d%n", cuts.size());
                System.out.printf("sync_seconds: %.1f s%n", seconds);
                System.out.printf("sync_link_down_seconds: %.1f s%n", downSeconds);
                System.out.printf("sync_reconnect_seconds: %.1f s%n", reconnectSeconds);
                System.out.printf("sync_content_bytes: %d bytes%n", entry.sizeBytes());
                System.out.printf("sync_served_bytes: %.0f bytes%n", served);
                System.out.printf("sync_link_down_bytes: %d bytes%n", linkDown);
                System.out.printf("sync_link_overhead_ratio: %.3f%n", linkDown / (double) entry.sizeBytes());
                System.out.printf("sync_goodput_excluding_reconnect_ratio: %.3f%n",
                        entry.sizeBytes() / (rateBytes * (upSeconds - reconnectSeconds)));
                System.out.printf("sync_goodput_ratio: %.3f%n", entry.sizeBytes() / (rateBytes * upSeconds));
                System.out.printf("sync_refetched_bytes_per_cut: %.0f bytes%n", cuts.isEmpty() ? refetched : refetched / cuts.size());
            } finally {
                agent.destroy();
                if (!agent.waitFor(15, TimeUnit.SECONDS)) {
                    agent.destroyForcibly();
                }
                SyncBenchServer.deleteTree(work);
            }
        }
    }

    private static void read(Process agent, CountDownLatch ready, List<Long> reconnects, AtomicLong lost) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                long now = System.currentTimeMillis();
                if (line.contains("Ready: online and subscribed")) {
                    ready.countDown();
                } else if (line.contains("Reconnected to")) {
                    reconnects.add(now);
                } else if (line.contains("Lost connection")) {
                    lost.incrementAndGet();
                } else if (line.contains("SEVERE")) {
                    System.out.println("agent: " + line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void command(OutputStream link, String command) throws IOException {
        link.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        link.flush();
    }

    private static Map<String, Long> counters(String line) {
        Map<String, Long> counters = new HashMap<>();
        for (String pair : line.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                counters.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return counters;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private SyncLinkBenchmark() {
    }
}
