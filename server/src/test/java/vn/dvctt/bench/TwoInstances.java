package vn.dvctt.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import vn.dvctt.content.Channel;
import vn.dvctt.content.ChunkRequest;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Topics;

/**
 * Two server instances against one PostgreSQL and one Mosquitto ({@link ServerCluster}), the run shared
 * by {@link TwoInstancesBenchmark} and {@code TwoInstancesIT}:
 * <ol>
 *   <li>the first instance starts alone and loads the demo (with extra enrolled devices), then the second;</li>
 *   <li>chunk requests for content in a demo device's retained manifest, answered through the shared
 *       subscription: each instance's {@code dvctt_sync_chunks_total{outcome="served"}};</li>
 *   <li>simulated agents ({@link SessionAgent}) send unscheduled sessions at a steady pace; once a share of
 *       the events is stored and both instances stored some, one instance is killed ({@code kill -9}) and
 *       started again at once; the agents re-send what the dead one held after their 30 s timeout;</li>
 *   <li>chunk requests again, with the restarted instance;</li>
 *   <li>the database against what the agents sent: every event stored once, every session projected to a
 *       training session whose participants and submissions equal what was sent;</li>
 *   <li>Quartz: every job start is logged by Quartz's own {@code LoggingJobHistoryPlugin} with the trigger's
 *       scheduled fire time; a (job, scheduled time) logged by more than one start is a double run. The
 *       projection sweep fires every 2 s, campaign snapshots and task reminders every 5 s.</li>
 * </ol>
 */
final class TwoInstances {

    static final String TOPIC = "Buổi hướng dẫn DVCTT (hai máy chủ)";
    private static final Pattern FIRE = Pattern.compile("QUARTZ_FIRE job=(\\S+) scheduled=(\\S+)");

    /** The size of a run. */
    record Settings(int extraDevices, int eventsPerAgent, int batch, int window, int sessionLength, long pauseMillis,
                    double killAt, int chunkRequests, Duration timeout) {
    }

    /** What a run measured. */
    record Result(long eventsSent, long eventsAcknowledged, long eventsRefused, long lostEvents, long sessionsSent,
                  long sessionsBelow, long sessionsAbove, long extraTrainingSessions, long duplicateRows,
                  Map<String, Double> storedByInstance, Map<String, Double> servedByInstance, long resent,
                  double loadSeconds, String killed, long quartzFires, Map<String, Integer> quartzFiresByInstance,
                  long quartzDoubleRuns, long quartzDoubleRunsAtStart, boolean uiSessionLocal) {

        long lost() {
            return lostEvents + sessionsBelow;
        }

        long duplicated() {
            return sessionsAbove + extraTrainingSessions + duplicateRows;
        }
    }

    private final ServerCluster cluster;
    private final Settings settings;
    private final Map<String, Double> lastStored = new ConcurrentHashMap<>();
    private final Map<String, Double> lastServed = new ConcurrentHashMap<>();
    private boolean uiSessionLocal;

    TwoInstances(ServerCluster cluster, Settings settings) {
        this.cluster = cluster;
        this.settings = settings;
    }

