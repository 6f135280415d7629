package vn.dvctt.bench;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvctt.DvcttApplication;
import vn.dvctt.device.DeviceService;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.procedure.ProcedureService;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.venue.VenueService;

/**
 * Session-event ingestion at full load on this machine, in the production set-up: the whole server
 * (this JVM, a fixed -Xmx from the profile) on PostgreSQL (a fresh database {@code dvctt_bench} on the
 * local server) and the local Mosquitto as an external broker, reading through the shared subscription
 * with acks after commit; the agents in a second JVM ({@link IngestAgents}), one MQTT connection each,
 * every one releasing a journal of {@code bench.events} events at once, as after an outage.
 *
 * <p>Prints, last: {@code ingest_events_per_s} (distinct events stored and acknowledged to their
 * agents / seconds from the release to the last ack), {@code ingest_ack_p95_ms} (a batch's publish to
 * its ack, the lag an agent sees), {@code backlog_drain_s} (the release to the last ack),
 * {@code server_heap_mb} (peak heap during the drain, see {@link HeapPeak}) and the stored and
 * duplicate counts checked against the database. Properties: {@code bench.agents} (200),
 * {@code bench.events} per agent (5000: 1M in all), {@code bench.batch} (500), {@code bench.window} (2),
 * {@code bench.pg} (jdbc:postgresql://127.0.0.1:5432/), {@code bench.mqtt} (tcp://127.0.0.1:1883).
 */
public final class IngestBenchmark {

