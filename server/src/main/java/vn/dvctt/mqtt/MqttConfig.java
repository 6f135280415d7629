package vn.dvctt.mqtt;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.security.PasswordGenerator;

/**
 * Wires the server's MQTT connection. With the embedded broker on, the server generates its own
 * broker account at each start (the broker lives and dies with this process); with an external
 * broker, the account comes from configuration.
 */
@Configuration
class MqttConfig {

    private static final String SERVER_ACCOUNT = "dvctt-server";

    /**
     * Also stopped as a destroy method: when start-up fails after the broker started, Spring
     * destroys beans without stopping lifecycles, and the broker's threads would keep the JVM alive.
     */
    @Bean(destroyMethod = "stop")
    MqttGateway mqttGateway(MqttProperties props, @Value("${dvctt.data-dir}") Path dataDir,
                            ObjectProvider<BrokerClients> clients) {
        String clientId = (props.clientId() == null || props.clientId().isBlank() ? "dvctt-server" : props.clientId())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (props.embedded().enabled()) {
            return new EmbeddedGateway(props.embedded(), dataDir.resolve("mqtt"), clientId,
                    clients.getIfAvailable(() -> BrokerClients.NONE));
        }
        if (props.url() == null || props.url().isBlank()) {
            throw new IllegalStateException("dvctt.mqtt.url (DVCTT_MQTT_URL) is required when the embedded broker is off");
        }
        return new MqttGateway(props.url(), props.username(), props.password(), clientId);
    }

    /** The embedded broker and the gateway that talks to it start and stop as one. */
    static final class EmbeddedGateway extends MqttGateway {
        private final EmbeddedBroker broker;

        EmbeddedGateway(MqttProperties.Embedded embedded, Path folder, String clientId, BrokerClients clients) {
            this(embedded, folder, clientId, PasswordGenerator.generate(), clients);
        }

        private EmbeddedGateway(MqttProperties.Embedded embedded, Path folder, String clientId, String secret,
                                BrokerClients clients) {
            super("tcp://127.0.0.1:" + embedded.port(), SERVER_ACCOUNT, secret, clientId);
            this.broker = new EmbeddedBroker(embedded, folder,
                    EmbeddedBroker.BrokerAccounts.single(SERVER_ACCOUNT, secret), clients);
        }

        @Override
        public Optional<EmbeddedBroker> embeddedBroker() {
            return Optional.of(broker);
        }

        @Override
        public void start() {
            broker.start();
            super.start();
        }

        @Override
        public void stop() {
            super.stop();
            broker.stop();
        }
    }

    @Bean
    HealthIndicator mqttHealthIndicator(MqttGateway gateway) {
        return () -> (gateway.isConnected() ? Health.up() : Health.down()).withDetail("broker", gateway.url()).build();
    }
}