    Result run() throws Exception {
        cluster.broker.start();
        Map<String, String> common = new LinkedHashMap<>();
        common.put("dvctt.ingest.sweep-seconds", "2");
        common.put("dvctt.campaign.snapshot-cron", "0/5 * * * * ?");
        common.put("dvctt.campaign.task-reminder-cron", "0/5 * * * * ?");
        common.put("spring.quartz.properties.org.quartz.plugin.jobHistory.class",
                "org.quartz.plugins.history.LoggingJobHistoryPlugin");
        // arguments {1}.{0}: job group and name; {5}: the trigger's previous fire time, which at this point is
        // the scheduled time of the fire being executed
        common.put("spring.quartz.properties.org.quartz.plugin.jobHistory.jobToBeFiredMessage",
                "QUARTZ_FIRE job={1}.{0} scheduled={5,date,yyyyMMddHHmmss.SSS}");
        common.put("logging.level.org.quartz.plugins.history", "INFO");
        Map<String, String> first = new LinkedHashMap<>(common);
        first.put("dvctt.bench.extra-devices", String.valueOf(settings.extraDevices()));
        ServerCluster.Instance one = cluster.instance("server-1", first);
        ServerCluster.Instance two = cluster.instance("server-2", common);
        log("starting server-1 (loads the demo), then server-2; logs in " + cluster.dir);
        one.start();
        one.awaitReady(Duration.ofSeconds(300));
        two.start();
        two.awaitReady(Duration.ofSeconds(300));
        log("both instances ready");

        ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
        scraper.scheduleWithFixedDelay(this::scrapeAll, 0, 1, TimeUnit.SECONDS);
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        List<SessionAgent> fleet = new ArrayList<>();
        try {
            List<String> devices = query("SELECT device_id FROM device WHERE state = 'ENROLLED' ORDER BY id");
            List<String> procedures = query("SELECT code FROM procedure_item ORDER BY code");
            String demoDevice = devices.get(0);
            chunks(demoDevice, settings.chunkRequests());
            uiSessionLocal = sessionStaysOnItsInstance(one, two);
            log("a UI session opened on server-1 is unknown to server-2: " + uiSessionLocal);

            for (String device : devices) {
                fleet.add(new SessionAgent(cluster.mqttUrl(), device, settings.eventsPerAgent(), settings.batch(),
                        settings.window(), procedures, settings.sessionLength(), TOPIC, settings.pauseMillis(), pacer,
                        true));
            }
            for (SessionAgent a : fleet) {
                a.connect();
            }
            long total = (long) fleet.size() * settings.eventsPerAgent();
            log(fleet.size() + " agents connected; sending " + total + " events");
            CountDownLatch done = new CountDownLatch(fleet.size());
            long started = System.nanoTime();
            for (SessionAgent a : fleet) {
                a.release(done);
            }
            ServerCluster.Instance victim = one;
            AtomicReference<Throwable> restartFailed = new AtomicReference<>();
            Thread restart = null;
            while (!done.await(200, TimeUnit.MILLISECONDS)) {
                if (restart == null && storedCount() >= settings.killAt() * total
                        && lastStored.getOrDefault(key(victim), 0.0) > 0 && lastStored.getOrDefault(key(two), 0.0) > 0) {
                    scrapeAll();
                    victim.kill();
                    log("killed " + victim.name + " (kill -9) with " + storedCount() + " of " + total
                            + " events stored; starting it again");
                    restart = new Thread(() -> {
                        try {
                            victim.start();
                            victim.awaitReady(Duration.ofSeconds(300));
                            log(victim.name + " ready again");
                        } catch (Throwable e) {
                            restartFailed.set(e);
                        }
                    }, "restart");
                    restart.start();
                }
                if (System.nanoTime() - started > settings.timeout().toNanos()) {
                    throw new IllegalStateException("not every event was acknowledged within " + settings.timeout()
                            + ": " + fleet.stream().mapToInt(SessionAgent::acknowledged).sum() + " of " + total);
                }
            }
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            log("every event acknowledged after " + Math.round(loadSeconds) + " s");
            if (restart == null) {
                throw new IllegalStateException("the load ended before an instance could be killed: "
                        + "raise the events per agent or lower bench.kill-at");
            }
            restart.join(TimeUnit.SECONDS.toMillis(330));
            if (restartFailed.get() != null) {
                throw new IllegalStateException("the killed instance did not start again", restartFailed.get());
            }
            chunks(demoDevice, settings.chunkRequests());
            awaitProjections(Duration.ofSeconds(120));
            // a few more sweeps, snapshots and reminders with both instances up
            Thread.sleep(6_000);
            scrapeAll();
            return compare(fleet, loadSeconds, victim.name);
        } finally {
            scraper.shutdownNow();
            pacer.shutdownNow();
            for (SessionAgent a : fleet) {
                a.close();
            }
        }
    }

    private static String key(ServerCluster.Instance i) {
        return i.name + "#" + i.logs().size();
    }

    /** Remembers each instance's last figures per start: a killed instance's counters die with it. */
    private void scrapeAll() {
        for (ServerCluster.Instance i : cluster.instances()) {
            if (!i.alive()) {
                continue;
            }
            Map<String, Double> samples = i.scrape();
            if (samples.isEmpty()) {
                continue;
            }
            lastStored.put(key(i), ServerCluster.Instance.value(samples, "dvctt_ingest_events_total",
                    "result=\"stored\""));
            lastServed.put(key(i), ServerCluster.Instance.value(samples, "dvctt_sync_chunks_total",
                    "outcome=\"served\""));
        }
    }

