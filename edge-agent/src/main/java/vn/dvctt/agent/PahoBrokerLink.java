package vn.dvctt.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import vn.dvctt.content.Channel;
import vn.dvctt.content.DeviceStatus;
import vn.dvctt.content.Topics;

/**
 * {@link BrokerLink} on Paho's MQTT v5 async client.
 *
 * <p>Paho 1.2.5 rules this class follows: publish only asynchronously (synchronous QoS 1 publishing
 * hits "Too many publishes in progress"), never block or throw in its callbacks (a throw shuts the
 * client down), and reconnect ourselves: Paho's automatic reconnect only starts after one connect has
 * succeeded and waits exactly 1, 2, 4… s, so a province's devices cut off by one broker restart would
 * all knock at the same instants. Our delays double from 1 s to 60 s and are jittered (each is
 * drawn between half and the whole of the step) to spread them. Paho's threads come from
 * {@link PahoThreads}, which takes 0.3 s of Paho's own waiting out of every connect.
 */
public final class PahoBrokerLink implements BrokerLink {

    private static final Log log = Log.of(PahoBrokerLink.class);

    static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    static final int STATUS_QOS = 1;

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final long REDIAL_MILLIS = 100;
    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;
    private static final long QUIESCE_MILLIS = 1_000;

    private final AgentConfig config;
    private final String agentVersion;
    private final String statusTopic;
    private final MqttConnectionOptions options;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService timers;
    private final CompletableFuture<Void> firstOnline = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean everConnected = new AtomicBoolean();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final List<Runnable> connectedListeners = new CopyOnWriteArrayList<>();

    private record Subscription(int qos, MessageHandler handler, CompletableFuture<Void> granted) {
    }

    public PahoBrokerLink(AgentConfig config, String agentVersion) {
        this(config, agentVersion, DEFAULT_KEEP_ALIVE);
    }

