package vn.dvctt.mqtt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.eclipse.paho.mqttv5.common.util.MqttTopicValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The server's one MQTT connection (Paho v5), kept behind this small class because Paho 1.2.5 has
 * known bugs: publishing is asynchronous, reconnection automatic, subscriptions restored on every
 * reconnect, and callbacks never throw (a throw would shut the client down).
 */
public class MqttGateway implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttGateway.class);
    private static final int RETRY_SECONDS = 5;

    private final String url;
    private final String username;
    private final String password;
    private final String clientId;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt-connect");
        t.setDaemon(true);
        return t;
    });
    private volatile MqttAsyncClient client;
    private MqttConnectionOptions options;

    private record Subscription(int qos, BiConsumer<String, byte[]> handler) {
    }

    public MqttGateway(String url, String username, String password, String clientId) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.clientId = clientId;
    }

    @Override
    public void start() {
        options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setCleanStart(true);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        if (username != null && !username.isBlank()) {
            options.setUserName(username);
            options.setPassword(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("Invalid MQTT configuration for " + url, e);
        }
        client.setCallback(new Callback());
        connect();
    }

    /**
     * Never blocks start-up on the broker. Paho's automatic reconnect only covers a connection that
     * was once up, so a first connect that fails is retried here.
     */
    private void connect() {
        MqttAsyncClient c = client;
        if (c == null || c.isConnected()) {
            return;
        }
        try {
            c.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete() takes it from here
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    log.warn("MQTT broker {} not reachable ({}); retrying in {} s", url, e.getMessage(), RETRY_SECONDS);
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

    public String url() {
        return url;
    }

    /** The broker running inside this server, when the embedded default is on. */
    public java.util.Optional<EmbeddedBroker> embeddedBroker() {
        return java.util.Optional.empty();
    }

    /** Asynchronous publish; fails fast when not connected instead of buffering unboundedly. */
    public IMqttToken publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload, qos, retained, null);
        return running().publish(topic, message);
    }

    /**
     * Asynchronous publish with an MQTT 5 message expiry: the broker drops the message rather than
     * deliver it later than this (content chunks, see content/docs/decisions/0003).
     */
    public IMqttToken publish(String topic, byte[] payload, int qos, boolean retained, long messageExpirySeconds)
            throws MqttException {
        MqttProperties properties = new MqttProperties();
        properties.setMessageExpiryInterval(messageExpirySeconds);
        return running().publish(topic, new MqttMessage(payload, qos, retained, properties));
    }

    private MqttAsyncClient running() throws MqttException {
        MqttAsyncClient c = client;
        if (c == null) {
            throw new MqttException(org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_CLIENT_CLOSED);
        }
        return c;
    }

    /** Subscribes now if connected and again after every reconnect (clean start drops subscriptions). */
    public void subscribe(String filter, int qos, BiConsumer<String, byte[]> handler) throws MqttException {
        subscriptions.put(filter, new Subscription(qos, handler));
        if (isConnected()) {
            client.subscribe(filter, qos).waitForCompletion(10_000);
        }
    }

    /**
     * A subscriber on its own connection, with this gateway's account, that acknowledges each QoS 1
     * message when told to; not started. Its client id is this gateway's plus {@code suffix}.
     */
    public AckingSubscriber ackingSubscriber(String suffix, String filter, int qos, int receiveMaximum,
                                             AckingSubscriber.Handler handler) {
        return new AckingSubscriber(url, username, password, clientId + "-" + suffix, filter, qos, receiveMaximum,
                handler);
    }

    @Override
    public void stop() {
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
                log.warn("MQTT client did not close cleanly: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            log.info("MQTT connected to {}{}", serverURI, reconnect ? " (reconnected)" : "");
            subscriptions.forEach((filter, s) -> {
                try {
                    client.subscribe(filter, s.qos());
                } catch (MqttException | RuntimeException e) {
                    log.warn("MQTT subscribe to {} failed: {}", filter, e.getMessage());
                }
            });
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            for (Map.Entry<String, Subscription> e : subscriptions.entrySet()) {
                if (MqttTopicValidator.isMatched(stripShare(e.getKey()), topic)) {
                    try {
                        e.getValue().handler().accept(topic, message.getPayload());
                    } catch (RuntimeException ex) {
                        log.error("Handler for {} failed on {}", e.getKey(), topic, ex);
                    }
                }
            }
        }

        private String stripShare(String filter) {
            if (filter.startsWith("$share/")) {
                int slash = filter.indexOf('/', "$share/".length());
                return filter.substring(slash + 1);
            }
            return filter;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            log.warn("MQTT connection to {} lost: {}", url, response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // asynchronous publishers hold their own tokens
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
