package vn.dvctt.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.content.Topics;

abstract class MqttGatewayContract {

    @Autowired
    MqttGateway gateway;

    @Test
    void gatewayReceivesWhatItPublishesThroughTheBroker() throws Exception {
        awaitConnected();
        String topic = "dvctt/test/" + UUID.randomUUID();
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        gateway.subscribe(topic, 1, (t, payload) -> received.add(new String(payload, StandardCharsets.UTF_8)));
        gateway.publish(topic, "xin chào".getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(5_000);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("xin chào");
    }

    @Test
    void sharedSubscriptionDeliversToTheGateway() throws Exception {
        awaitConnected();
        String base = "dvctt/test/" + UUID.randomUUID();
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        gateway.subscribe(Topics.sharedSubscription("servers", base + "/+"), 1, (t, p) -> received.add(t));
        gateway.publish(base + "/a", new byte[] {1}, 1, false).waitForCompletion(5_000);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(base + "/a");
    }

    void awaitConnected() {
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(gateway::isConnected);
    }
}
