package vn.dvctt.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dvctt.content.AgentEvent;

/**
 * The chaos test of the session runner's reports: real agent processes (the shipped jar) driven
 * through their local runner API as a team member clicks, one or two server processes on PostgreSQL
 * and a Mosquitto, and, cycle after cycle, one of: a server instance killed with {@code kill -9} and
 * started again, the broker killed and started again, an agent killed with {@code kill -9} in the
 * middle of its clicks and started again (its journal must hold every click it confirmed). At the end,
 * with everything up, every event in every agent's journal must be on the server exactly once, and
 * every session's figures on the server must equal those the agent's journal gives.
 */
final class ChaosRun {

    static final Path AGENT_JAR = Path.of(System.getProperty("bench.agent.jar", "../edge-agent/target/dvctt-edge-agent.jar"));
    static final String PIN = "2468";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern PENDING = Pattern.compile("\"pending\":(\\d+)");

    record Settings(int agents, int servers, int cycles, Duration cycle) {
    }

    /**
     * @param confirmedNotJournalled clicks the page confirmed that the agent's journal does not hold (a
     *                               durability failure on the agent)
     * @param lost                   journalled events missing on the server, plus sessions whose figures there
     *                               fall short of the journal's, plus confirmedNotJournalled
     * @param duplicated             events on the server no journal has, plus sessions whose figures there
     *                               exceed the journal's
     */
    record Result(int cycles, long events, long lost, long duplicated, long confirmedNotJournalled, int sessions,
                  Map<String, Integer> actions) {
    }

    private final ServerCluster cluster;
    private final Settings settings;
    private final Consumer<String> log;
    private final Random random = new Random(7);
    private final AtomicBoolean clicking = new AtomicBoolean(true);

    ChaosRun(ServerCluster cluster, Settings settings, Consumer<String> log) {
        this.cluster = cluster;
        this.settings = settings;
        this.log = log;
    }