    /** @param keepAlive shortened by tests so a dead link is noticed quickly */
    PahoBrokerLink(AgentConfig config, String agentVersion, Duration keepAlive) {
        this.config = config;
        this.agentVersion = agentVersion;
        this.statusTopic = Topics.device(config.deviceId(), Channel.STATUS);
        this.options = connectionOptions(keepAlive);
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dvctt-mqtt-timers");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // the device id is the client id, so a second agent with the same id takes the session over
            // instead of both appearing online
            this.client = new MqttAsyncClient(config.brokerUrl(), config.deviceId(), new MemoryPersistence(), null,
                    new PahoThreads(timers));
        } catch (MqttException e) {
            timers.shutdownNow();
            throw new IllegalArgumentException("cannot create MQTT client for " + config.brokerUrl() + ": " + e.getMessage(), e);
        }
        this.client.setCallback(new Callback());
    }

    private MqttConnectionOptions connectionOptions(Duration keepAlive) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        // no session to resume yet: commands and content are pulled, nothing needs queueing while away
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setKeepAliveInterval((int) keepAlive.toSeconds());
        o.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        o.setAutomaticReconnect(false); // we reconnect ourselves, with jitter (see the class comment)
        if (config.brokerUrl().startsWith("tcp://")) {
            // a connect waiting out a cut link resumes within a tenth of a second of its return, not after
            // the kernel's next SYN retry (1, 3, 7 s); TLS keeps Paho's own factory
            o.setSocketFactory(new RedialingSocketFactory(REDIAL_MILLIS));
        }
        if (config.username() != null) {
            o.setUserName(config.username());
        }
        if (config.password() != null) {
            o.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        // Paho keeps these options for its reconnects, so this Will's `at` is the first connect time;
        // DeviceStatus documents that receivers use their own clock for a Will
        DeviceStatus will = DeviceStatus.offline(config.deviceId(), agentVersion, System.currentTimeMillis());
        o.setWill(statusTopic, new MqttMessage(will.toPayload(), STATUS_QOS, true, null));
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(0L); // OFFLINE as soon as the broker notices the loss
        o.setWillMessageProperties(willProperties);
        return o;
    }

    @Override
    public CompletableFuture<Void> connect() {
        if (started.compareAndSet(false, true)) {
            attemptConnect(FIRST_RETRY);
        }
        return firstOnline;
    }

    private void attemptConnect(Duration retryIn) {
        if (closed.get()) {
            return;
        }
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    log.debug("Connected to {}", config.brokerUrl());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    retryLater(exception, retryIn);
                }
            });
        } catch (MqttException | RuntimeException e) {
            retryLater(e, retryIn);
        }
    }

    private void retryLater(Throwable cause, Duration step) {
        if (closed.get()) {
            return;
        }
        long delayMillis = jittered(step);
        log.warn("Cannot connect to broker {} ({}); retrying in {} ms", config.brokerUrl(), describe(cause), delayMillis);
        Duration next = step.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : step.multipliedBy(2);
        schedule(() -> attemptConnect(next), delayMillis);
    }

    /** Between half and the whole of the step, so devices cut off together do not come back together. */
    static long jittered(Duration step) {
        long millis = step.toMillis();
        return millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            // on our own thread: calling connect from inside Paho's callbacks would re-enter it
            timers.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Not retrying: link closed");
        }
    }

    @Override
    public CompletableFuture<Void> subscribe(String topic, int qos, MessageHandler handler) {
        if (topic.contains("+") || topic.contains("#")) {
            throw new IllegalArgumentException("the agent subscribes to exact topics only, got " + topic);
        }
        Subscription subscription = new Subscription(qos, handler, new CompletableFuture<>());
        subscriptions.put(topic, subscription);
        if (client.isConnected()) {
            sendSubscribe(topic, subscription);
        }
        return subscription.granted();
    }

    @Override
    public void onConnected(Runnable listener) {
        connectedListeners.add(listener);
    }

    private void sendSubscribe(String topic, Subscription subscription) {
        try {
            client.subscribe(topic, subscription.qos(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        log.error("Broker refused the subscription to {} (reason code 0x{})", topic, Integer.toHexString(codes[0]));
                        return;
                    }
                    subscription.granted().complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    log.warn("Subscribing to {} failed: {}", topic, describe(exception));
                }
            });
        } catch (MqttException | RuntimeException e) {
            log.warn("Subscribing to {} failed: {}", topic, describe(e));
        }
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.publish(topic, payload, qos, retained, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null) {
                        for (int code : codes) {
                            // MQTT 5 acks can carry a refusal (e.g. 0x87 not authorized) and still count as delivered to Paho
                            if (code >= 0x80) {
                                done.completeExceptionally(new IOException(
                                        "broker refused publish to " + topic + " with reason code 0x" + Integer.toHexString(code)));
                                return;
                            }
                        }
                    }
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    done.completeExceptionally(new IOException("publish to " + topic + " failed: " + describe(exception), exception));
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(new IOException("publish to " + topic + " failed: " + describe(e), e));
        }
        return done;
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (client.isConnected()) {
            int reason = MqttReturnCode.RETURN_CODE_SUCCESS;
            try {
                DeviceStatus offline = DeviceStatus.offline(config.deviceId(), agentVersion, System.currentTimeMillis());
                publish(statusTopic, offline.toPayload(), STATUS_QOS, true).get(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reason = MqttReturnCode.RETURN_CODE_DISCONNECT_WITH_WILL_MESSAGE;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("OFFLINE status not confirmed ({}); asking the broker to publish the Will instead", describe(e));
                // a normal disconnect discards the Will, so without this the device would stay ONLINE
                reason = MqttReturnCode.RETURN_CODE_DISCONNECT_WITH_WILL_MESSAGE;
            }
            try {
                client.disconnect(QUIESCE_MILLIS, null, null, reason, new MqttProperties())
                        .waitForCompletion(CLOSE_TIMEOUT_MILLIS);
            } catch (MqttException e) {
                log.warn("Clean disconnect from {} failed: {}", config.brokerUrl(), describe(e));
            }
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.warn("Closing the MQTT client failed: {}", describe(e));
        }
        timers.shutdownNow(); // last: Paho's keep-alive timer runs on it until the client is closed
        firstOnline.completeExceptionally(new IllegalStateException("link closed before it came online"));
    }

    private void announceOnline() {
        DeviceStatus online = DeviceStatus.online(config.deviceId(), agentVersion, System.currentTimeMillis());
        publish(statusTopic, online.toPayload(), STATUS_QOS, true).whenComplete((ok, failure) -> {
            if (failure == null) {
                firstOnline.complete(null);
            } else {
                log.error("ONLINE status for {} was not accepted: {}", config.deviceId(), describe(failure));
            }
        });
    }

    private static String describe(Throwable t) {
        Throwable root = t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
        String message = root.getMessage();
        if (root.getCause() != null && root.getCause().getMessage() != null) {
            message = message + ": " + root.getCause().getMessage();
        }
        return message != null ? message : root.getClass().getSimpleName();
    }

    /** Every method catches everything: an exception escaping into Paho stops its client. */
    private final class Callback implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            try {
                if (closed.get()) {
                    return; // a reconnect racing close() must not announce a device that is going away
                }
                if (everConnected.getAndSet(true)) {
                    log.info("Reconnected to {}", serverUri);
                }
                subscriptions.forEach(PahoBrokerLink.this::sendSubscribe);
                announceOnline();
                for (Runnable listener : connectedListeners) {
                    try {
                        listener.run();
                    } catch (RuntimeException e) {
                        log.error("A connection listener failed", e);
                    }
                }
            } catch (RuntimeException e) {
                log.error("Announcing ONLINE failed", e);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            try {
                if (!closed.get()) {
                    String why = response.getException() != null
                            ? describe(response.getException())
                            : "reason code 0x" + Integer.toHexString(response.getReturnCode())
                                    + (response.getReasonString() != null ? " " + response.getReasonString() : "");
                    log.warn("Lost connection to {} ({}); reconnecting", config.brokerUrl(), why);
                    retryLater(response.getException() != null ? response.getException() : new IOException(why), FIRST_RETRY);
                }
            } catch (RuntimeException e) {
                log.error("Handling the disconnect failed", e);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.error("MQTT error: {}", describe(exception));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Subscription subscription = subscriptions.get(topic);
            if (subscription == null) {
                log.warn("Ignoring unexpected message on {}", topic);
                return;
            }
            try {
                subscription.handler().accept(topic, message.getPayload());
            } catch (RuntimeException e) {
                log.error("Handler for {} failed", topic, e);
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // completion is handled per publish by its listener
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            log.warn("Ignoring AUTH packet (reason code 0x{}): enhanced authentication is not used", Integer.toHexString(reasonCode));
        }
    }
}
