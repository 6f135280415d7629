package vn.dvctt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several real server processes on this machine, as production runs them: a fresh PostgreSQL database
 * on the local server, one Mosquitto process of the cluster's own (a free port on 127.0.0.1, anonymous,
 * persistence in the cluster's directory) and N instances of the application
 * ({@code java -cp <this test classpath> vn.dvctt.DvcttApplication}, profile production, broker backend
 * none), each with its own HTTP and management ports, data directory and log file, all sharing one
 * content store. The broker and each instance can be killed ({@code kill -9}) and started again.
 */
final class ServerCluster implements AutoCloseable {

    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path dir;
    final String pgBase;
    final String database;
    final Broker broker;
    private final Path store;
    private final List<Instance> instances = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param pgBase the server's JDBC URL without a database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/};
     *     user postgres, trust
     */
    ServerCluster(String pgBase, String database) throws IOException, SQLException {
        this.pgBase = pgBase;
        this.database = database;
        this.dir = Files.createTempDirectory("dvctt-cluster");
        // Mosquitto started as root drops to its own user, which must write its persistence file here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        this.store = Files.createDirectories(dir.resolve("store"));
        try (Connection c = DriverManager.getConnection(pgBase + "postgres", "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        this.broker = new Broker(dir.resolve("mosquitto"), freePort());
        // a benchmark stopped with Ctrl-C must not leave servers and a broker running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            instances.forEach(Instance::kill);
            broker.kill();
        }, "cluster-cleanup"));
    }

    /** What is missing on this machine for a cluster, or null when nothing is. */
    static String missing(String pgBase) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(MOSQUITTO)) {
            missing.add(MOSQUITTO + " (apt-get install mosquitto)");
        }
        try (Connection c = DriverManager.getConnection(pgBase + "postgres", "postgres", "")) {
            c.isValid(2);
        } catch (SQLException e) {
            missing.add("PostgreSQL at " + pgBase + " as postgres (" + e.getMessage() + ")");
        }
        return missing.isEmpty() ? null : String.join(", ", missing);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(pgBase + database, "postgres", "");
    }

    String mqttUrl() {
        return "tcp://127.0.0.1:" + broker.port;
    }

    /** A new instance, not started; {@code properties} are added to (and override) the common ones. */
    Instance instance(String name, Map<String, String> properties) throws IOException {
        Instance instance = new Instance(this, name, Files.createDirectories(dir.resolve(name)), properties);
        instances.add(instance);
        return instance;
    }

    List<Instance> instances() {
        return instances;
    }

    Map<String, String> common() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.profiles.active", "production");
        p.put("spring.datasource.url", pgBase + database);
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "");
        p.put("dvctt.mqtt.url", mqttUrl());
        p.put("dvctt.mqtt.username", "");
        p.put("dvctt.mqtt.password", "");
        p.put("dvctt.device.broker", "none");
        p.put("dvctt.store.dir", store.toString());
        p.put("dvctt.demo.enabled", "true");
        p.put("logging.level.root", "WARN");
        return p;
    }

    @Override
    public void close() {
        for (Instance i : instances) {
            i.kill();
        }
        broker.kill();
        try (Connection c = DriverManager.getConnection(pgBase + "postgres", "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("cluster database " + database + " not dropped: " + e.getMessage());
        }
        if (!Boolean.getBoolean("bench.keep")) {
            SyncBenchServer.deleteTree(dir);
        } else {
            System.err.println("cluster files kept in " + dir);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The cluster's Mosquitto: anonymous, persistent (retained manifests and sessions survive a restart). */
    static final class Broker {
        final Path dir;
        final int port;
        private Process process;

        Broker(Path dir, int port) throws IOException {
            this.dir = Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            this.port = port;
            Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence true",
                    "persistence_location " + dir + "/",
                    "autosave_interval 5",
                    "log_dest stdout",
                    "log_type error",
                    "log_type warning",
                    "log_type notice",
                    "") + "\n");
        }

        synchronized void start() throws IOException, InterruptedException {
            process = new ProcessBuilder(MOSQUITTO.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!listening(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mosquitto did not start on " + port + ": "
                            + Files.readString(dir.resolve("mosquitto.log")));
                }
                Thread.sleep(50);
            }
        }

        /** kill -9: no clean shutdown, no last save beyond what autosave wrote. */
        synchronized void kill() {
            if (process != null) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process = null;
            }
        }
    }

    /** One server process; its figures come from its Prometheus endpoint on the management port. */
    static final class Instance {
        final String name;
        final Path dir;
        final int httpPort;
        final int managementPort;
        private final ServerCluster cluster;
        private final Map<String, String> properties;
        private Process process;
        private int starts;
        /** From each process start to a few seconds after it was ready: when Quartz (re)registers its triggers. */
        private final List<java.time.Instant[]> startWindows = new java.util.concurrent.CopyOnWriteArrayList<>();

        Instance(ServerCluster cluster, String name, Path dir, Map<String, String> properties) {
            this.cluster = cluster;
            this.name = name;
            this.dir = dir;
            this.properties = properties;
            this.httpPort = freePort();
            this.managementPort = freePort();
        }

        /** The log of the current (or last) run; each start gets its own file. */
        Path log() {
            return dir.resolve("run-" + starts + ".log");
        }

        List<Path> logs() {
            List<Path> logs = new ArrayList<>();
            for (int i = 1; i <= starts; i++) {
                logs.add(dir.resolve("run-" + i + ".log"));
            }
            return logs;
        }

        List<java.time.Instant[]> startWindows() {
            return startWindows;
        }

        synchronized void start() throws IOException {
            starts++;
            startWindows.add(new java.time.Instant[] {java.time.Instant.now(), null});
            Map<String, String> p = cluster.common();
            p.put("server.port", String.valueOf(httpPort));
            p.put("management.server.port", String.valueOf(managementPort));
            p.put("dvctt.data-dir", dir.resolve("data").toString());
            p.putAll(properties);
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx" + System.getProperty("bench.server.xmx", "384m"), "-XX:+UseSerialGC",
                    "-cp", classpath(), "vn.dvctt.DvcttApplication"));
            p.forEach((k, v) -> command.add("--" + k + "=" + v));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log().toFile()).start();
        }

        void awaitReady(Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Process p = process;
                if (p == null || !p.isAlive()) {
                    throw new IllegalStateException(name + " exited during start-up; see " + log());
                }
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + managementPort + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        startWindows.get(startWindows.size() - 1)[1] = java.time.Instant.now().plusSeconds(5);
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log());
        }

        boolean alive() {
            Process p = process;
            return p != null && p.isAlive();
        }

        long pid() {
            return process.pid();
        }

        /** kill -9: the instance dies mid-work, holding whatever it had taken from the broker. */
        synchronized void kill() {
            if (process != null) {
                process.destroyForcibly();
                try {
                    process.waitFor(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process = null;
            }
        }

        /** Every sample of the Prometheus text, by name with labels as printed; empty when not answering. */
        Map<String, Double> scrape() {
            Map<String, Double> samples = new HashMap<>();
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + managementPort + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    return samples;
                }
                for (String line : r.body().split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    int space = line.lastIndexOf(' ');
                    try {
                        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                    } catch (NumberFormatException e) {
                        // a value we do not read
                    }
                }
            } catch (IOException e) {
                // not answering (starting, or killed)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return samples;
        }

        /** A counter's value: the sample whose name and labels contain all the given parts (0 if none). */
        static double value(Map<String, Double> samples, String name, String... labels) {
            Pattern p = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*})?$");
            double sum = 0;
            for (Map.Entry<String, Double> e : samples.entrySet()) {
                Matcher m = p.matcher(e.getKey());
                if (!m.matches()) {
                    continue;
                }
                boolean all = true;
                for (String label : labels) {
                    all &= e.getKey().contains(label);
                }
                if (all) {
                    sum += e.getValue();
                }
            }
            return sum;
        }

        private static String classpath() {
            // under Failsafe java.class.path may be a manifest-only booter jar; the real list is here
            return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        }
    }
}
