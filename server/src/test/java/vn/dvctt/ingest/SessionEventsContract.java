package vn.dvctt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.AgentEvent.AgeBand;
import vn.dvctt.content.AgentEvent.Gender;
import vn.dvctt.content.Channel;
import vn.dvctt.content.Enrollment;
import vn.dvctt.content.EventAck;
import vn.dvctt.content.EventBatch;
import vn.dvctt.content.PinHash;
import vn.dvctt.content.RunnerBrief;
import vn.dvctt.content.Topics;
import vn.dvctt.device.DeviceService;
import vn.dvctt.device.IssuedCode;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.procedure.ProcedureService;
import vn.dvctt.team.MemberData;
import vn.dvctt.team.MemberDraft;
import vn.dvctt.team.MemberRole;
import vn.dvctt.team.TeamData;
import vn.dvctt.team.TeamDraft;
import vn.dvctt.team.TeamService;
import vn.dvctt.training.SessionData;
import vn.dvctt.training.SessionResults;
import vn.dvctt.training.SessionStatus;
import vn.dvctt.training.TrainingFixture;
import vn.dvctt.training.TrainingService;

/**
 * The session runner's link as a device uses it, over a real broker with the device's own account:
 * events sent twice, out of order and by batches that overlap are counted once; a session the runner
 * started without a schedule appears at its venue; bad messages are refused and ingestion carries on;
 * the device's brief carries its venue's sessions and its team's PINs. Commits, so it has its own context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionEventsContract {

    @Autowired
    TrainingFixture data;
    @Autowired
    DeviceService devices;
    @Autowired
    TrainingService training;
    @Autowired
    TeamService teams;
    @Autowired
    MqttGateway gateway;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcedureService procedures;

    Enrollment.Response kheMa;
    Enrollment.Response pacPoc;
    MqttAsyncClient deviceA;
    MqttAsyncClient deviceB;
    final BlockingQueue<String[]> receivedA = new LinkedBlockingQueue<>();
    final BlockingQueue<String[]> receivedB = new LinkedBlockingQueue<>();
    final List<MqttAsyncClient> clients = new ArrayList<>();
    MemberData mai;

    @BeforeAll
    void enrollTwoDevicesAndATeamWithAPin() throws Exception {
        data.load();
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(gateway::isConnected);
        TeamData team = data.fixture.as("hoanhmo.organizer", () -> teams.create(new TeamDraft(data.unit("06757-02"),
                "Tổ CNS cộng đồng bản Khe Mạ", "12/QĐ-UBND", LocalDate.of(2024, 3, 1), "Chủ tịch UBND xã")));
        mai = data.fixture.as("hoanhmo.organizer", () -> teams.addMember(team.id(), new MemberDraft("Hoàng Thị Mai",
                MemberRole.LEADER, null, null, null, true, false, null), LocalDate.of(2024, 3, 1)));
        data.fixture.as("hoanhmo.organizer", () -> teams.setRunnerPin(mai.membershipId(), "2468"));
        kheMa = enroll(data.kheMa.id());
        pacPoc = enroll(data.pacPoc.id());
        deviceA = connect(kheMa, receivedA);
        deviceB = connect(pacPoc, receivedB);
    }

    @AfterAll
    void closeClients() {
        for (MqttAsyncClient c : clients) {
            try {
                c.disconnectForcibly(1000);
                c.close(true);
            } catch (MqttException e) {
                // the test is over
            }
        }
    }

    @Test
    void eventsSentTwiceOutOfOrderAndInOverlappingBatchesAreCountedOnce() throws Exception {
        SessionData session = data.fixture.as("hoanhmo.organizer", () -> training.schedule(
                TrainingFixture.plan(data.kheMa, TrainingFixture.day(-1, 19), 2, "Hướng dẫn đăng ký khai sinh")));
        String key = AgentEvent.newId();
        List<AgentEvent> events = new ArrayList<>();
        long seq = 1;
        events.add(event(seq++, key, new AgentEvent.SessionStarted(session.id(), null)));
        for (int i = 0; i < 23; i++) {
            events.add(event(seq++, key, new AgentEvent.AttendanceChanged(1, i % 3 == 0 ? Gender.MALE : Gender.FEMALE,
                    i < 5 ? AgeBand.FROM_60 : AgeBand.FROM_18_TO_35)));
        }
        events.add(event(seq++, key, new AgentEvent.AttendanceChanged(1, null, null)));
        events.add(event(seq++, key, new AgentEvent.AttendanceChanged(-1, null, null)));
        AgentEvent mistaken = event(seq++, key, new AgentEvent.SubmissionRecorded("1.004222", null));
        events.add(mistaken);
        events.add(event(seq++, key, new AgentEvent.SubmissionWithdrawn(mistaken.id())));
        for (int i = 0; i < 5; i++) {
            events.add(event(seq++, key, new AgentEvent.SubmissionRecorded("1.001193",
                    i == 0 ? "H22.101-240601-0007" : null)));
        }
        events.add(event(seq++, key, new AgentEvent.GuidePlayed("a".repeat(64), "guide-3", "Đăng ký khai sinh trực tuyến",
                System.currentTimeMillis() - 600_000, 412_000)));
        events.add(event(seq, key, new AgentEvent.SessionEnded("Bà con hỏi nhiều về khai sinh")));

        // the second half first, then everything again in other batches
        publish(deviceA, kheMa, events.subList(20, events.size()));
        publish(deviceA, kheMa, events.subList(0, 25));
        publish(deviceA, kheMa, events.subList(10, events.size()));
        Set<String> acked = awaitAcked(receivedA, events.size());

        assertThat(acked).containsAll(events.stream().map(AgentEvent::id).toList());
        SessionResults results = Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> data.fixture.as(
                "hoanhmo.organizer", () -> training.effectiveResults(session.id())).orElse(null),
                r -> r != null && r.participants() == 23 && r.assistedSubmissions() == 5);
        assertThat(results.women()).isEqualTo(15);
        assertThat(results.men()).isEqualTo(8);
        assertThat(results.age60Plus()).isEqualTo(5);
        assertThat(results.age18To35()).isEqualTo(18);
        assertThat(results.submissions()).singleElement().satisfies(s -> {
            assertThat(s.procedureCode()).isEqualTo("1.001193");
            assertThat(s.count()).isEqualTo(5);
            assertThat(s.dossierCodes()).containsExactly("H22.101-240601-0007");
        });
        assertThat(results.guidesPlayed()).containsExactly("Đăng ký khai sinh trực tuyến");
        assertThat(results.notes()).isEqualTo("Bà con hỏi nhiều về khai sinh");
        assertThat(data.fixture.as("hoanhmo.organizer", () -> training.find(session.id())).orElseThrow().status())
                .isEqualTo(SessionStatus.REPORTED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ingest_event WHERE session_key = CAST(? AS UUID)", Long.class, key)).isEqualTo(events.size());
    }

    @Test
    void aScheduledSessionRunTwiceOnTheRunnerCountsBothRuns() throws Exception {
        SessionData session = data.fixture.as("hoanhmo.organizer", () -> training.schedule(
                TrainingFixture.plan(data.kheMa, TrainingFixture.day(-2, 8), 3, "Hướng dẫn cấp đổi căn cước")));
        String first = AgentEvent.newId();
        List<AgentEvent> morning = List.of(
                event(1, first, new AgentEvent.SessionStarted(session.id(), null)),
                event(2, first, new AgentEvent.AttendanceChanged(1, null, null)),
                event(3, first, new AgentEvent.AttendanceChanged(1, null, null)),
                event(4, first, new AgentEvent.AttendanceChanged(1, null, null)),
                event(5, first, new AgentEvent.SubmissionRecorded("1.001193", null)),
                event(6, first, new AgentEvent.SessionEnded("Nghỉ trưa")));
        publish(deviceA, kheMa, morning);
        awaitAcked(receivedA, morning.size());
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> data.fixture.as("hoanhmo.organizer",
                () -> training.effectiveResults(session.id())).map(SessionResults::participants).orElse(0) == 3);

        // ended by mistake: the team starts the same session again after lunch, a new runner session
        String second = AgentEvent.newId();
        List<AgentEvent> afternoon = List.of(
                event(1, second, new AgentEvent.SessionStarted(session.id(), null)),
                event(2, second, new AgentEvent.AttendanceChanged(1, null, null)),
                event(3, second, new AgentEvent.AttendanceChanged(1, null, null)),
                event(4, second, new AgentEvent.SubmissionRecorded("1.001193", null)),
                event(5, second, new AgentEvent.SubmissionRecorded("1.004222", null)),
                event(6, second, new AgentEvent.SessionEnded("Bà con về sớm")));
        publish(deviceA, kheMa, afternoon);
        awaitAcked(receivedA, afternoon.size());

        SessionResults results = Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> data.fixture.as(
                "hoanhmo.organizer", () -> training.effectiveResults(session.id())).orElse(null),
                r -> r != null && r.participants() == 5);
        assertThat(results.assistedSubmissions()).isEqualTo(3);
        assertThat(results.notes()).isEqualTo("Nghỉ trưa\nBà con về sớm");
        // the first run's late re-send changes nothing: both runs are counted once
        publish(deviceA, kheMa, morning);
        awaitAcked(receivedA, morning.size());
        Thread.sleep(2_000); // past the projection's debounce
        assertThat(data.fixture.as("hoanhmo.organizer", () -> training.effectiveResults(session.id())).orElseThrow()
                .participants()).isEqualTo(5);
    }

    @Test
    void aSessionStartedWithoutScheduleAppearsAtTheDevicesVenue() throws Exception {
        String key = AgentEvent.newId();
        List<AgentEvent> events = List.of(
                event(1, key, new AgentEvent.SessionStarted(null, "Hỗ trợ bà con tại chợ phiên")),
                event(2, key, new AgentEvent.AttendanceChanged(1, null, null)),
                event(3, key, new AgentEvent.AttendanceChanged(1, null, null)),
                event(4, key, new AgentEvent.SubmissionRecorded("1.004222", null)),
                event(5, key, new AgentEvent.SessionEnded("")));

        publish(deviceA, kheMa, events);
        awaitAcked(receivedA, events.size());

        SessionData created = Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> data.fixture.as(
                "hoanhmo.organizer", () -> training.sessionsWithin(data.unit("06757"), LocalDate.now(TrainingService.ZONE)
                        .minusDays(1), LocalDate.now(TrainingService.ZONE).plusDays(1))).stream()
                .filter(s -> s.topic().equals("Hỗ trợ bà con tại chợ phiên")).findFirst().orElse(null),
                s -> s != null && s.status() == SessionStatus.REPORTED);
        assertThat(created.venueId()).isEqualTo(data.kheMa.id());
        assertThat(data.fixture.as("hoanhmo.organizer", () -> training.effectiveResults(created.id())).orElseThrow()
                .participants()).isEqualTo(2);
    }

    @Test
    void badMessagesAreRefusedAndIngestionCarriesOn() throws Exception {
        String foreignKey = AgentEvent.newId();
        AgentEvent started = event(1, foreignKey, new AgentEvent.SessionStarted(null, "Buổi của bản Pắc Pộc"));
        publish(deviceB, pacPoc, List.of(started));
        awaitAcked(receivedB, 1);
        long before = deadLetters();

        publishRaw(deviceA, kheMa, "không phải JSON \u0000\u0001".getBytes(StandardCharsets.UTF_8));
        publishRaw(deviceA, kheMa, EventBatch.of(pacPoc.deviceId(), List.of(
                event(2, foreignKey, new AgentEvent.AttendanceChanged(1, null, null)))).toPayload());
        AgentEvent intoForeign = event(3, foreignKey, new AgentEvent.AttendanceChanged(1, null, null));
        AgentEvent unknownProcedure = event(4, AgentEvent.newId(), new AgentEvent.SubmissionRecorded("9.999999", null));
        publish(deviceA, kheMa, List.of(intoForeign, unknownProcedure));
        EventAck refusal = awaitAck(receivedA, a -> !a.rejected().isEmpty());

        assertThat(refusal.rejected()).extracting(EventAck.Rejection::event)
                .containsExactlyInAnyOrder(intoForeign.id(), unknownProcedure.id());
        assertThat(refusal.rejected()).extracting(EventAck.Rejection::reason)
                .contains("the session belongs to another device", "unknown procedure 9.999999");
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> deadLetters() >= before + 4);
        assertThat(jdbc.queryForList("SELECT reason FROM ingest_dead_letter", String.class))
                .anyMatch(r -> r.startsWith("malformed:"))
                .anyMatch(r -> r.startsWith("spoofed: device " + kheMa.deviceId()));

        String key = AgentEvent.newId();
        AgentEvent good = event(5, key, new AgentEvent.SessionStarted(null, "Sau tin rác vẫn nhận"));
        publish(deviceA, kheMa, List.of(good));
        assertThat(awaitAcked(receivedA, 1)).contains(good.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ingest_event WHERE session_key = CAST(? AS UUID)",
                Long.class, foreignKey)).as("nothing of device A entered device B's session").isEqualTo(1);
    }

    @Test
    void aFloodOfHostileMessagesNeitherStopsIngestionNorFloodsTheDeadLetters() throws Exception {
        // device B floods: device A's dead-letter budget stays for the other test, whatever the order
        long before = deadLetters();
        String key = AgentEvent.newId();
        List<AgentEvent> good = new ArrayList<>();
        good.add(event(1, key, new AgentEvent.SessionStarted(null, "Trong lúc bị tấn công")));
        publish(deviceB, pacPoc, good);
        byte[] newer = EventBatch.of(pacPoc.deviceId(), List.of(event(1, AgentEvent.newId(),
                new AgentEvent.AttendanceChanged(1, null, null)))).toJson().replace("\"schemaVersion\":1",
                "\"schemaVersion\":9").getBytes(StandardCharsets.UTF_8);
        byte[] deep = ("{\"schemaVersion\":1,\"deviceId\":\"" + pacPoc.deviceId() + "\",\"events\":"
                + "[".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 300; i++) {
            // a hostile client needs no acknowledgement: QoS 0, as fast as it can
            publishHostile(deviceB, pacPoc, i % 3 == 0 ? newer : i % 3 == 1 ? ("rác " + i).getBytes(StandardCharsets.UTF_8)
                    : deep);
            if (i % 60 == 0) {
                AgentEvent e = event(good.size() + 1, key, new AgentEvent.AttendanceChanged(1, null, null));
                good.add(e);
                publish(deviceB, pacPoc, List.of(e));
            }
        }

        assertThat(awaitAcked(receivedB, good.size())).containsAll(good.stream().map(AgentEvent::id).toList());
        assertThat(deadLetters() - before).as("at most %d a minute per device are written", 20)
                .isBetween(1L, 40L);
        assertThat(jdbc.queryForList("SELECT reason FROM ingest_dead_letter", String.class))
                .anyMatch(r -> r.contains("unsupported event batch schemaVersion 9"))
                .anyMatch(r -> r.startsWith("malformed:") && r.contains("nested deeper"));
    }

    @Test
    void theBriefCarriesTheVenuesSessionsAndTheTeamsPinHashes() throws Exception {
        SessionData upcoming = data.fixture.as("hoanhmo.organizer", () -> training.schedule(
                TrainingFixture.plan(data.kheMa, TrainingFixture.day(3, 19), 2, "Thanh toán trực tuyến")));

        RunnerBrief brief = Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> latestBrief(receivedA),
                b -> b != null && b.sessions().stream().anyMatch(s -> s.id() == upcoming.id()));

        assertThat(brief.venue().name()).isEqualTo("Nhà văn hóa bản Khe Mạ");
        assertThat(brief.members()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("Hoàng Thị Mai");
            assertThat(PinHash.matches(m.pinHash(), "2468")).isTrue();
        });
        assertThat(brief.procedures()).extracting(RunnerBrief.Procedure::code).contains("1.001193", "1.004222");
        assertThat(brief.sessions()).noneMatch(s -> s.topic().equals("Buổi của bản Pắc Pộc"));
    }

    @Test
    void aProcedureImportReachesTheRunnersCatalogueWithoutWaitingForTheNightlyRun() throws Exception {
        data.fixture.as("root.admin", () -> procedures.importFile(new java.io.ByteArrayInputStream("""
                code,name,field,essential,online
                2.002621,Cấp đổi thẻ căn cước,Căn cước,Có,Toàn trình
                """.getBytes(StandardCharsets.UTF_8)), "bo-sung.csv"));

        RunnerBrief brief = Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> latestBrief(receivedA),
                b -> b != null && b.procedures().stream().anyMatch(p -> p.code().equals("2.002621")));
        assertThat(brief.procedures()).filteredOn(p -> p.code().equals("2.002621")).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("Cấp đổi thẻ căn cước"));
    }

    // ---- a device, as the agent speaks

    Enrollment.Response enroll(long venueId) {
        IssuedCode code = data.fixture.as("hoanhmo.organizer", () -> devices.register(venueId, "http://127.0.0.1"));
        return devices.enroll(code.code(), "127.0.0.1");
    }

    MqttAsyncClient connect(Enrollment.Response as, BlockingQueue<String[]> received) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(gateway.url(), as.deviceId(), new MemoryPersistence());
        clients.add(client);
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                received.add(new String[] {topic, new String(m.getPayload(), StandardCharsets.UTF_8)});
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setUserName(as.username());
        o.setPassword(as.password().getBytes(StandardCharsets.UTF_8));
        client.connect(o).waitForCompletion(15_000);
        client.subscribe(Topics.device(as.deviceId(), Channel.EVENT_ACK), 1).waitForCompletion(10_000);
        client.subscribe(Topics.device(as.deviceId(), Channel.BRIEF), 1).waitForCompletion(10_000);
        return client;
    }

    AgentEvent event(long seq, String session, AgentEvent.Body body) {
        return AgentEvent.create(seq, System.currentTimeMillis(), session, "p-1", body);
    }

    void publish(MqttAsyncClient client, Enrollment.Response as, List<AgentEvent> events) throws MqttException {
        publishRaw(client, as, EventBatch.of(as.deviceId(), events).toPayload());
    }

    void publishRaw(MqttAsyncClient client, Enrollment.Response as, byte[] payload) throws MqttException {
        client.publish(Topics.device(as.deviceId(), Channel.EVENTS), new MqttMessage(payload, 1, false, null))
                .waitForCompletion(10_000);
    }

    void publishHostile(MqttAsyncClient client, Enrollment.Response as, byte[] payload) throws MqttException {
        client.publish(Topics.device(as.deviceId(), Channel.EVENTS), new MqttMessage(payload, 0, false, null));
    }

    Set<String> awaitAcked(BlockingQueue<String[]> received, int atLeast) throws InterruptedException {
        Set<String> acked = new java.util.HashSet<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (acked.size() < atLeast && System.currentTimeMillis() < deadline) {
            String[] m = received.poll(500, TimeUnit.MILLISECONDS);
            if (m != null && m[0].endsWith("/event-ack")) {
                acked.addAll(EventAck.fromJson(m[1]).stored());
            }
        }
        return acked;
    }

    EventAck awaitAck(BlockingQueue<String[]> received, java.util.function.Predicate<EventAck> wanted)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String[] m = received.poll(500, TimeUnit.MILLISECONDS);
            if (m != null && m[0].endsWith("/event-ack")) {
                EventAck ack = EventAck.fromJson(m[1]);
                if (wanted.test(ack)) {
                    return ack;
                }
            }
        }
        throw new AssertionError("no such event ack within 30 s");
    }

    RunnerBrief latestBrief(BlockingQueue<String[]> received) {
        RunnerBrief latest = null;
        for (String[] m : received) {
            if (m[0].endsWith("/brief") && !m[1].isEmpty()) {
                RunnerBrief b = RunnerBrief.fromJson(m[1]);
                if (latest == null || b.version() > latest.version()) {
                    latest = b;
                }
            }
        }
        return latest;
    }

    long deadLetters() {
        return jdbc.queryForObject("SELECT count(*) FROM ingest_dead_letter", Long.class);
    }
}
