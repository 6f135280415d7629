package vn.dvctt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import vn.dvctt.support.EmbeddedTestPorts;
import vn.dvctt.support.RealServices;

/**
 * The broker of deploy/compose.yaml started for real: deploy/mosquitto/entrypoint.sh (the image's
 * entrypoint) with the shipped mosquitto.conf, only its port and data paths moved to a temporary
 * directory, and Debian's /usr/sbin/mosquitto as in the image. Needs the mosquitto package; fails
 * under CI=true without it.
 */
class MosquittoEntrypointIT {

    static final Path ENTRYPOINT = DeployFiles.DEPLOY.resolve("mosquitto/entrypoint.sh");
    final String password = "pw-" + Long.toHexString(System.nanoTime());
    Path dir;
    Path conf;
    Path dynsec;
    int port;
    Process broker;

    @BeforeEach
    void prepare() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) && Files.isExecutable(Path.of("/usr/bin/mosquitto_ctrl"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and mosquitto is not installed (apt-get install mosquitto)");
        }
        Assumptions.assumeTrue(present, "mosquitto not installed");
        dir = Files.createTempDirectory("dvctt-mosquitto-entry");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path data = dir.resolve("data");
        dynsec = data.resolve("dynamic-security.json");
        port = EmbeddedTestPorts.freePort();
        String shipped = DeployFiles.read(DeployFiles.DEPLOY.resolve("mosquitto/mosquitto.conf"));
        String moved = shipped.lines().map(l -> switch (l) {
            case "listener 1883" -> "listener " + port + " 127.0.0.1";
            case "plugin_opt_config_file /var/lib/mosquitto/dynamic-security.json" -> "plugin_opt_config_file " + dynsec;
            case "persistence_location /var/lib/mosquitto/" -> "persistence_location " + data + "/";
            default -> l;
        }).reduce("", (a, b) -> a + b + "\n");
        assertThat(moved).contains("listener " + port).contains("plugin_opt_config_file " + dynsec);
        conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, moved);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process entrypoint(Map<String, String> extra) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", ENTRYPOINT.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.log").toFile()));
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        pb.environment().put("MOSQUITTO_CONF", conf.toString());
        pb.environment().put("DYNSEC_FILE", dynsec.toString());
        pb.environment().remove("DVCTT_MQTT_PASSWORD");
        pb.environment().putAll(extra);
        return pb.start();
    }

    private void startBroker(Map<String, String> extra) throws Exception {
        broker = entrypoint(extra);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> !broker.isAlive() || RealServices.reachable("tcp://127.0.0.1:" + port));
        assertThat(broker.isAlive()).as(Files.readString(dir.resolve("out.log"))).isTrue();
    }

    private void connect(String user, String pass) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "it-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (user != null) {
            options.setUserName(user);
            options.setPassword(pass.getBytes(StandardCharsets.UTF_8));
        }
        options.setConnectionTimeout(5);
        try {
            client.connect(options);
            client.disconnect();
        } finally {
            client.close();
        }
    }

    @Test
    void firstStartCreatesTheServersAccountAndRefusesEveryoneElse() throws Exception {
        startBroker(Map.of("DVCTT_MQTT_PASSWORD", password));

        connect("dvctt-server", password);
        assertThatThrownBy(() -> connect("dvctt-server", password + "x")).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect(null, null)).isInstanceOf(MqttException.class);
        assertThat(Files.getPosixFilePermissions(dynsec)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aRestartKeepsTheAccountsWithoutThePassword() throws Exception {
        startBroker(Map.of("DVCTT_MQTT_PASSWORD", password));
        stop();
        broker = null;

        startBroker(Map.of());

        connect("dvctt-server", password);
    }

    @Test
    void firstStartWithoutAPasswordStopsWithTheReason() throws Exception {
        Process p = entrypoint(Map.of());

        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("out.log"))).contains("set DVCTT_MQTT_PASSWORD");
        assertThat(dynsec).doesNotExist();
    }
}
