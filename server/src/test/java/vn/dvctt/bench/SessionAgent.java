package vn.dvctt.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.Channel;
import vn.dvctt.content.EventAck;
import vn.dvctt.content.EventBatch;
import vn.dvctt.content.Topics;

/**
 * One simulated edge agent for the ingestion benchmarks: one Paho connection, a journal of session
 * events released oldest first in batches of {@code batch}, {@code window} batches awaiting the
 * server's {@link EventAck}, a batch re-sent when its ack is 30 s late (as the real agent does, so an
 * instance that dies holding a batch costs time, never events). Sessions are unscheduled, of
 * {@code sessionLength} events: a start with a topic, attendance, submissions of catalogue procedures,
 * an end. It remembers what it sent per session, so a run can be checked against the database.
 */
final class SessionAgent implements MqttCallback {

    static final long RESEND_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** What one session carried: the participants (sum of attendance) and submissions sent. */
    record Sent(int events, int participants, int submissions) {
    }

    private final String url;
    private final String deviceId;
    private final int events;
    private final int batchSize;
    private final int window;
    private final List<String> procedures;
    private final int sessionLength;
    private final String topic;
    private final long pauseMillis;
    private final ScheduledExecutorService pacer;
    private final boolean remember;
    private final Map<Integer, long[]> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> batchOf = new ConcurrentHashMap<>();
    private final Map<Integer, Set<String>> waiting = new ConcurrentHashMap<>();
    private final Map<Integer, List<AgentEvent>> sent = new ConcurrentHashMap<>();
    private final Map<String, int[]> sessions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private final List<String> rejections = Collections.synchronizedList(new ArrayList<>());
    final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger resent = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger acked = new AtomicInteger();
    private MqttAsyncClient client;
    private CountDownLatch done;
    private long seq;
    private String session;
    private int sessionEvents;

    /**
     * @param pauseMillis a pause before each next batch (0: at once, a backlog drain); paced with {@code pacer}
     * @param remember whether to keep every event id sent and acknowledged, for checking against the database
     *     (a million-event drain does not)
     */
    SessionAgent(String url, String deviceId, int events, int batchSize, int window, List<String> procedures,
                 int sessionLength, String topic, long pauseMillis, ScheduledExecutorService pacer, boolean remember) {
        this.url = url;
        this.deviceId = deviceId;
        this.events = events;
        this.batchSize = batchSize;
        this.window = window;
        this.procedures = procedures;
        this.sessionLength = sessionLength;
        this.topic = topic;
        this.pauseMillis = pauseMillis;
        this.pacer = pacer;
        this.remember = remember;
    }

    String deviceId() {
        return deviceId;
    }

    void connect() throws MqttException {
        client = new MqttAsyncClient(url, deviceId, new MemoryPersistence());
        client.setCallback(this);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setUserName(deviceId);
        o.setPassword("bench".getBytes(StandardCharsets.UTF_8));
        o.setConnectionTimeout(30);
        o.setKeepAliveInterval(60);
        client.connect(o).waitForCompletion(30_000);
        client.subscribe(Topics.device(deviceId, Channel.EVENT_ACK), 1).waitForCompletion(30_000);
    }

