package vn.dvctt.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import vn.dvctt.agent.sync.SyncSettings;
import vn.dvctt.content.DeviceIds;

/**
 * What one agent needs to run, read from a properties file.
 *
 * @param username {@code null} to connect anonymously
 * @param password {@code null} when not set; only allowed together with a username
 * @param sync     content download settings, all optional in the file ({@code sync.*})
 * @param logDir   where the rolling log goes; {@code data.dir/logs} unless {@code log.dir} says otherwise
 * @param runnerPort the session runner page's port on 127.0.0.1 ({@code runner.port}, default
 *                   {@value #DEFAULT_RUNNER_PORT}); 0 turns the page off
 */
public record AgentConfig(String brokerUrl, String deviceId, String username, String password, Path dataDir,
                          SyncSettings sync, Path logDir, int runnerPort) {

    public static final int DEFAULT_RUNNER_PORT = 8765;

    public AgentConfig(String brokerUrl, String deviceId, String username, String password, Path dataDir,
                       SyncSettings sync, Path logDir) {
        this(brokerUrl, deviceId, username, password, dataDir, sync, logDir, DEFAULT_RUNNER_PORT);
    }

    public AgentConfig {
        sync = sync == null ? SyncSettings.DEFAULTS : sync;
        logDir = logDir == null && dataDir != null ? dataDir.resolve("logs") : logDir;
        if (runnerPort < 0 || runnerPort > 65535) {
            throw new IllegalArgumentException("runner.port must be 0 (off) or 1..65535, got " + runnerPort);
        }
    }

    public AgentConfig(String brokerUrl, String deviceId, String username, String password, Path dataDir) {
        this(brokerUrl, deviceId, username, password, dataDir, SyncSettings.DEFAULTS, null);
    }

    public AgentConfig withSync(SyncSettings settings) {
        return new AgentConfig(brokerUrl, deviceId, username, password, dataDir, settings, logDir, runnerPort);
    }

    public static final String ENV_CONFIG_PATH = "DVCTT_AGENT_CONFIG";
    public static final Path DEFAULT_PATH = Path.of("agent.properties");

    static final String BROKER_URL = "broker.url";
    static final String DEVICE_ID = "device.id";
    static final String USERNAME = "broker.username";
    static final String PASSWORD = "broker.password";
    static final String DATA_DIR = "data.dir";
    static final String LOG_DIR = "log.dir";
    static final String SYNC_IN_FLIGHT = "sync.requests-in-flight";
    static final String SYNC_TIMEOUT = "sync.request-timeout-seconds";
    static final String SYNC_BANDWIDTH = "sync.bandwidth-kbit";
    static final String SYNC_WINDOW = "sync.download-window";
    static final String SYNC_ZONE = "sync.zone";
    static final String SYNC_MAX_CONTENT = "sync.max-content-mb";
    static final String SYNC_HEARTBEAT = "sync.heartbeat-seconds";
    static final String SYNC_INVENTORY = "sync.inventory-seconds";
    static final String SYNC_FLUSH = "sync.progress-flush-chunks";
    static final String SYNC_SLICE = "sync.slice-kb";
    static final String RUNNER_PORT = "runner.port";

    private static final Set<String> KEYS = Set.of(BROKER_URL, DEVICE_ID, USERNAME, PASSWORD, DATA_DIR, LOG_DIR,
            SYNC_IN_FLIGHT, SYNC_TIMEOUT, SYNC_BANDWIDTH, SYNC_WINDOW, SYNC_ZONE, SYNC_MAX_CONTENT, SYNC_HEARTBEAT,
            SYNC_INVENTORY, SYNC_FLUSH, SYNC_SLICE, RUNNER_PORT);
    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    /** Where the config lives: the first argument, else {@value #ENV_CONFIG_PATH}, else {@code ./agent.properties}. */
    public static Path locate(String[] args, Map<String, String> env) {
        if (args.length > 0 && !args[0].isBlank()) {
            return Path.of(args[0]);
        }
        String fromEnv = env.get(ENV_CONFIG_PATH);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.trim());
        }
        return DEFAULT_PATH;
    }

    public static AgentConfig load(Path file) {
        Properties properties = new Properties();
        // UTF-8, not the ISO-8859-1 of Properties.load(InputStream): paths may be Vietnamese
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new AgentConfigException("agent config " + file.toAbsolutePath() + " not found (pass its path as"
                    + " the first argument or set " + ENV_CONFIG_PATH + ")", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new AgentConfigException("agent config " + file.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
        return from(properties, file.toString());
    }

    /**
     * @param source names the origin in error messages, e.g. the file path
     */
    public static AgentConfig from(Properties properties, String source) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            // a misspelt optional key would otherwise be silently ignored, e.g. an anonymous login
            throw new AgentConfigException("agent config " + source + ": unknown key(s) " + unknown
                    + ", expected only " + new TreeSet<>(KEYS));
        }

        String brokerUrl = required(properties, BROKER_URL, source);
        checkBrokerUrl(brokerUrl, source);

        String deviceId = required(properties, DEVICE_ID, source);
        try {
            DeviceIds.requireValid(deviceId);
        } catch (IllegalArgumentException e) {
            throw new AgentConfigException("agent config " + source + ": " + DEVICE_ID + " is invalid: " + e.getMessage(), e);
        }

        String username = optional(properties, USERNAME);
        // the password is taken verbatim: spaces may be part of it
        String password = properties.getProperty(PASSWORD);
        if (password != null && password.isEmpty()) {
            password = null;
        }
        if (password != null && username == null) {
            throw new AgentConfigException("agent config " + source + ": " + PASSWORD + " is set but " + USERNAME + " is not");
        }

        String dataDirValue = required(properties, DATA_DIR, source);
        Path dataDir;
        try {
            dataDir = Path.of(dataDirValue);
        } catch (InvalidPathException e) {
            throw new AgentConfigException("agent config " + source + ": " + DATA_DIR + " is not a valid path: " + e.getMessage(), e);
        }
        Path logDir = null;
        String logDirValue = optional(properties, LOG_DIR);
        if (logDirValue != null) {
            try {
                logDir = Path.of(logDirValue);
            } catch (InvalidPathException e) {
                throw new AgentConfigException("agent config " + source + ": " + LOG_DIR + " is not a valid path: " + e.getMessage(), e);
            }
        }
        long runnerPort = number(properties, RUNNER_PORT, DEFAULT_RUNNER_PORT, source);
        if (runnerPort < 0 || runnerPort > 65535) {
            throw new AgentConfigException("agent config " + source + ": " + RUNNER_PORT
                    + " must be 0 (no session runner page) or a port 1..65535, got " + runnerPort);
        }
        return new AgentConfig(brokerUrl, deviceId, username, password, dataDir, sync(properties, source), logDir,
                (int) runnerPort);
    }

    private static SyncSettings sync(Properties properties, String source) {
        SyncSettings d = SyncSettings.DEFAULTS;
        String window = optional(properties, SYNC_WINDOW);
        if (window != null && !window.equals("manifest") && !window.equals("always")) {
            throw new AgentConfigException("agent config " + source + ": " + SYNC_WINDOW
                    + " must be \"manifest\" (obey the manifest's window) or \"always\", got \"" + window + "\"");
        }
        ZoneId zone = d.zone();
        String zoneValue = optional(properties, SYNC_ZONE);
        if (zoneValue != null) {
            try {
                zone = ZoneId.of(zoneValue);
            } catch (DateTimeException e) {
                throw new AgentConfigException("agent config " + source + ": " + SYNC_ZONE + " is not a time zone: " + zoneValue, e);
            }
        }
        try {
            return new SyncSettings(
                    (int) number(properties, SYNC_IN_FLIGHT, d.requestsInFlight(), source),
                    Duration.ofSeconds(number(properties, SYNC_TIMEOUT, d.requestTimeout().toSeconds(), source)),
                    number(properties, SYNC_BANDWIDTH, 0, source) * 1000 / 8,
                    "always".equals(window),
                    zone,
                    number(properties, SYNC_MAX_CONTENT, 0, source) * 1024 * 1024,
                    Duration.ofSeconds(number(properties, SYNC_HEARTBEAT, d.heartbeatInterval().toSeconds(), source)),
                    Duration.ofSeconds(number(properties, SYNC_INVENTORY, d.inventoryInterval().toSeconds(), source)),
                    (int) number(properties, SYNC_FLUSH, d.progressFlushChunks(), source),
                    (int) Math.min(Integer.MAX_VALUE, number(properties, SYNC_SLICE, d.sliceBytes() / 1024, source) * 1024));
        } catch (IllegalArgumentException e) {
            throw new AgentConfigException("agent config " + source + ": " + e.getMessage(), e);
        }
    }

    private static long number(Properties properties, String key, long fallback, String source) {
        String value = optional(properties, key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AgentConfigException("agent config " + source + ": " + key + " must be a whole number, got \"" + value + "\"", e);
        }
    }

    private static void checkBrokerUrl(String url, String source) {
        String problem;
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme())) {
                problem = "scheme must be one of " + new TreeSet<>(SCHEMES);
            } else if (uri.getHost() == null) {
                problem = "host is missing";
            } else {
                return;
            }
        } catch (URISyntaxException e) {
            problem = e.getMessage();
        }
        throw new AgentConfigException("agent config " + source + ": " + BROKER_URL + " must look like tcp://host:1883, got \""
                + url + "\" (" + problem + ")");
    }

    private static String required(Properties properties, String key, String source) {
        String value = optional(properties, key);
        if (value == null) {
            throw new AgentConfigException("agent config " + source + ": missing required key " + key);
        }
        return value;
    }

    private static String optional(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        // Properties keeps trailing blanks, which are invisible in an editor
        return value.trim();
    }

    /**
     * Writes the credentials of an enrollment into the config file, keeping its other keys (a missing
     * {@code data.dir} becomes {@code data}). The file is replaced atomically and, where the file system
     * has POSIX permissions, readable by its owner only (600), because it now holds a password.
     */
    public static void storeCredentials(Path file, String brokerUrl, String deviceId, String username, String password) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new AgentConfigException("agent config " + file.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
            }
        }
        properties.setProperty(BROKER_URL, brokerUrl);
        properties.setProperty(DEVICE_ID, deviceId);
        properties.setProperty(USERNAME, username);
        properties.setProperty(PASSWORD, password);
        properties.putIfAbsent(DATA_DIR, "data");
        from(properties, file.toString()); // refuse to write what the agent could not start with
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), ".agent", ".tmp");
            try {
                if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                }
                try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    properties.store(writer, "DVCTT edge agent; credentials written by 'enroll'");
                }
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new AgentConfigException("agent config " + absolute + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** Never prints the password: configs end up in logs. */
    @Override
    public String toString() {
        return "AgentConfig[brokerUrl=" + brokerUrl + ", deviceId=" + deviceId + ", username=" + username
                + ", password=" + (password == null ? "<none>" : "<set>") + ", dataDir=" + dataDir + ", sync=" + sync
                + ", logDir=" + logDir + ", runnerPort=" + runnerPort + "]";
    }
}
