package vn.dvctt.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second broker connection, with the server's account, for a consumer that acknowledges QoS 1
 * messages itself, after it has committed what they carry (content/docs/decisions/0004). A message
 * is never acknowledged before its commit, and the broker sends at most {@code receiveMaximum}
 * unacknowledged messages, which bounds the consumer's memory. What an instance took and died with is
 * not redelivered to another instance by every broker (Mosquitto drops it with the dead session); the
 * agents' re-send of unacknowledged events is what guarantees delivery, not the broker.
 *
 * <p>Paho delivers on its own thread and acks when told; a message id is only meaningful on the
 * connection it arrived on, so an ack from before a reconnect is dropped rather than sent, where it
 * could acknowledge a different, newer message.
 */
public final class AckingSubscriber implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AckingSubscriber.class);
    private static final int RETRY_SECONDS = 2;

    /** One delivery, to be passed back to {@link #ack} once handled. */
    public record Delivery(String topic, byte[] payload, int messageId, int qos, long connection, long receivedNanos) {
    }

    /** Receives deliveries on the client's thread: hand them on quickly, never throw. */
    @FunctionalInterface
    public interface Handler {
        void accept(Delivery delivery);
    }

    private final String url;
    private final String username;
    private final String password;
    private final String clientId;
    private final String filter;
    private final int qos;
    private final int receiveMaximum;
    private final Handler handler;
    private final AtomicLong connection = new AtomicLong();
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt-acking-connect");
        t.setDaemon(true);
        return t;
    });
    private volatile MqttAsyncClient client;
    private MqttConnectionOptions options;

    AckingSubscriber(String url, String username, String password, String clientId, String filter, int qos,
                     int receiveMaximum, Handler handler) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.clientId = clientId;
        this.filter = filter;
        this.qos = qos;
        this.receiveMaximum = receiveMaximum;
        this.handler = handler;
    }

    /** Connects in the background and keeps reconnecting; subscribes after every connect. */
    public void start() {
        options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setCleanStart(true);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        options.setReceiveMaximum(receiveMaximum);
        if (username != null && !username.isBlank()) {
            options.setUserName(username);
            options.setPassword(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("Invalid MQTT configuration for " + url, e);
        }
        client.setManualAcks(true);
        client.setCallback(new Callback());
        connect();
    }

    private void connect() {
        MqttAsyncClient c = client;
        if (c == null || c.isConnected()) {
            return;
        }
        try {
            c.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete() subscribes
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    log.debug("{} not connected to {}: {}", clientId, url, e.getMessage());
                    retryLater();
                }
            });
        } catch (MqttException e) {
            retryLater();
        }
    }

    private void retryLater() {
        if (client != null && !retry.isShutdown()) {
            retry.schedule(this::connect, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /**
     * Acknowledges a delivery once what it carried is committed. Returns false when the connection it
     * came on is gone: the broker will deliver it again (or already gave it to another instance).
     */
    public boolean ack(Delivery delivery) {
        MqttAsyncClient c = client;
        if (c == null || delivery.qos() == 0 || delivery.connection() != connection.get() || !c.isConnected()) {
            return false;
        }
        try {
            c.messageArrivedComplete(delivery.messageId(), delivery.qos());
            return true;
        } catch (MqttException | RuntimeException e) {
            log.warn("Ack of message {} failed: {}", delivery.messageId(), e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        retry.shutdownNow();
        MqttAsyncClient c = client;
        client = null;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect().waitForCompletion(5_000);
                }
                c.close(true);
            } catch (MqttException e) {
                log.warn("{} did not close cleanly: {}", clientId, e.getMessage());
            }
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            long generation = connection.incrementAndGet();
            log.info("{} connected to {} (connection {}); subscribing to {}", clientId, serverURI, generation, filter);
            try {
                client.subscribe(filter, qos);
            } catch (MqttException | RuntimeException e) {
                log.warn("{} could not subscribe to {}: {}", clientId, filter, e.getMessage());
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                handler.accept(new Delivery(topic, message.getPayload(), message.getId(), message.getQos(),
                        connection.get(), System.nanoTime()));
            } catch (RuntimeException e) {
                // a throw here would shut the client down (Paho); the message stays unacknowledged
                log.error("Handler for {} failed on {}", filter, topic, e);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            log.warn("{} lost its connection to {}: {}", clientId, url, response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("{} MQTT error: {}", clientId, exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // this client only subscribes
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
