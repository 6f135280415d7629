package vn.dvctt.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.hivemq.HiveMQContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Finds a real PostgreSQL and a real MQTT broker for {@link PostgresAndBroker} tests, in this order:
 * <ol>
 *   <li>{@code TEST_PG_URL} (with {@code TEST_PG_USER}, {@code TEST_PG_PASSWORD}) and {@code TEST_MQTT_URL};</li>
 *   <li>Testcontainers, where a Docker engine answers;</li>
 *   <li>the local services of the developer and CI machines: PostgreSQL on 127.0.0.1:5432 (database
 *       {@code test}, user {@code postgres}) and Mosquitto on 127.0.0.1:1883;</li>
 *   <li>otherwise the tests are skipped with the reason, and fail instead when {@code CI=true}.</li>
 * </ol>
 * Each test JVM works in a fresh PostgreSQL schema, dropped when the JVM ends, so runs never see
 * each other's data or an older schema.
 */
public final class RealServices implements ExecutionCondition, ApplicationContextInitializer<ConfigurableApplicationContext> {

    record Postgres(String url, String user, String password) {
    }

    private static Optional<Postgres> postgres;
    private static Optional<String> mqtt;
    private static String problem;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        resolve();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL " + postgres.get().url() + ", MQTT " + mqtt.get());
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and the real services are missing: " + problem);
        }
        return ConditionEvaluationResult.disabled(problem);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        resolve();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        Postgres pg = postgres.get();
        String schema = createSchema(pg);
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + schema);
        props.put("spring.datasource.username", pg.user());
        props.put("spring.datasource.password", pg.password());
        props.put("spring.flyway.schemas", schema);
        props.put("dvctt.mqtt.embedded.enabled", "false");
        props.put("dvctt.mqtt.url", mqtt.get());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("real-services", props));
    }

    public static String mqttUrl() {
        resolve();
        return mqtt.orElseThrow();
    }

    private static synchronized void resolve() {
        if (postgres != null) {
            return;
        }
        postgres = fromEnvPostgres();
        mqtt = Optional.ofNullable(System.getenv("TEST_MQTT_URL")).filter(s -> !s.isBlank());
        if ((postgres.isEmpty() || mqtt.isEmpty()) && dockerAvailable()) {
            if (postgres.isEmpty()) {
                PostgreSQLContainer<?> pg = new PostgreSQLContainer<>(DockerImageName.parse("postgres:16-alpine"));
                pg.start();
                postgres = Optional.of(new Postgres(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword()));
            }
            if (mqtt.isEmpty()) {
                HiveMQContainer broker = new HiveMQContainer(DockerImageName.parse("hivemq/hivemq-ce:2025.5"));
                broker.start();
                mqtt = Optional.of("tcp://" + broker.getHost() + ":" + broker.getMqttPort());
            }
        }
        if (postgres.isEmpty() && reachable("127.0.0.1", 5432)) {
            postgres = Optional.of(new Postgres("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""));
        }
        if (mqtt.isEmpty() && reachable("127.0.0.1", 1883)) {
            mqtt = Optional.of("tcp://127.0.0.1:1883");
        }
        if (postgres.isEmpty() || mqtt.isEmpty()) {
            problem = "no " + (postgres.isEmpty() ? "PostgreSQL" : "") + (postgres.isEmpty() && mqtt.isEmpty() ? " and no " : "")
                    + (mqtt.isEmpty() ? "MQTT broker" : "") + ": set TEST_PG_URL/TEST_MQTT_URL, run Docker, "
                    + "or start the local services on 127.0.0.1:5432 and :1883";
        }
    }

    private static Optional<Postgres> fromEnvPostgres() {
        String url = System.getenv("TEST_PG_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Postgres(url, Optional.ofNullable(System.getenv("TEST_PG_USER")).orElse("postgres"),
                Optional.ofNullable(System.getenv("TEST_PG_PASSWORD")).orElse("")));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean reachable(String mqttUrl) {
        URI uri = URI.create(mqttUrl);
        return reachable(uri.getHost(), uri.getPort());
    }

    private static String createSchema(Postgres pg) {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test schema on " + pg.url(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                // the JVM is ending; a leftover schema is only disk space
            }
        }));
        return schema;
    }
}
