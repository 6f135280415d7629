package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvctt.agent.journal.Journal;
import vn.dvctt.agent.journal.JournalTestData;
import vn.dvctt.agent.journal.SessionState;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.Channel;
import vn.dvctt.content.EventAck;
import vn.dvctt.content.EventBatch;
import vn.dvctt.content.Topics;

/**
 * The real agent jar as a process: a team member runs a session on the page's API, the agent is killed
 * (SIGKILL, like a power cut of the process) in the middle, started again, and the session carries on.
 * A stand-in server stores events by id and acks them; its figures, computed from what it stored, must
 * equal what was clicked: 23 attendees, 5 submissions.
 */
class SessionRunnerIT {

    @TempDir
    Path dir;

    private String base;
    private String cookie;

    @Test
    void aSessionSurvivesAKilledAgentAndTheServerEndsWithExactlyWhatWasClicked() throws Exception {
        String brokerUrl = TestBroker.url();
        String deviceId = "it-" + UUID.randomUUID();
        Map<String, AgentEvent> stored = new ConcurrentHashMap<>();
        MqttClient server = new MqttClient(brokerUrl, "it-server-" + UUID.randomUUID(), new MemoryPersistence());
        server.setCallback(new ServerCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                EventBatch batch = EventBatch.fromPayload(message.getPayload());
                batch.events().forEach(e -> stored.putIfAbsent(e.id(), e));
                List<String> ids = batch.events().stream().map(AgentEvent::id).toList();
                new Thread(() -> {
                    try {
                        server.publish(Topics.device(deviceId, Channel.EVENT_ACK),
                                EventAck.of(deviceId, ids, List.of()).toPayload(), 1, false);
                    } catch (MqttException e) {
                        throw new IllegalStateException(e);
                    }
                }).start();
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        server.connect(options);
        server.subscribe(Topics.device(deviceId, Channel.EVENTS), 1);
        server.publish(Topics.device(deviceId, Channel.BRIEF), JournalTestData.brief(deviceId, 7).toPayload(), 1, true);

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "broker.url=" + brokerUrl + "\ndevice.id=" + deviceId + "\ndata.dir=" + dir.resolve("data")
                + "\nrunner.port=" + port + "\n", StandardCharsets.UTF_8);
        Process agent = null;
        try {
            agent = startAgent(config);
            signIn();
            String session = field(post("/api/sessions", "{\"topic\":\"Cài VNeID\"}"), "id");
            for (int i = 0; i < 12; i++) {
                post("/api/sessions/" + session + "/attendance", "{\"delta\":1,\"gender\":\"FEMALE\"}");
            }
            for (int i = 0; i < 3; i++) {
                post("/api/sessions/" + session + "/submissions", "{\"procedureCode\":\"1.001193\"}");
            }
            agent.toHandle().destroyForcibly(); // no shutdown hook, nothing flushed
            agent.waitFor(10, TimeUnit.SECONDS);

            agent = startAgent(config);
            signIn(); // sign-ins do not survive a restart; the session does
            assertThat(get("/api/state")).contains("\"open\":[{\"id\":\"" + session + "\"").contains("\"attendance\":12");
            for (int i = 0; i < 11; i++) {
                post("/api/sessions/" + session + "/attendance", "{\"delta\":1}");
            }
            post("/api/sessions/" + session + "/attendance", "{\"delta\":1,\"ageBand\":\"FROM_60\"}");
            post("/api/sessions/" + session + "/attendance", "{\"delta\":-1,\"ageBand\":\"FROM_60\"}");
            String mistake = field(post("/api/sessions/" + session + "/submissions", "{\"procedureCode\":\"1.004227\"}"), "event");
            post("/api/sessions/" + session + "/withdraw", "{\"submission\":\"" + mistake + "\"}");
            for (int i = 0; i < 2; i++) {
                post("/api/sessions/" + session + "/submissions", "{\"procedureCode\":\"1.004227\",\"dossierCode\":\"H22.101-240601-" + String.format("%04d", i) + "\"}");
            }
            String ended = post("/api/sessions/" + session + "/end", "{\"notes\":\"Mất điện giữa buổi\"}");
            assertThat(ended).contains("\"attendance\":23").contains("\"ended\":true");

            waitFor(() -> get("/api/state").contains("\"pending\":0"), "every event acknowledged");
        } finally {
            if (agent != null) {
                agent.destroy();
                agent.waitFor(15, TimeUnit.SECONDS);
            }
            server.publish(Topics.device(deviceId, Channel.BRIEF), new byte[0], 1, true);
            server.publish(Topics.device(deviceId, Channel.STATUS), new byte[0], 1, true);
            server.disconnect();
            server.close();
        }

        List<AgentEvent> onServer = stored.values().stream().sorted(Comparator.comparingLong(AgentEvent::seq)).toList();
        SessionState figures = SessionState.of(onServer);
        assertThat(figures.attendance()).isEqualTo(23);
        assertThat(figures.submissions()).hasSize(5);
        assertThat(figures.ended()).isTrue();
        try (Journal journal = Journal.openIn(dir.resolve("data"), Clock.systemUTC())) {
            assertThat(journal.eventsOf(onServer.get(0).session())).containsExactlyElementsOf(onServer);
            assertThat(journal.pendingCount()).isZero();
        }
    }

    private Process startAgent(Path config) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process agent = new ProcessBuilder(java, "-Xmx32m", "-jar", Path.of("target/dvctt-edge-agent.jar").toString(),
                config.toString()).redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains(EdgeAgent.READY)) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(ready.await(30, TimeUnit.SECONDS)).as("the agent got ready").isTrue();
        return agent;
    }

    private void signIn() throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpURLConnection c = open("/api/signin");
            send(c, "{\"member\":\"m-minh\",\"pin\":\"" + JournalTestData.PIN_MINH + "\"}");
            if (c.getResponseCode() == 200) {
                String setCookie = c.getHeaderField("Set-Cookie");
                cookie = setCookie.substring(0, setCookie.indexOf(';'));
                return;
            }
            assertThat(attempt).as("sign-in once the brief arrived").isLessThan(100);
            Thread.sleep(100);
        }
    }

    private String get(String path) {
        try {
            HttpURLConnection c = open(path);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String post(String path, String json) throws IOException {
        HttpURLConnection c = open(path);
        send(c, json);
        assertThat(c.getResponseCode()).as(path).isEqualTo(200);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base + path).openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(20_000);
        if (cookie != null) {
            c.setRequestProperty("Cookie", cookie);
        }
        return c;
    }

    private static void send(HttpURLConnection c, String json) throws IOException {
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("X-DVCTT-Runner", "1");
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private abstract static class ServerCallback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
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