    private static Map<String, Double> byInstance(Map<String, Double> perStart) {
        Map<String, Double> sums = new java.util.TreeMap<>();
        perStart.forEach((k, v) -> sums.merge(k.substring(0, k.indexOf('#')), v, Double::sum));
        return sums;
    }

    /** Asks for chunks as the demo device would, from another client id (the device's own may be an agent's). */
    private void chunks(String deviceId, int requests) throws MqttException, InterruptedException {
        AtomicReference<Manifest> manifest = new AtomicReference<>();
        CountDownLatch hasManifest = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        String chunkTopic = Topics.device(deviceId, Channel.CHUNK);
        // MqttAsyncClient and one callback: Paho v5's MqttClient.subscribe with a listener recurses forever
        MqttAsyncClient client = new MqttAsyncClient(cluster.mqttUrl(), "bench-chunks-"
                + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (topic.equals(chunkTopic)) {
                    received.incrementAndGet();
                } else {
                    manifest.set(Manifest.fromPayload(message.getPayload()));
                    hasManifest.countDown();
                }
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
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        client.connect(o).waitForCompletion(30_000);
        try {
            client.subscribe(chunkTopic, 0).waitForCompletion(30_000);
            client.subscribe(Topics.device(deviceId, Channel.MANIFEST), 1).waitForCompletion(30_000);
            if (!hasManifest.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no retained manifest for demo device " + deviceId);
            }
            List<ManifestEntry> entries = manifest.get().entries();
            if (entries.isEmpty()) {
                throw new IllegalStateException("the demo device's manifest lists no content");
            }
            for (int i = 0; i < requests; i++) {
                ManifestEntry entry = entries.get(i % entries.size());
                ChunkRequest request = ChunkRequest.of(deviceId, UUID.randomUUID().toString(), entry.contentId(),
                        (i / entries.size()) % entry.chunkCount());
                client.publish(Topics.device(deviceId, Channel.CHUNK_REQUEST),
                        new MqttMessage(request.toPayload(), Channel.CHUNK_REQUEST.qos(), false, null)).waitForCompletion(10_000);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.get() < requests && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            log(received.get() + " of " + requests + " chunks received for " + deviceId);
        } finally {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        }
        Thread.sleep(1_500);
        scrapeAll();
    }

    /**
     * The Vaadin UI lives in the memory of the instance that opened the HTTP session: its session cookie is
     * recognised there, and another instance answers it with a new session. Hence the sticky sessions at the
     * load balancer (deploy/k8s/ingress.yaml).
     */
    private static boolean sessionStaysOnItsInstance(ServerCluster.Instance a, ServerCluster.Instance b)
            throws IOException, InterruptedException {
        String cookie = sessionCookie(a, null);
        if (cookie == null) {
            throw new IllegalStateException("server-1 opened no HTTP session for the login page");
        }
        String again = sessionCookie(a, cookie);
        String elsewhere = sessionCookie(b, cookie);
        return again == null && elsewhere != null && !elsewhere.equals(cookie);
    }

    /** GET /login, with a session cookie or none; returns the new session cookie set, or null. */
    private static String sessionCookie(ServerCluster.Instance instance, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort
                + "/login")).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<Void> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElse(null);
    }

