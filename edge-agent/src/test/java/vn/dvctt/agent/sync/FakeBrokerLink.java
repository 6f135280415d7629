package vn.dvctt.agent.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import vn.dvctt.agent.BrokerLink;

/** An in-memory broker link: records what the engine publishes and lets a test deliver messages. */
final class FakeBrokerLink implements BrokerLink {

    record Published(String topic, byte[] payload, int qos, boolean retained) {
    }

    private final Map<String, MessageHandler> handlers = new HashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();
    final List<Published> published = new ArrayList<>();
    boolean connected = true;

    @Override
    public CompletableFuture<Void> connect() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        if (!connected) {
            return CompletableFuture.failedFuture(new IOException("not connected"));
        }
        published.add(new Published(topic, payload.clone(), qos, retained));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> subscribe(String topic, int qos, MessageHandler handler) {
        handlers.put(topic, handler);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onConnected(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    void deliver(String topic, byte[] payload) {
        MessageHandler handler = handlers.get(topic);
        if (handler == null) {
            throw new AssertionError("nothing subscribed to " + topic);
        }
        handler.accept(topic, payload);
    }

    /** What a process restart does to the client: nothing of the old engine stays attached. */
    void forgetSubscribers() {
        handlers.clear();
        listeners.clear();
    }

    void cut() {
        connected = false;
    }

    void reconnect() {
        connected = true;
        listeners.forEach(Runnable::run);
    }

    @Override
    public void close() {
        connected = false;
    }
}
