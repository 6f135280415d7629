package vn.dvctt.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.support.EmbeddedTestPorts;

/**
 * Many village agents fetching the same guide from one server instance at once, all on this machine:
 * this JVM is the server (the HiveMQ CE broker and the application with its chunk server, at the
 * chunk server's configured workers and queue), started by the profile with a fixed {@code -Xmx};
 * the agents run in a second JVM ({@link FleetAgents}). Every agent's manifest is issued (retained)
 * first; then the agents start together. Prints, last: {@code fleet_sync_mbps} (guide bytes delivered
 * to all agents / seconds from the agents' start to the last agent holding its guide, in megabits per
 * second) and {@code server_heap_mb} (the highest heap use of this JVM seen during the sync: sampled
 * every 50 ms and read before every collection; with G1 this is mostly how full G1 lets the heap get
 * before it collects, so {@code server_heap_after_gc_mb}, the most that survived a collection, is
 * printed too).
 *
 * <p>{@code bench.agents} (200), {@code dvctt.*} (application properties, e.g. the chunk server's queue), {@code bench.size.mb} (100, the figure: 200 × 100 MB is 20 GB
 * sent, written and hashed on this 2-core machine, many minutes; pass e.g. 16 for a quick run),
 * {@code bench.timeout.s} (1800).
 */
public final class SyncFleetBenchmark {

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
        int agents = Integer.getInteger("bench.agents", 200);
        long size = Long.getLong("bench.size.mb", 100) * 1024 * 1024;
        long timeoutSeconds = Long.getLong("bench.timeout.s", 1800);
        int port = EmbeddedTestPorts.freePort();
        HeapPeak heap = new HeapPeak();

        // -Ddvctt.x=y reaches the application, e.g. the chunk server's dvctt.sync.chunk-queue
        Map<String, Object> app = new java.util.TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("dvctt."))
                .forEach(k -> app.put(k, System.getProperty(k)));
        try (SyncBenchServer server = new SyncBenchServer("127.0.0.1", port, app)) {
            ManifestEntry entry = server.storeGuide(size, Chunking.DEFAULT_CHUNK_SIZE_BYTES);
            String prefix = "fleet-" + UUID.randomUUID().toString().substring(0, 6) + "-";
            Path dir = Files.createTempDirectory("dvctt-fleet");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
            command.addAll(List.of(System.getProperty("bench.agents.jvm", "-Xmx2g -Xss256k").trim().split("\\s+")));
            command.addAll(List.of("-classpath", System.getProperty("java.class.path"), FleetAgents.class.getName(),
                    "tcp://127.0.0.1:" + port, SyncBenchServer.USER, SyncBenchServer.PASSWORD, prefix,
                    String.valueOf(agents), dir.toString(), entry.contentId()));
            // the manifests are retained: issued first, every agent starts on its own the moment it connects
            long p0 = System.nanoTime();
            for (int i = 0; i < agents; i++) {
                server.publishManifest(prefix + i, entry);
            }
            double publishSeconds = (System.nanoTime() - p0) / 1e9;
            System.gc();
            heap.start();
            Process fleet = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                CountDownLatch ready = new CountDownLatch(1);
                CountDownLatch done = new CountDownLatch(agents);
                AtomicReference<String> stats = new AtomicReference<>("");
                AtomicLong startedAt = new AtomicLong();
                Thread reader = new Thread(() -> read(fleet, startedAt, ready, done, stats), "fleet-output");
                reader.setDaemon(true);
                reader.start();
                if (!ready.await(180, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the agents did not all connect within 180 s");
                }
                long t0 = startedAt.get();
                double readySeconds = (System.nanoTime() - t0) / 1e9;
                if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new IllegalStateException((agents - done.getCount()) + " of " + agents
                            + " agents held the guide after " + timeoutSeconds + " s");
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                heap.stop();
                long deadline = System.currentTimeMillis() + 5000;
                while (stats.get().isEmpty() && System.currentTimeMillis() < deadline) {
                    SyncBenchServer.sleep(50);
                }
                double bytes = (double) agents * entry.sizeBytes();
                System.out.printf("fleet: %d agents (one JVM, real PahoBrokerLink + SyncRunner each), guide %d MB in %d KiB "
                                + "chunks, server -Xmx %d MB (broker and application in one JVM); %d manifests issued (retained) in %.1f s "
                                + "before the agents started; all connected %.1f s after the start%n",
                        agents, size / (1024 * 1024), entry.chunkSizeBytes() / 1024,
                        Runtime.getRuntime().maxMemory() / (1024 * 1024), agents, publishSeconds, readySeconds);
                System.out.println("agents: " + stats.get().replaceFirst("^stats ", "") + (app.isEmpty() ? "" : "; server " + app));
                System.out.printf("fleet_agents: %d%n", agents);
                System.out.printf("fleet_bytes: %.0f bytes%n", bytes);
                System.out.printf("fleet_seconds: %.1f s%n", seconds);
                System.out.printf("fleet_chunks_served: %.0f%n", server.chunks("served"));
                System.out.printf("fleet_chunk_requests_dropped: %.0f%n", server.chunks("dropped"));
                System.out.printf("server_heap_after_gc_mb: %.0f MB%n", heap.afterGcPeakMb());
                System.out.printf("fleet_sync_mbps: %.1f Mbit/s%n", bytes * 8 / 1e6 / seconds);
                System.out.printf("server_heap_mb: %.0f MB%n", heap.peakMb());
            } finally {
                fleet.getOutputStream().close(); // the agents stop when their stdin closes
                if (!fleet.waitFor(60, TimeUnit.SECONDS)) {
                    fleet.destroyForcibly();
                }
                SyncBenchServer.deleteTree(dir);
            }
        }
    }

    private static void read(Process fleet, AtomicLong startedAt, CountDownLatch ready,
                             CountDownLatch done, AtomicReference<String> stats) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(fleet.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals("start")) {
                    startedAt.set(System.nanoTime());
                } else if (line.equals("ready")) {
                    ready.countDown();
                } else if (line.startsWith("done ")) {
                    done.countDown();
                } else if (line.startsWith("stats ")) {
                    stats.set(line);
                } else {
                    System.out.println("agents: " + line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Highest heap use: sampled, and read from every collection's "before" figures (the true highs). */

    private SyncFleetBenchmark() {
    }
}