    /** Starts sending; {@code latch} counts down once every event is acknowledged (stored or refused). */
    void release(CountDownLatch latch) {
        done = latch;
        for (int i = 0; i < window; i++) {
            sendNext();
        }
        Thread watchdog = new Thread(this::resendLate, "resend-" + deviceId);
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private synchronized void sendNext() {
        int number = next.getAndIncrement();
        int first = number * batchSize;
        if (first >= events) {
            return;
        }
        List<AgentEvent> list = new ArrayList<>();
        for (int i = first; i < Math.min(events, first + batchSize); i++) {
            list.add(nextEvent());
        }
        sent.put(number, list);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        list.forEach(e -> {
            ids.add(e.id());
            if (remember) {
                eventIds.add(e.id());
            }
            batchOf.put(e.id(), number);
        });
        waiting.put(number, ids);
        publish(number);
    }

    private void publish(int number) {
        inFlight.put(number, new long[] {System.nanoTime()});
        try {
            client.publish(Topics.device(deviceId, Channel.EVENTS),
                    new MqttMessage(EventBatch.of(deviceId, sent.get(number)).toPayload(), 1, false, null));
        } catch (MqttException e) {
            // the watchdog sends it again
        }
    }

    private AgentEvent nextEvent() {
        long at = System.currentTimeMillis();
        if (session == null || sessionEvents >= sessionLength) {
            session = AgentEvent.newId();
            sessionEvents = 0;
        }
        sessionEvents++;
        int[] tally = remember ? sessions.computeIfAbsent(session, k -> new int[3]) : new int[3];
        tally[0]++;
        AgentEvent.Body body;
        if (sessionEvents == 1) {
            body = new AgentEvent.SessionStarted(null, topic);
        } else if (sessionEvents == sessionLength) {
            body = new AgentEvent.SessionEnded("Kết thúc buổi");
        } else if (sessionEvents % 7 == 0) {
            body = new AgentEvent.SubmissionRecorded(procedures.get(sessionEvents % procedures.size()), null);
            tally[2]++;
        } else {
            body = new AgentEvent.AttendanceChanged(1, sessionEvents % 2 == 0 ? AgentEvent.Gender.FEMALE
                    : AgentEvent.Gender.MALE, null);
            tally[1]++;
        }
        return AgentEvent.create(++seq, at, session, "p-1", body);
    }

    private void resendLate() {
        while (acked.get() < events) {
            try {
                TimeUnit.SECONDS.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Map.Entry<Integer, long[]> e : inFlight.entrySet()) {
                if (now - e.getValue()[0] > RESEND_AFTER_NANOS) {
                    resent.incrementAndGet();
                    publish(e.getKey());
                }
            }
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        EventAck ack = EventAck.fromPayload(message.getPayload());
        List<String> all = new ArrayList<>(ack.stored());
        if (remember) {
            stored.addAll(ack.stored());
        }
        ack.rejected().forEach(r -> {
            all.add(r.event());
            rejections.add(r.event() + ": " + r.reason());
        });
        for (String id : all) {
            Integer number = batchOf.remove(id);
            if (number == null) {
                continue;
            }
            Set<String> ids = waiting.get(number);
            ids.remove(id);
            if (acked.incrementAndGet() == events) {
                done.countDown();
            }
            if (ids.isEmpty()) {
                waiting.remove(number);
                sent.remove(number);
                long[] started = inFlight.remove(number);
                if (started != null) {
                    latencies.add(System.nanoTime() - started[0]);
                }
                if (pauseMillis > 0 && pacer != null) {
                    pacer.schedule(this::sendNext, pauseMillis, TimeUnit.MILLISECONDS);
                } else {
                    sendNext();
                }
            }
        }
    }

    /** Events generated and published so far (each at least once). */
    Set<String> eventIds() {
        return eventIds;
    }

    /** Events the server acknowledged as stored. */
    Set<String> storedAcks() {
        return stored;
    }

    /** Events the server refused, with its reason: a well-formed run has none. */
    List<String> rejections() {
        return rejections;
    }

    int acknowledged() {
        return acked.get();
    }

    /** Per session key, what was sent. */
    Map<String, Sent> sessions() {
        synchronized (sessions) {
            Map<String, Sent> copy = new LinkedHashMap<>();
            sessions.forEach((k, v) -> copy.put(k, new Sent(v[0], v[1], v[2])));
            return copy;
        }
    }

    void close() {
        try {
            client.disconnect().waitForCompletion(5000);
            client.close();
        } catch (MqttException e) {
            // the run is over
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        System.out.println("disconnected " + deviceId + " " + response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