    private long storedCount() {
        try {
            return Long.parseLong(query("SELECT count(*) FROM ingest_event").get(0));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sessions whose after-commit projection died with the killed instance wait for the sweep (30 s grace). */
    private void awaitProjections(Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String pending = "";
        while (System.nanoTime() < deadline) {
            pending = query("SELECT count(*) FROM ingest_session WHERE pending > 0").get(0);
            if (pending.equals("0")) {
                return;
            }
            Thread.sleep(500);
        }
        log("sessions still pending projection after " + timeout + ": " + pending);
    }

    private Result compare(List<SessionAgent> fleet, double loadSeconds, String killed) throws SQLException, IOException {
        Set<String> sent = new HashSet<>();
        Set<String> acknowledged = new HashSet<>();
        long refused = 0;
        Map<String, SessionAgent.Sent> sessions = new HashMap<>();
        for (SessionAgent a : fleet) {
            sent.addAll(a.eventIds());
            acknowledged.addAll(a.storedAcks());
            refused += a.rejections().size();
            a.rejections().stream().limit(3).forEach(r -> log("refused: " + r));
            sessions.putAll(a.sessions());
        }
        Set<String> stored = new HashSet<>();
        long rows;
        long duplicateRows;
        long runnerSessions;
        Map<String, long[]> projected = new HashMap<>();
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT event_id FROM ingest_event")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) - count(DISTINCT event_id) FROM ingest_event")) {
                rs.next();
                rows = rs.getLong(1);
                duplicateRows = rs.getLong(2);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM training_session WHERE topic = '" + TOPIC + "'")) {
                rs.next();
                runnerSessions = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT s.session_key, r.participants,
                           (SELECT coalesce(sum(x.submissions), 0) FROM training_result_submission x WHERE x.result_id = r.id)
                    FROM ingest_session s
                    LEFT JOIN training_result r ON r.session_id = s.training_session AND r.source = 'AGENT'""")) {
                while (rs.next()) {
                    projected.put(rs.getString(1), rs.getObject(2) == null ? null
                            : new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        long lostEvents = sent.stream().filter(id -> !stored.contains(id)).count();
        long ackedMissing = acknowledged.stream().filter(id -> !stored.contains(id)).count();
        long below = 0;
        long above = 0;
        for (Map.Entry<String, SessionAgent.Sent> e : sessions.entrySet()) {
            long[] got = projected.get(e.getKey());
            SessionAgent.Sent want = e.getValue();
            if (got == null || got[0] < want.participants() || got[1] < want.submissions()) {
                below++;
            } else if (got[0] > want.participants() || got[1] > want.submissions()) {
                above++;
            }
        }
        log("database: " + rows + " events (" + stored.size() + " distinct), " + ackedMissing
                + " acknowledged events missing, " + runnerSessions + " training sessions from runners for "
                + sessions.size() + " sessions sent");
        Map<String, Integer> firesByInstance = new java.util.TreeMap<>();
        Map<String, List<java.time.Instant>> starts = new HashMap<>();
        List<java.time.Instant[]> windows = new ArrayList<>();
        for (ServerCluster.Instance i : cluster.instances()) {
            windows.addAll(i.startWindows());
            for (Path log : i.logs()) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    Matcher m = FIRE.matcher(line);
                    if (m.find()) {
                        starts.computeIfAbsent(m.group(1) + " " + m.group(2), k -> new ArrayList<>())
                                .add(java.time.Instant.parse(line.substring(0, line.indexOf(' '))));
                        firesByInstance.merge(i.name, 1, Integer::sum);
                    }
                }
            }
        }
        long doubles = 0;
        long atStart = 0;
        for (Map.Entry<String, List<java.time.Instant>> e : starts.entrySet()) {
            List<java.time.Instant> times = e.getValue().stream().sorted().toList();
            if (times.size() < 2) {
                continue;
            }
            doubles++;
            // Quartz replaces the stored triggers when an instance registers them at start-up
            // (spring.quartz.overwrite-existing-jobs); a fire time that fell between the trigger's creation
            // and its registration is then run again. A run again outside any start is the clustering's fault.
            boolean duringStart = times.subList(1, times.size()).stream().allMatch(t -> windows.stream()
                    .anyMatch(w -> !t.isBefore(w[0]) && (w[1] == null || !t.isAfter(w[1]))));
            if (duringStart) {
                atStart++;
            }
            log("run " + times.size() + " times" + (duringStart ? " (again while an instance started)" : "") + ": "
                    + e.getKey() + " at " + times);
        }
        long resent = fleet.stream().mapToInt(a -> a.resent.get()).sum();
        return new Result(sent.size(), acknowledged.size(), refused, lostEvents, sessions.size(), below, above,
                Math.max(0, runnerSessions - sessions.size()), duplicateRows, byInstance(lastStored),
                byInstance(lastServed), resent, loadSeconds, killed, starts.size(), firesByInstance, doubles, atStart, uiSessionLocal);
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = cluster.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    static void log(String line) {
        System.out.println("two-instances: " + line);
    }
}
