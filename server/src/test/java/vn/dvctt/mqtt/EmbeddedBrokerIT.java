package vn.dvctt.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The embedded default's broker: HiveMQ CE inside the server. */
@SpringBootTest
@ActiveProfiles("test")
class EmbeddedBrokerIT extends MqttGatewayContract {

    @Value("${dvctt.mqtt.embedded.port}")
    int port;

    @Test
    void refusesClientsWithoutAnAccount() throws Exception {
        awaitConnected();
        MqttClient stranger = new MqttClient("tcp://127.0.0.1:" + port, "stranger", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setConnectionTimeout(5);
        assertThatThrownBy(() -> stranger.connect(options)).isInstanceOf(MqttException.class);
        options.setUserName("dvctt-server");
        options.setPassword("guess".getBytes());
        assertThatThrownBy(() -> stranger.connect(options)).isInstanceOf(MqttException.class);
        stranger.close(true);
    }

    @Test
    void aTakenPortIsReportedInOneClearLine(@TempDir Path folder) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            EmbeddedBroker broker = new EmbeddedBroker(
                    new MqttProperties.Embedded(true, taken.getLocalPort(), "0.0.0.0"), folder,
                    EmbeddedBroker.BrokerAccounts.single("a", "b"));
            assertThatThrownBy(broker::start).isInstanceOfSatisfying(BrokerPortInUseException.class, e -> {
                FailureAnalysis analysis = new BrokerPortInUseFailureAnalyzer().analyze(e);
                assertThat(analysis.getDescription()).contains(String.valueOf(taken.getLocalPort())).doesNotContain("\n");
                assertThat(analysis.getAction()).contains("DVCTT_MQTT_PORT");
            });
            assertThat(broker.isRunning()).isFalse();
        }
    }
}
