package vn.dvctt.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import vn.dvctt.support.PostgresAndBroker;
import vn.dvctt.support.RealServices;

/** The production set-up: the server's gateway on an external broker, talking to another Paho client. */
@PostgresAndBroker
class ExternalBrokerIT extends MqttGatewayContract {

    @Test
    void anIndependentPahoClientAndTheServerExchangeMessages() throws Exception {
        awaitConnected();
        String toServer = "dvctt/test/" + UUID.randomUUID() + "/up";
        String toDevice = "dvctt/test/" + UUID.randomUUID() + "/down";
        BlockingQueue<String> atServer = new ArrayBlockingQueue<>(1);
        gateway.subscribe(toServer, 1, (t, p) -> atServer.add(new String(p, StandardCharsets.UTF_8)));

        MqttClient device = new MqttClient(RealServices.mqttUrl(), "it-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        device.connect(options);
        try {
            BlockingQueue<String> atDevice = new ArrayBlockingQueue<>(1);
            device.subscribe(toDevice, 1);
            device.setCallback(new CallbackAdapter(atDevice));
            device.publish(toServer, new MqttMessage("Bản Pắc Pộc".getBytes(StandardCharsets.UTF_8), 1, false, null));
            assertThat(atServer.poll(10, TimeUnit.SECONDS)).isEqualTo("Bản Pắc Pộc");

            gateway.publish(toDevice, "đã nhận".getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(5_000);
            assertThat(atDevice.poll(10, TimeUnit.SECONDS)).isEqualTo("đã nhận");
        } finally {
            device.disconnect();
            device.close();
        }
    }

    private record CallbackAdapter(BlockingQueue<String> sink) implements org.eclipse.paho.mqttv5.client.MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            sink.add(new String(message.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
        }
    }
}
