package vn.dvctt.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
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
 * The load generator of {@link IngestBenchmark}, in its own JVM: simulated agents, one Paho connection
 * each, every one holding a journal of session events that it releases at once, as an agent does when
 * its link comes back: oldest first, batches of {@code batch} events, {@code window} batches awaiting
 * the server's {@link EventAck}, a batch re-sent when its ack is 30 s late. Sessions are realistic:
 * about a hundred events each (a start, attendance, submissions, a guide played, an end).
 *
 * <p>Talks to the parent on stdin/stdout: prints {@code ready} once all are connected, starts on a
 * line {@code go}, prints {@code start}, then {@code stats ...} and {@code done} when every event is
 * acknowledged.
 */
public final class IngestAgents {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        List<String> devices = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[1]));
        int agents = Integer.parseInt(args[2]);
        int eventsPerAgent = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        int window = Integer.parseInt(args[5]);
        List<String> procedures = Arrays.asList(args[6].split(","));
        List<Agent> fleet = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            fleet.add(new Agent(url, devices.get(i), eventsPerAgent, batch, window, procedures));
        }
        for (Agent a : fleet) {
            a.connect();
        }
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"go".equals(in.readLine())) {
            System.exit(1);
        }
        CountDownLatch done = new CountDownLatch(agents);
        System.out.println("start");
        for (Agent a : fleet) {
            a.release(done);
        }
        done.await();
        long[] latencies = fleet.stream().flatMap(a -> a.latencies.stream()).mapToLong(Long::longValue).sorted().toArray();
        int resent = fleet.stream().mapToInt(a -> a.resent.get()).sum();
        System.out.printf("stats batches=%d resent=%d ack_p50_ms=%.0f ack_p95_ms=%.0f ack_max_ms=%.0f%n", latencies.length,
                resent, pct(latencies, 0.5) / 1e6, pct(latencies, 0.95) / 1e6,
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        System.out.println("done");
        in.readLine();
        for (Agent a : fleet) {
            a.close();
        }
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static final class Agent implements MqttCallback {
        private final String url;
        private final String deviceId;
        private final int events;
        private final int batchSize;
        private final int window;
        private final List<String> procedures;
        private final Map<Integer, long[]> inFlight = new ConcurrentHashMap<>();
        private final Map<String, Integer> batchOf = new ConcurrentHashMap<>();
        private final Map<Integer, Set<String>> waiting = new ConcurrentHashMap<>();
        private final Map<Integer, List<AgentEvent>> sent = new ConcurrentHashMap<>();
        private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger resent = new AtomicInteger();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger acked = new AtomicInteger();
        private MqttAsyncClient client;
        private CountDownLatch done;
        private long seq;
        private String session;
        private int sessionEvents;

        Agent(String url, String deviceId, int events, int batchSize, int window, List<String> procedures) {
            this.url = url;
            this.deviceId = deviceId;
            this.events = events;
            this.batchSize = batchSize;
            this.window = window;
            this.procedures = procedures;
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

        /** About a hundred events a session, as a real evening session records. */
        private AgentEvent nextEvent() {
            long at = System.currentTimeMillis();
            if (session == null || sessionEvents >= 100) {
                session = AgentEvent.newId();
                sessionEvents = 0;
            }
            sessionEvents++;
            AgentEvent.Body body;
            if (sessionEvents == 1) {
                body = new AgentEvent.SessionStarted(null, "Buổi hướng dẫn DVCTT (benchmark)");
            } else if (sessionEvents == 100) {
                body = new AgentEvent.SessionEnded("Kết thúc buổi");
            } else if (sessionEvents % 7 == 0) {
                body = new AgentEvent.SubmissionRecorded(procedures.get(sessionEvents % procedures.size()), null);
            } else {
                body = new AgentEvent.AttendanceChanged(1, sessionEvents % 2 == 0 ? AgentEvent.Gender.FEMALE
                        : AgentEvent.Gender.MALE, null);
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
                    if (now - e.getValue()[0] > TimeUnit.SECONDS.toNanos(30)) {
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
            ack.rejected().forEach(r -> all.add(r.event()));
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
                    sendNext();
                }
            }
        }

        void close() {
            try {
                client.disconnect().waitForCompletion(5000);
                client.close();
            } catch (MqttException e) {
                // the benchmark is over
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
}