    public static void main(String[] args) {
        try {
            benchmark();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void benchmark() throws Exception {
        int agents = Integer.getInteger("bench.agents", 200);
        int events = Integer.getInteger("bench.events", 5000);
        int batch = Integer.getInteger("bench.batch", 500);
        int window = Integer.getInteger("bench.window", 2);
        String pg = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
        String mqtt = System.getProperty("bench.mqtt", "tcp://127.0.0.1:1883");
        try (Connection c = DriverManager.getConnection(pg + "postgres", "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS dvctt_bench WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE dvctt_bench");
        }
        Path dir = Files.createTempDirectory("dvctt-ingest-bench");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.profiles.active", "production");
        props.put("spring.datasource.url", pg + "dvctt_bench");
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.put("server.port", "0");
        props.put("dvctt.demo.enabled", "true");
        props.put("dvctt.data-dir", dir.toString());
        props.put("dvctt.store.dir", dir.resolve("store").toString());
        props.put("dvctt.mqtt.embedded.enabled", "false");
        props.put("dvctt.mqtt.url", mqtt);
        props.put("dvctt.mqtt.username", "dvctt-bench-server");
        props.put("dvctt.mqtt.password", "bench");
        props.put("dvctt.device.broker", "none");
        props.put("logging.level.root", "WARN");
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("dvctt."))
                .forEach(k -> props.put(k, System.getProperty(k)));
        String[] argv = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DvcttApplication.class).run(argv);
        try {
            MqttGateway gateway = context.getBean(MqttGateway.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!gateway.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<String> devices = enroll(context, agents);
            List<String> procedures = context.getBean(CurrentUser.class).runAsSystem(() ->
                    context.getBean(ProcedureService.class).catalogue(20)).stream().map(p -> p.code()).toList();
            Path deviceFile = dir.resolve("devices.txt");
            Files.write(deviceFile, devices);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long before = jdbc.queryForObject("SELECT count(*) FROM ingest_event", Long.class);

            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx1g", "-Xss256k", "-classpath", System.getProperty("java.class.path"), IngestAgents.class.getName(),
                    mqtt, deviceFile.toString(), String.valueOf(agents), String.valueOf(events), String.valueOf(batch),
                    String.valueOf(window), String.join(",", procedures)));
            Process load = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            CountDownLatch ready = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong startedAt = new AtomicLong();
            AtomicReference<String> stats = new AtomicReference<>("");
            Thread reader = new Thread(() -> read(load, ready, done, startedAt, stats), "agents-output");
            reader.setDaemon(true);
            reader.start();
            PrintWriter toAgents = new PrintWriter(load.getOutputStream(), true, StandardCharsets.UTF_8);
            try {
                if (!ready.await(300, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the agents did not connect within 300 s");
                }
                System.gc();
                HeapPeak heap = new HeapPeak();
                heap.start();
                double heapBefore = heapUsedMb();
                toAgents.println("go");
                if (!done.await(Long.getLong("bench.timeout.s", 900), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("not every event was acknowledged in time");
                }
                double seconds = (System.nanoTime() - startedAt.get()) / 1e9;
                heap.stop();
                long total = (long) agents * events;
                long stored = jdbc.queryForObject("SELECT count(*) FROM ingest_event", Long.class) - before;
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                double duplicates = meters.get("dvctt.ingest.events").tag("result", "duplicate").counter().count();
                System.out.printf("ingest: %d agents (one JVM, a Paho connection each) released %d events each in batches "
                                + "of %d, %d batches awaiting an ack per agent; server -Xmx %d MB on PostgreSQL, broker %s%n",
                        agents, events, batch, window, Runtime.getRuntime().maxMemory() / 1048576, mqtt);
                System.out.println("agents: " + stats.get().replaceFirst("^stats ", ""));
                System.out.printf("ingest_events_stored: %d%n", stored);
                System.out.printf("ingest_events_expected: %d%n", total);
                System.out.printf("ingest_duplicates_skipped: %.0f%n", duplicates);
                System.out.printf("server_heap_before_mb: %.0f MB%n", heapBefore);
                System.out.printf("server_heap_after_gc_mb: %.0f MB%n", heap.afterGcPeakMb());
                if (stored != total) {
                    throw new IllegalStateException(stored + " events stored, " + total + " sent");
                }
                // the training sessions follow asynchronously; how long until every session is projected
                long projectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
                while (jdbc.queryForObject("SELECT count(*) FROM ingest_session WHERE pending > 0", Long.class) > 0
                        && System.nanoTime() < projectDeadline) {
                    Thread.sleep(200);
                }
                System.out.printf("ingest_sessions: %d%n", jdbc.queryForObject("SELECT count(*) FROM ingest_session",
                        Long.class));
                System.out.printf("ingest_projected_after_s: %.1f s%n", (System.nanoTime() - startedAt.get()) / 1e9);
                System.out.printf("ingest_ack_p95_ms: %s ms%n", field(stats.get(), "ack_p95_ms"));
                System.out.printf("backlog_drain_s: %.1f s%n", seconds);
                System.out.printf("server_heap_mb: %.0f MB%n", heap.peakMb());
                System.out.printf("ingest_events_per_s: %.0f events/s%n", total / seconds);
            } finally {
                toAgents.println("stop");
                if (!load.waitFor(60, TimeUnit.SECONDS)) {
                    load.destroyForcibly();
                }
            }
        } finally {
            context.close();
            SyncBenchServer.deleteTree(dir);
        }
    }

    /** One venue and one enrolled device per agent, in a demo village (no broker accounts: backend none). */
    private static List<String> enroll(ConfigurableApplicationContext context, int agents) {
        return BenchDevices.enroll(context.getBean(CurrentUser.class), context.getBean(VenueService.class),
                context.getBean(DeviceService.class), context.getBean(UnitPaths.class), agents);
    }

    private static String field(String stats, String name) {
        for (String part : stats.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "?";
    }

    private static double heapUsedMb() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    private static void read(Process load, CountDownLatch ready, CountDownLatch done, AtomicLong startedAt,
                             AtomicReference<String> stats) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals("ready")) {
                    ready.countDown();
                } else if (line.equals("start")) {
                    startedAt.set(System.nanoTime());
                } else if (line.startsWith("stats ")) {
                    stats.set(line);
                } else if (line.equals("done")) {
                    done.countDown();
                } else {
                    System.out.println("agents: " + line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
