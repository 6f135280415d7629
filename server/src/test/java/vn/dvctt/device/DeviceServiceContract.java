package vn.dvctt.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.content.Channel;
import vn.dvctt.content.DeviceStatus;
import vn.dvctt.content.Enrollment;
import vn.dvctt.content.Heartbeat;
import vn.dvctt.content.Inventory;
import vn.dvctt.content.Sha256;
import vn.dvctt.content.Topics;
import vn.dvctt.device.internal.DeviceBrokerClients;
import vn.dvctt.device.internal.DeviceTelemetry;
import vn.dvctt.device.internal.DeviceTelemetry.Outcome;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.support.Fixture;
import vn.dvctt.training.TrainingFixture;
import vn.dvctt.venue.VenueService;

/** Devices on H2 and PostgreSQL (subclasses); each test rolls back. */
@Transactional
abstract class DeviceServiceContract {

    static final String URL = "https://dvctt.example.vn";

    @Autowired
    TrainingFixture data;
    @Autowired
    DeviceService devices;
    @Autowired
    VenueService venues;
    @Autowired
    DeviceBrokerClients brokerClients;
    @Autowired
    DeviceTelemetry telemetry;
    @Autowired
    JdbcTemplate jdbc;
    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;
    @Autowired
    vn.dvctt.mqtt.MqttGateway gateway;
    @Autowired
    vn.dvctt.mqtt.MqttProperties mqtt;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        data.load();
        fixture = data.fixture;
    }

    IssuedCode registerAtKheMa() {
        return fixture.as("hoanhmo.organizer", () -> devices.register(data.kheMa.id(), URL));
    }

    Enrollment.Response enrolledAtKheMa() {
        return devices.enroll(registerAtKheMa().code(), "mqtt.example.vn");
    }

    boolean authenticates(Enrollment.Response r) {
        return brokerClients.authenticate(r.username(), r.password().getBytes(StandardCharsets.UTF_8), r.deviceId());
    }

    @Test
    void organizerRegistersADeviceAtAVenueOfHisAreaAndGetsAOneTimeCodeWithTheCommand() {
        IssuedCode code = registerAtKheMa();

        assertThat(code.deviceId()).matches("dv-06757-02-[0-9a-z]{4}");
        assertThat(code.code()).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
        assertThat(code.command()).isEqualTo("java -jar dvctt-edge-agent.jar enroll " + URL + " " + code.code());
        assertThat(code.expiresAt()).isBetween(Instant.now().plusSeconds(71 * 3600), Instant.now().plusSeconds(73 * 3600));
        assertThat(fixture.as("hoanhmo.organizer", () -> venues.find(data.kheMa.id())).orElseThrow().deviceId())
                .isEqualTo(code.deviceId());
        assertThat(fixture.as("qn.leader", () -> devices.fleet())).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeviceState.PENDING);
            assertThat(d.venueName()).isEqualTo("Nhà văn hóa bản Khe Mạ");
            assertThat(d.online()).isFalse();
        });
        assertThat(jdbc.queryForObject("select code_hash from device", String.class))
                .as("only the hash is kept").doesNotContain(code.code()).hasSize(64);
    }

    @Test
    void onlyAdministratorsAndOrganizersRegisterAndOnlyInTheirArea() {
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> devices.register(data.naSa.id(), URL)))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> devices.register(data.kheMa.id(), URL)))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("pacpoc.member", () -> devices.register(data.pacPoc.id(), URL)))
                .isInstanceOf(OutsideScopeException.class);
        IssuedCode kheMa = registerAtKheMa();
        IssuedCode naSa = fixture.as("qn.organizer", () -> devices.register(data.naSa.id(), URL));

        assertThat(fixture.as("hoanhmo.organizer", () -> devices.fleet())).extracting(DeviceData::deviceId)
                .containsExactly(kheMa.deviceId());
        assertThat(fixture.as("pacpoc.member", () -> devices.fleet())).isEmpty();
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> devices.find(naSa.deviceId())))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> {
            devices.revoke(naSa.deviceId());
            return null;
        })).isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> devices.reenrol(kheMa.deviceId(), URL)))
                .isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void aVenueKeepsOneActiveDeviceUntilItIsRevoked() {
        IssuedCode first = registerAtKheMa();
        assertThatThrownBy(this::registerAtKheMa).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("device.error.venueHasDevice"));
        fixture.as("hoanhmo.organizer", () -> devices.revoke(first.deviceId()));

        IssuedCode second = registerAtKheMa();

        assertThat(second.deviceId()).isNotEqualTo(first.deviceId());
        assertThat(fixture.as("hoanhmo.organizer", () -> venues.find(data.kheMa.id())).orElseThrow().deviceId())
                .isEqualTo(second.deviceId());
    }

    @Test
    void theCodeWorksOnceIgnoringDashesAndCaseAndYieldsCredentialsTheBrokerAccepts() {
        IssuedCode code = registerAtKheMa();

        Enrollment.Response r = devices.enroll(code.code().replace("-", "").toLowerCase(), "mqtt.example.vn");

        assertThat(r.deviceId()).isEqualTo(code.deviceId());
        assertThat(r.username()).isEqualTo(code.deviceId());
        assertThat(r.password()).hasSizeGreaterThanOrEqualTo(32);
        if (gateway.embeddedBroker().isPresent()) {
            assertThat(r.brokerUrl()).as("the embedded broker, on the host the agent came through")
                    .isEqualTo("tcp://mqtt.example.vn:" + mqtt.embedded().port());
        } else {
            assertThat(r.brokerUrl()).isEqualTo(gateway.url());
        }
        assertThat(authenticates(r)).isTrue();
        assertThat(jdbc.queryForObject("select password_hash from device", String.class)).startsWith("$2")
                .doesNotContain(r.password());
        assertThatThrownBy(() -> devices.enroll(code.code(), "x")).isInstanceOfSatisfying(
                EnrollmentRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Enrollment.Reason.USED);
                    assertThat(e.getMessage()).contains("already used").contains(code.deviceId());
                });
        assertThat(fixture.as("qn.admin", () -> devices.find(code.deviceId())).orElseThrow().state())
                .isEqualTo(DeviceState.ENROLLED);
    }

    @Test
    void theBrokerRefusesAWrongPasswordAnotherClientIdOrAnotherDevicesName() {
        Enrollment.Response r = enrolledAtKheMa();
        byte[] password = r.password().getBytes(StandardCharsets.UTF_8);

        assertThat(brokerClients.authenticate(r.username(), "guess".getBytes(), r.deviceId())).isFalse();
        assertThat(brokerClients.authenticate(r.username(), password, "dv-other-1234")).isFalse();
        IssuedCode other = fixture.as("hoanhmo.organizer", () -> devices.register(data.pacPoc.id(), URL));
        devices.enroll(other.code(), "x");
        assertThat(brokerClients.authenticate(other.deviceId(), password, other.deviceId())).isFalse();
        assertThat(authenticates(r)).isTrue();
    }

    @Test
    void anExpiredCodeIsRefusedAndAReissuedCodeReplacesIt() {
        IssuedCode old = registerAtKheMa();
        jdbc.update("update device set code_expires_at = ?", Timestamp.from(Instant.now().minusSeconds(1)));

        assertThatThrownBy(() -> devices.enroll(old.code(), "x")).isInstanceOfSatisfying(
                EnrollmentRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Enrollment.Reason.EXPIRED));
        IssuedCode fresh = fixture.as("hoanhmo.organizer", () -> devices.reenrol(old.deviceId(), URL));

        assertThat(fresh.code()).isNotEqualTo(old.code());
        assertThatThrownBy(() -> devices.enroll(old.code(), "x")).isInstanceOfSatisfying(
                EnrollmentRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Enrollment.Reason.UNKNOWN_CODE));
        assertThat(devices.enroll(fresh.code(), "x").deviceId()).isEqualTo(old.deviceId());
    }

    @Test
    void revocationStopsTheCredentialsAndAPendingCodeAndReenrolmentStartsOver() {
        Enrollment.Response r = enrolledAtKheMa();
        fixture.as("hoanhmo.organizer", () -> devices.revoke(r.deviceId()));

        assertThat(authenticates(r)).isFalse();
        assertThat(jdbc.queryForObject("select broker_pending from device", Boolean.class))
                .as("the broker is told after commit and retried until it confirms").isTrue();
        DeviceData revoked = fixture.as("qn.leader", () -> devices.find(r.deviceId())).orElseThrow();
        assertThat(revoked.state()).isEqualTo(DeviceState.REVOKED);
        assertThat(revoked.revokedAt()).isNotNull();

        IssuedCode again = fixture.as("hoanhmo.organizer", () -> devices.reenrol(r.deviceId(), URL));
        Enrollment.Response renewed = devices.enroll(again.code(), "x");
        assertThat(authenticates(renewed)).isTrue();
        assertThat(authenticates(r)).as("the old password stays dead").isFalse();

        IssuedCode replaced = fixture.as("hoanhmo.organizer", () -> devices.reenrol(r.deviceId(), URL));
        assertThat(authenticates(renewed)).as("a new code cuts the current credentials off").isFalse();
        fixture.as("hoanhmo.organizer", () -> devices.revoke(r.deviceId()));
        assertThatThrownBy(() -> devices.enroll(replaced.code(), "x")).isInstanceOfSatisfying(
                EnrollmentRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Enrollment.Reason.REVOKED));
    }

    @Test
    void unknownAndMalformedCodesAreRefusedWithTheirReason() {
        registerAtKheMa();
        assertThatThrownBy(() -> devices.enroll("AAAA-BBBB-CCCC-DDDD-EEEE", "x")).isInstanceOfSatisfying(
                EnrollmentRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Enrollment.Reason.UNKNOWN_CODE));
        assertThatThrownBy(() -> devices.enroll("'; drop table device; --", "x")).isInstanceOfSatisfying(
                EnrollmentRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Enrollment.Reason.MALFORMED));
    }

    @Test
    void statusAndHeartbeatOfAnEnrolledDeviceAreStoredAndSpoofedOrStrayMessagesDroppedWithTheirReason() {
        String id = enrolledAtKheMa().deviceId();
        IssuedCode pending = fixture.as("hoanhmo.organizer", () -> devices.register(data.pacPoc.id(), URL));
        long spoofedBefore = telemetry.counts().get(Outcome.SPOOFED);

        assertThat(telemetry.handle(Topics.device(id, Channel.STATUS),
                DeviceStatus.online(id, "0.3.1", 1L).toPayload())).isEqualTo(Outcome.STORED);
        assertThat(telemetry.handle(Topics.device(id, Channel.HEARTBEAT), Heartbeat.of(id, "0.3.2", 2L, 7_500_000_000L,
                OptionalLong.of(1_717_196_400_000L)).toPayload())).isEqualTo(Outcome.STORED);
        assertThat(telemetry.handle(Topics.device(id, Channel.STATUS),
                DeviceStatus.offline("dv-someone-else", "9", 1L).toPayload())).isEqualTo(Outcome.SPOOFED);
        assertThat(telemetry.handle(Topics.device(pending.deviceId(), Channel.STATUS),
                DeviceStatus.offline(pending.deviceId(), "9", 1L).toPayload())).isEqualTo(Outcome.UNKNOWN_DEVICE);
        assertThat(telemetry.handle(Topics.device("dv-nobody", Channel.HEARTBEAT),
                Heartbeat.of("dv-nobody", "1", 1L, 1L, OptionalLong.empty()).toPayload())).isEqualTo(Outcome.UNKNOWN_DEVICE);
        assertThat(telemetry.handle(Topics.device(id, Channel.HEARTBEAT), "{\"schemaVersion\":1".getBytes()))
                .isEqualTo(Outcome.MALFORMED);
        assertThat(telemetry.handle("dvctt/v1/dev/" + id + "/status/extra", new byte[] {1})).isEqualTo(Outcome.BAD_TOPIC);

        DeviceData d = fixture.as("hoanhmo.organizer", () -> devices.find(id)).orElseThrow();
        assertThat(d.online()).isTrue();
        assertThat(d.agentVersion()).isEqualTo("0.3.2");
        assertThat(d.freeDiskBytes()).isEqualTo(7_500_000_000L);
        assertThat(d.lastSyncAt()).isEqualTo(Instant.ofEpochMilli(1_717_196_400_000L));
        assertThat(d.lastSeenAt()).isNotNull();
        assertThat(telemetry.counts().get(Outcome.SPOOFED)).isEqualTo(spoofedBefore + 1);

        telemetry.handle(Topics.device(id, Channel.STATUS), DeviceStatus.offline(id, "0.3.2", 3L).toPayload());
        assertThat(fixture.as("hoanhmo.organizer", () -> devices.find(id)).orElseThrow().online()).isFalse();
    }

    @Test
    void completenessIsMeasuredAgainstTheManifestOnceKnownElseAgainstTheInventoryAndCoverageCountsDevices() {
        String a = enrolledAtKheMa().deviceId();
        String b = devices.enroll(fixture.as("hoanhmo.organizer", () -> devices.register(data.pacPoc.id(), URL)).code(),
                "x").deviceId();
        String video1 = Sha256.hex("video-1".getBytes());
        String video2 = Sha256.hex("video-2".getBytes());
        String video3 = Sha256.hex("video-3".getBytes());
        telemetry.handle(Topics.device(a, Channel.INVENTORY), Inventory.of(a, 3, 100L, List.of(
                new Inventory.Item(video1, 10, Inventory.State.COMPLETE),
                new Inventory.Item(video2, 5, Inventory.State.PARTIAL))).toPayload());
        telemetry.handle(Topics.device(b, Channel.INVENTORY), Inventory.of(b, 3, 100L, List.of(
                new Inventory.Item(video1, 10, Inventory.State.COMPLETE))).toPayload());

        DeviceData before = fixture.as("hoanhmo.organizer", () -> devices.find(a)).orElseThrow();
        assertThat(before.completePercent()).isEqualTo(50);
        assertThat(before.measuredAgainstManifest()).isFalse();

        devices.expect(a, Set.of(video1, video2, video3));
        em.flush(); // as the commit of expect() would; a read-only participant does not flush
        assertThat(jdbc.queryForObject("select count(*) from device_expected_content", Integer.class)).isEqualTo(3);
        DeviceData after = fixture.as("hoanhmo.organizer", () -> devices.find(a)).orElseThrow();
        assertThat(after.completePercent()).isEqualTo(33);
        assertThat(after.contentComplete()).isEqualTo(1);
        assertThat(after.contentCounted()).isEqualTo(3);
        assertThat(after.measuredAgainstManifest()).isTrue();
        assertThat(fixture.as("hoanhmo.organizer", () -> devices.contentOf(a))).extracting(
                DeviceContentData::contentId, DeviceContentData::complete, DeviceContentData::expected)
                .contains(org.assertj.core.groups.Tuple.tuple(video3, false, true));

        assertThat(telemetry.handle(Topics.device(a, Channel.INVENTORY), Inventory.of(a, 2, 99L, List.of()).toPayload()))
                .as("an older snapshot never replaces a newer one").isEqualTo(Outcome.STALE);
        assertThat(fixture.as("qn.leader", () -> devices.contentCoverage())).contains(
                new ContentCoverage(video1, 2, 2, 1), new ContentCoverage(video2, 0, 1, 1),
                new ContentCoverage(video3, 0, 0, 1));
        assertThat(fixture.as("pacpoc.member", () -> devices.contentCoverage()))
                .containsExactly(new ContentCoverage(video1, 1, 1, 0));
    }
}
