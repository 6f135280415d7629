package vn.dvctt.agent;

import java.util.concurrent.CompletableFuture;

/**
 * The agent's one connection to the broker. Kept this small so the MQTT client library (Paho
 * 1.2.5, unmaintained, with known bugs) stays behind it and can be replaced.
 *
 * <p>The link owns the device's presence: it announces ONLINE on every (re)connect and leaves an
 * OFFLINE Last Will with the broker.
 */
public interface BrokerLink extends AutoCloseable {

    /**
     * Starts connecting and keeps retrying until connected or closed, because a village PC often
     * starts before its network does.
     *
     * @return completes once the broker has accepted the first ONLINE status
     */
    CompletableFuture<Void> connect();

    /**
     * Hands a message to the client without blocking.
     *
     * @return completes when the broker acknowledged it (QoS 1) or it was written (QoS 0); fails when
     *     the link is down, the client refused it or the broker answered with an error reason code
     */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    /**
     * Subscribes to one exact topic (no wildcards: the agent only reads its own topics) now if connected
     * and again after every reconnect, since the agent connects with clean start and the broker forgets
     * subscriptions with the session.
     *
     * <p>The handler runs on the client's thread: it must hand the message on quickly and never throw.
     *
     * @return completes when the broker first granted the subscription
     */
    CompletableFuture<Void> subscribe(String topic, int qos, MessageHandler handler);

    /** Called on the client's thread after every (re)connect, once subscriptions were renewed. */
    void onConnected(Runnable listener);

    boolean isConnected();

    /** Announces OFFLINE when connected, disconnects and releases the client. Never throws. */
    @Override
    void close();

    /** Receives the payload of one message; must not block nor throw. */
    @FunctionalInterface
    interface MessageHandler {
        void accept(String topic, byte[] payload);
    }
}
