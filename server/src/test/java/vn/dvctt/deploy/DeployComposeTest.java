package vn.dvctt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvctt.deploy.DeployFiles.DEPLOY;
import static vn.dvctt.deploy.DeployFiles.REPO;
import static vn.dvctt.deploy.DeployFiles.list;
import static vn.dvctt.deploy.DeployFiles.map;
import static vn.dvctt.deploy.DeployFiles.read;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import vn.dvctt.device.DeviceProperties;

/**
 * deploy/compose.yaml read as Docker Compose would (no Docker engine runs on the build machines): the
 * services wire together, every path exists, and the server gets the settings its properties read.
 */
class DeployComposeTest {

    final Map<String, Object> compose = DeployFiles.yaml(DEPLOY.resolve("compose.yaml"));
    final Map<String, String> dotEnv = DeployFiles.dotEnv(DEPLOY.resolve(".env.example"));
    final Map<String, Object> services = map(compose, "services");

    private Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        map(services, service, "environment").forEach((k, v) ->
                env.put(k, DeployFiles.interpolate(v == null ? "" : String.valueOf(v), dotEnv)));
        return env;
    }

    private ConfigurableEnvironment serverEnvironment() {
        Map<String, String> env = environment("server");
        return DeployFiles.serverEnvironment(env, env.get("SPRING_PROFILES_ACTIVE").split(","));
    }

    private static String mountTarget(List<Object> volumes, String source) {
        return volumes.stream().map(String::valueOf).filter(v -> v.startsWith(source + ":")).findFirst()
                .map(v -> v.split(":")[1]).orElseThrow(() -> new AssertionError("no volume " + source));
    }

    @Test
    void runsPostgresMosquittoAndTheServer() {
        assertThat(services).containsOnlyKeys("postgres", "mosquitto", "server");
        assertThat(map(services, "server", "depends_on")).containsKeys("postgres", "mosquitto");
        assertThat(map(services, "server", "depends_on", "postgres")).containsEntry("condition", "service_healthy");
    }

    @Test
    void everyBuildContextDockerfileAndBindMountExists() {
        services.forEach((name, s) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = (Map<String, Object>) s;
            if (service.get("build") != null) {
                Map<String, Object> build = map(service, "build");
                Path context = DEPLOY.resolve(String.valueOf(build.get("context")));
                assertThat(context).as("%s build context", name).isDirectory();
                Path dockerfile = context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")));
                assertThat(dockerfile).as("%s Dockerfile", name).isRegularFile();
                // every file the Dockerfile copies from its context is there
                Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(read(dockerfile));
                while (copy.find()) {
                    assertThat(context.resolve(copy.group(1))).as("%s COPY %s", name, copy.group(1)).exists();
                }
            }
            if (service.get("volumes") != null) {
                for (Object v : list(service, "volumes")) {
                    String source = String.valueOf(v).split(":")[0];
                    if (source.startsWith(".")) {
                        assertThat(DEPLOY.resolve(source)).as("%s bind mount %s", name, source).exists();
                    } else {
                        assertThat(map(compose, "volumes")).as("named volume %s is declared", source).containsKey(source);
                    }
                }
            }
        });
    }

    @Test
    void mosquittoRunsTheConfigurationTheBrokerTestRuns() {
        List<Object> volumes = list(services.get("mosquitto"), "volumes");
        // DeviceBrokerAclMosquittoIT starts mosquitto from ../deploy/mosquitto/mosquitto.conf
        assertThat(mountTarget(volumes, "./mosquitto/mosquitto.conf")).isEqualTo("/etc/mosquitto/mosquitto.conf");
        assertThat(read(DEPLOY.resolve("mosquitto/entrypoint.sh")))
                .contains("conf=\"${MOSQUITTO_CONF:-/etc/mosquitto/mosquitto.conf}\"")
                .contains("dynsec=\"${DYNSEC_FILE:-/var/lib/mosquitto/dynamic-security.json}\"");
        String conf = read(DEPLOY.resolve("mosquitto/mosquitto.conf"));
        String dataVolume = mountTarget(volumes, "mosquitto-data");
        assertThat(conf.lines()).contains("plugin_opt_config_file " + dataVolume + "/dynamic-security.json",
                "persistence_location " + dataVolume + "/", "persistence true", "allow_anonymous false", "listener 1883");
        assertThat(list(services.get("mosquitto"), "ports")).contains("1883:1883");
        assertThat(environment("mosquitto")).containsKeys("DVCTT_MQTT_PASSWORD", "DVCTT_MQTT_USERNAME");
    }

    @Test
    void theServerReachesPostgresAndMosquittoWithTheirOwnCredentials() {
        ConfigurableEnvironment env = serverEnvironment();
        Map<String, String> pg = environment("postgres");

        URI db = URI.create(env.getProperty("spring.datasource.url").substring("jdbc:".length()));
        assertThat(db.getScheme()).isEqualTo("postgresql");
        assertThat(services).containsKey(db.getHost());
        assertThat(db.getPort()).isEqualTo(5432);
        assertThat(db.getPath()).isEqualTo("/" + pg.get("POSTGRES_DB"));
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo(pg.get("POSTGRES_USER"));
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo(pg.get("POSTGRES_PASSWORD")).isNotBlank();

        URI mqtt = URI.create(env.getProperty("dvctt.mqtt.url"));
        assertThat(mqtt.getHost()).isEqualTo("mosquitto");
        assertThat(read(DEPLOY.resolve("mosquitto/mosquitto.conf")).lines()).contains("listener " + mqtt.getPort());
        Map<String, String> broker = environment("mosquitto");
        assertThat(env.getProperty("dvctt.mqtt.username")).isEqualTo(broker.get("DVCTT_MQTT_USERNAME"));
        assertThat(env.getProperty("dvctt.mqtt.password")).isEqualTo(broker.get("DVCTT_MQTT_PASSWORD")).isNotBlank();
        assertThat(env.getProperty("dvctt.mqtt.embedded.enabled")).isEqualTo("false");
        assertThat(env.getProperty("dvctt.demo.enabled")).isEqualTo("false");

        DeviceProperties devices = Binder.get(env).bind("dvctt.device", DeviceProperties.class).get();
        assertThat(devices.broker()).isEqualTo("mosquitto-dynsec");
        assertThat(devices.agentBrokerUrl()).isEqualTo(dotEnv.get("DVCTT_AGENT_BROKER_URL"));
        assertThat(devices.publicUrl()).isEqualTo(dotEnv.get("DVCTT_PUBLIC_URL"));
    }

    @Test
    void theContentStoreIsAVolumeAndTheHealthCheckHitsTheReadinessProbe() {
        ConfigurableEnvironment env = serverEnvironment();
        Map<String, Object> server = map(services, "server");

        assertThat(mountTarget(list(server, "volumes"), "store")).isEqualTo(env.getProperty("dvctt.store.dir"));
        assertThat(list(server, "ports")).contains(env.getProperty("server.port") + ":" + env.getProperty("server.port"));
        assertThat(env.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(env.getProperty("management.endpoints.web.exposure.include")).contains("health", "prometheus");
        String managementPort = env.getProperty("management.server.port");
        assertThat(managementPort).isNotEqualTo(env.getProperty("server.port"));
        assertThat(list(server, "ports")).as("actuator stays inside").noneMatch(p -> String.valueOf(p).contains(managementPort));
        assertThat(list(server, "healthcheck", "test"))
                .contains("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
    }

    @Test
    void everyVariableGivenToTheServerIsOneItReads() {
        environment("server").keySet().forEach(v -> DeployFiles.assertReadByServer(v, "compose.yaml"));
        Matcher env = Pattern.compile("(?m)^\\s*(?:ENV\\s+)?([A-Z][A-Z0-9_]+)=").matcher(read(DEPLOY.resolve("server/Dockerfile")));
        int found = 0;
        while (env.find()) {
            DeployFiles.assertReadByServer(env.group(1), "server/Dockerfile");
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aMisspelledVariableIsCaught() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeployFiles.assertReadByServer("DVCTT_MQTT_URI", "here"))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeployFiles.assertReadByServer("DVCTT_DEVICE_BROKR", "here"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theServerImageShipsTheJarTheBuildMakesAndKeepsTheStoreOnAVolume() {
        String dockerfile = read(DEPLOY.resolve("server/Dockerfile"));
        String pom = read(REPO.resolve("server/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).isTrue();
        assertThat(dockerfile).contains("COPY --from=build /src/server/target/" + finalName.group(1) + ".jar ");
        ConfigurableEnvironment env = DeployFiles.serverEnvironment(Map.of("DVCTT_STORE_DIR", "/var/lib/dvctt/store"), "production");
        assertThat(dockerfile).contains("VOLUME " + env.getProperty("dvctt.store.dir"))
                .contains("DVCTT_STORE_DIR=" + env.getProperty("dvctt.store.dir"))
                .contains("curl -fsS http://127.0.0.1:9090/actuator/health/readiness")
                .contains("MANAGEMENT_SERVER_PORT=9090");
        assertThat(Files.isExecutable(DEPLOY.resolve("mosquitto/entrypoint.sh"))).isTrue();
    }
}