    Result run() throws Exception {
        if (!Files.isRegularFile(AGENT_JAR)) {
            throw new IllegalStateException(AGENT_JAR.toAbsolutePath() + " is missing: build the edge-agent module first");
        }
        cluster.broker.start();
        List<ServerCluster.Instance> servers = new ArrayList<>();
        for (int i = 1; i <= settings.servers(); i++) {
            Map<String, String> props = new HashMap<>(Map.of("dvctt.ingest.sweep-seconds", "5"));
            if (i == 1) {
                props.put("dvctt.bench.extra-devices", String.valueOf(settings.agents()));
            }
            ServerCluster.Instance server = cluster.instance("server-" + i, props);
            server.start();
            server.awaitReady(Duration.ofMinutes(4));
            servers.add(server);
        }
        List<String> devices = new ArrayList<>();
        try (Connection c = cluster.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT device_id FROM device WHERE venue_name LIKE 'Điểm benchmark %' AND state = 'ENROLLED' "
                        + "ORDER BY device_id")) {
            while (rs.next()) {
                devices.add(rs.getString(1));
            }
        }
        List<Agent> agents = new ArrayList<>();
        for (String device : devices) {
            Agent agent = new Agent(device, Files.createDirectories(cluster.dir.resolve("agent-" + device)));
            agent.start();
            agents.add(agent);
        }
        List<Thread> drivers = new ArrayList<>();
        for (Agent agent : agents) {
            Thread t = new Thread(() -> agent.drive(clicking), "driver-" + agent.deviceId);
            t.setDaemon(true);
            t.start();
            drivers.add(t);
        }
        Map<String, Integer> actions = new HashMap<>();
        for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
            Thread.sleep(settings.cycle().toMillis());
            switch (cycle % 3) {
                case 1 -> {
                    ServerCluster.Instance victim = servers.get(random.nextInt(servers.size()));
                    log.accept("cycle " + cycle + ": kill -9 " + victim.name);
                    victim.kill();
                    Thread.sleep(1000);
                    victim.start();
                    victim.awaitReady(Duration.ofMinutes(4));
                    actions.merge("server killed", 1, Integer::sum);
                }
                case 2 -> {
                    log.accept("cycle " + cycle + ": broker killed and restarted");
                    cluster.broker.kill();
                    Thread.sleep(2000);
                    cluster.broker.start();
                    actions.merge("broker restarted", 1, Integer::sum);
                }
                default -> {
                    Agent victim = agents.get(random.nextInt(agents.size()));
                    log.accept("cycle " + cycle + ": kill -9 agent " + victim.deviceId + " mid-click");
                    victim.killAndRestart();
                    actions.merge("agent killed", 1, Integer::sum);
                }
            }
        }
        clicking.set(false);
        for (Thread t : drivers) {
            t.join(30_000);
        }
        for (Agent agent : agents) {
            agent.endOpenSession();
        }
        log.accept("chaos over; waiting for every journal to be acknowledged and every session projected");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        for (Agent agent : agents) {
            while (agent.pending() != 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("agent " + agent.deviceId + " still has " + agent.pending()
                            + " events waiting after 5 minutes");
                }
                Thread.sleep(500);
            }
        }
        try (Connection c = cluster.connect()) {
            while (count(c, "SELECT count(*) FROM ingest_session WHERE pending > 0") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("sessions still waiting for projection after 5 minutes");
                }
                Thread.sleep(500);
            }
            return compare(c, agents, actions);
        } finally {
            for (Agent agent : agents) {
                agent.stop();
            }
        }
    }

    private Result compare(Connection c, List<Agent> agents, Map<String, Integer> actions) throws SQLException {
        long events = 0;
        long lost = 0;
        long duplicated = 0;
        long notJournalled = 0;
        int sessions = 0;
        for (Agent agent : agents) {
            Journalled journal = agent.journal();
            events += journal.ids().size();
            Set<String> onServer = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CAST(event_id AS VARCHAR) FROM ingest_event WHERE device_id = ?")) {
                ps.setString(1, agent.deviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        onServer.add(rs.getString(1));
                    }
                }
            }
            Set<String> missing = new HashSet<>(journal.ids());
            missing.removeAll(onServer);
            Set<String> extra = new HashSet<>(onServer);
            extra.removeAll(journal.ids());
            lost += missing.size();
            duplicated += extra.size();
            for (Map.Entry<String, Integer> session : journal.attendance().entrySet()) {
                sessions++;
                int server = serverParticipants(c, session.getKey());
                lost += Math.max(0, session.getValue() - server);
                duplicated += Math.max(0, server - session.getValue());
                int confirmed = agent.confirmed.getOrDefault(session.getKey(), 0);
                notJournalled += Math.max(0, confirmed - journal.plusClicks().getOrDefault(session.getKey(), 0));
            }
        }
        return new Result(settings.cycles(), events, lost + notJournalled, duplicated, notJournalled, sessions, actions);
    }

    private static int serverParticipants(Connection c, String sessionKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.participants FROM ingest_session s "
                + "JOIN training_result r ON r.session_id = s.training_session AND r.source = 'AGENT' "
                + "WHERE s.session_key = CAST(? AS UUID)")) {
            ps.setString(1, sessionKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every event id in an agent's journal, and the attendance each session's events add up to. */
    record Journalled(Set<String> ids, Map<String, Integer> attendance, Map<String, Integer> plusClicks) {
    }

    /** One real agent process and the team member clicking on its page. */
    private final class Agent {
        final String deviceId;
        final Path dir;
        final int runnerPort = ServerCluster.freePort();
        /** Per session, the "+1" clicks the page confirmed: each must be in the journal. */
        final Map<String, Integer> confirmed = new ConcurrentHashMap<>();
        private volatile Process process;
        private volatile HttpClient http;
        private volatile String session;
        private final Random clicks;

        Agent(String deviceId, Path dir) {
            this.deviceId = deviceId;
            this.dir = dir;
            this.clicks = new Random(deviceId.hashCode());
        }

        synchronized void start() throws IOException {
            Path config = dir.resolve("agent.properties");
            Files.writeString(config, String.join("\n",
                    "broker.url=" + cluster.mqttUrl(),
                    "device.id=" + deviceId,
                    "broker.username=" + deviceId,
                    "broker.password=chaos",
                    "data.dir=" + dir.resolve("data"),
                    "runner.port=" + runnerPort, ""), StandardCharsets.UTF_8);
            process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx32m",
                    "-XX:+UseSerialGC", "-jar", AGENT_JAR.toAbsolutePath().toString(), config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("agent.out").toFile())).start();
            http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(2)).build();
        }

        void killAndRestart() throws IOException, InterruptedException {
            Process p = process;
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(500);
            start();
        }

        void stop() {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }

        /** Signs in, keeps a session open and clicks until told to stop; any failure means "try again". */
        void drive(AtomicBoolean on) {
            while (on.get()) {
                try {
                    if (session == null) {
                        signInAndOpen();
                    }
                    int roll = clicks.nextInt(100);
                    if (roll < 3) {
                        post("/api/sessions/" + session + "/end", "{\"notes\":\"\"}");
                        session = null;
                        continue;
                    } else if (roll < 8) {
                        post("/api/sessions/" + session + "/attendance", "{\"delta\":-1}");
                    } else {
                        String open = session;
                        post("/api/sessions/" + open + "/attendance", "{\"delta\":1}");
                        confirmed.merge(open, 1, Integer::sum);
                    }
                    Thread.sleep(20 + clicks.nextInt(60));
                } catch (Refused e) {
                    // e.g. nobody left to take away: a click the page refuses is no event
                } catch (IOException | RuntimeException e) {
                    // the agent is down or restarting: its page is back in a moment, signed out
                    session = null;
                    sleepQuietly(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void signInAndOpen() throws IOException, InterruptedException {
            String state = get("/api/state");
            Matcher member = Pattern.compile("\"members\":\\[\\{\"id\":\"([^\"]+)\"").matcher(state);
            if (!member.find()) {
                throw new IOException("no brief yet");
            }
            post("/api/signin", "{\"member\":\"" + member.group(1) + "\",\"pin\":\"" + PIN + "\"}");
            state = get("/api/state");
            int open = state.indexOf("\"open\":[");
            Matcher id = ID.matcher(state);
            if (open >= 0 && id.find(open)) {
                session = id.group(1);
                return;
            }
            String started = post("/api/sessions", "{\"topic\":\"Buổi hỗ trợ (thử nghiệm chaos)\"}");
            Matcher m = ID.matcher(started);
            if (!m.find()) {
                throw new IOException("no session id in " + started);
            }
            session = m.group(1);
        }

        void endOpenSession() {
            for (int attempt = 0; attempt < 20; attempt++) {
                try {
                    if (session == null) {
                        signInAndOpen();
                    }
                    post("/api/sessions/" + session + "/end", "{\"notes\":\"Kết thúc\"}");
                    session = null;
                    return;
                } catch (Exception e) {
                    session = null;
                    sleepQuietly(500);
                }
            }
        }

        long pending() throws InterruptedException {
            try {
                Matcher m = PENDING.matcher(get("/api/state"));
                return m.find() ? Long.parseLong(m.group(1)) : -1;
            } catch (IOException e) {
                return -1;
            }
        }

        Journalled journal() throws SQLException {
            Set<String> ids = new HashSet<>();
            Map<String, Integer> attendance = new HashMap<>();
            Map<String, Integer> plus = new HashMap<>();
            Path db = dir.resolve("data").resolve("journal").resolve("journal.db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                 ResultSet rs = c.createStatement().executeQuery("SELECT json FROM event ORDER BY seq")) {
                while (rs.next()) {
                    AgentEvent e = AgentEvent.fromJson(rs.getString(1));
                    ids.add(e.id());
                    int delta = e.body() instanceof AgentEvent.AttendanceChanged a ? a.delta() : 0;
                    attendance.merge(e.session(), delta, Integer::sum);
                    if (delta > 0) {
                        plus.merge(e.session(), 1, Integer::sum);
                    }
                }
            }
            return new Journalled(ids, attendance, plus);
        }

        private String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runnerPort + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        private String post(String path, String json) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runnerPort + path))
                    .timeout(Duration.ofSeconds(10)).header("X-DVCTT-Runner", "1")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 409) {
                throw new Refused();
            }
            if (r.statusCode() != 200) {
                throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }
    }

    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
