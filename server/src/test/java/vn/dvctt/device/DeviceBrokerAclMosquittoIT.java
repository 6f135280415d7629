package vn.dvctt.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dvctt.support.EmbeddedTestPorts;
import vn.dvctt.support.RealServices;

/**
 * A real Mosquitto 2 started by the test from the shipped {@code deploy/mosquitto/mosquitto.conf}
 * (only its port and two paths replaced), its dynamic security plugin initialised the way
 * deploy/README.md says, and the server keeping device accounts in it over {@code $CONTROL}.
 * Needs {@code /usr/sbin/mosquitto} and its dynamic security plugin (Debian's mosquitto package);
 * skipped without them, failed under {@code CI=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeviceBrokerAclMosquittoIT extends DeviceBrokerAclContract {

    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    static final Path CONF = Path.of("../deploy/mosquitto/mosquitto.conf");
    static final String SERVER_PASSWORD = "it-" + Long.toHexString(System.nanoTime());
    static Process broker;
    static Path dir;

    @DynamicPropertySource
    static void mosquitto(DynamicPropertyRegistry registry) throws Exception {
        boolean present = Files.isExecutable(MOSQUITTO) && Files.isExecutable(Path.of("/usr/bin/mosquitto_ctrl"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and mosquitto is not installed (apt-get install mosquitto mosquitto-clients)");
        }
        Assumptions.assumeTrue(present, "mosquitto not installed");
        int port = EmbeddedTestPorts.freePort();
        dir = Files.createTempDirectory("dvctt-mosquitto");
        // mosquitto started as root drops to its own user, which must write the plugin's file
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path dynsec = dir.resolve("dynamic-security.json");
        run("/usr/bin/mosquitto_ctrl", "dynsec", "init", dynsec.toString(), "dvctt-server", SERVER_PASSWORD);
        Files.setPosixFilePermissions(dynsec, PosixFilePermissions.fromString("rw-rw-rw-"));
        String shipped = Files.readString(CONF);
        String conf = replaceLine(shipped, "listener 1883", "listener " + port + " 127.0.0.1");
        conf = replaceLine(conf, "plugin_opt_config_file /var/lib/mosquitto/dynamic-security.json",
                "plugin_opt_config_file " + dynsec);
        conf = replaceLine(conf, "persistence_location /var/lib/mosquitto/", "persistence_location " + dir + "/");
        Path confFile = dir.resolve("mosquitto.conf");
        Files.writeString(confFile, conf);
        broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> broker.destroyForcibly()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> RealServices.reachable("tcp://127.0.0.1:" + port));
        String url = "tcp://127.0.0.1:" + port;
        registry.add("dvctt.mqtt.embedded.enabled", () -> "false");
        registry.add("dvctt.mqtt.url", () -> url);
        registry.add("dvctt.mqtt.username", () -> "dvctt-server");
        registry.add("dvctt.mqtt.password", () -> SERVER_PASSWORD);
        registry.add("dvctt.device.broker", () -> "mosquitto-dynsec");
        registry.add("dvctt.device.agent-broker-url", () -> url);
    }

    private static String replaceLine(String conf, String line, String with) {
        assertThat(conf.lines()).as("the shipped mosquitto.conf has the line %s", line).contains(line);
        return conf.lines().map(l -> l.equals(line) ? with : l).reduce("", (a, b) -> a + b + "\n");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }
}
