package vn.dvctt.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.content.Channel;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Topics;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.support.Fixture;

/** Manifests on H2 and PostgreSQL (subclasses); each test rolls back, retained messages are cleared. */
@Transactional
abstract class ContentSyncContract {

    /** Devices named "khema-…" are installed in Bản Khe Mạ; others are unknown to the device feature. */
    @TestConfiguration
    static class Areas {
        @Bean
        DeviceAreas testDeviceAreas(UnitPaths paths) {
            return deviceId -> deviceId.startsWith("khema-")
                    ? paths.idOfCode("06757-02").flatMap(paths::pathOf)
                    : Optional.empty();
        }
    }

    @Autowired
    ContentSync sync;
    @Autowired
    Fixture fixture;
    @Autowired
    MqttGateway gateway;

    private final BlockingQueue<byte[]> retained = new LinkedBlockingQueue<>();
    private String device;

    @BeforeEach
    void setUp() {
        fixture.load();
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(gateway::isConnected);
        device = "khema-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void clearRetained() throws Exception {
        gateway.publish(Topics.device(device, Channel.MANIFEST), new byte[0], 1, true).waitForCompletion(5_000);
    }

    @Test
    void aManifestIsPublishedRetainedAndEachChangeGetsAHigherVersion() throws Exception {
        ManifestEntry a = entry("a");
        Manifest first = fixture.as("hoanhmo.organizer", () -> sync.publishManifest(device, 1 << 20, DownloadWindow.ALL_DAY, List.of(a)));
        Manifest second = fixture.as("hoanhmo.organizer", () -> sync.publishManifest(device, 1 << 20,
                DownloadWindow.of("22:00", "05:00"), List.of(a, entry("b"))));

        assertThat(second.version()).isGreaterThan(first.version());
        Manifest onBroker = Manifest.fromPayload(subscribeAndTakeRetained());
        assertThat(onBroker).isEqualTo(second);
        assertThat(fixture.as("qn.leader", () -> sync.currentManifest(device))).contains(second);
    }

    @Autowired
    vn.dvctt.sync.internal.ManifestRepublisher republisher;

    @Test
    void aManifestLostByTheBrokerIsPublishedAgainAsStored() throws Exception {
        Manifest issued = fixture.as("root.admin", () -> sync.publishManifest(device, 1 << 20, DownloadWindow.ALL_DAY,
                List.of(entry("a"))));
        // what an embedded broker's restart does to retained messages
        gateway.publish(Topics.device(device, Channel.MANIFEST), new byte[0], 1, true).waitForCompletion(5_000);

        assertThat(republisher.republishAll()).isGreaterThanOrEqualTo(1);

        assertThat(Manifest.fromPayload(subscribeAndTakeRetained())).isEqualTo(issued);
    }

    @Test
    void theSameListAgainKeepsItsVersion() {
        ManifestEntry a = entry("a");
        Manifest first = fixture.as("root.admin", () -> sync.publishManifest(device, 1 << 20, DownloadWindow.ALL_DAY, List.of(a)));
        Manifest again = fixture.as("root.admin", () -> sync.publishManifest(device, 1 << 20, DownloadWindow.ALL_DAY, List.of(a)));
        assertThat(again).isEqualTo(first);
        Manifest changedQuota = fixture.as("root.admin", () -> sync.publishManifest(device, 2 << 20, DownloadWindow.ALL_DAY, List.of(a)));
        assertThat(changedQuota.version()).isGreaterThan(first.version());
    }

    @Test
    void retiringClearsTheRetainedManifestAndANewOneIsNewerStill() throws Exception {
        Manifest first = fixture.as("root.admin", () -> sync.publishManifest(device, 1 << 20, DownloadWindow.ALL_DAY, List.of(entry("a"))));

        fixture.as("root.admin", () -> sync.retire(device));

        assertThat(fixture.as("root.admin", () -> sync.currentManifest(device))).isEmpty();
        gateway.subscribe(Topics.device(device, Channel.MANIFEST), 1, (t, p) -> retained.add(p));
        assertThat(retained.poll(1, TimeUnit.SECONDS)).as("nothing retained").isNull();
        Manifest back = fixture.as("root.admin", () -> sync.publishManifest(device, 1 << 20, DownloadWindow.ALL_DAY, List.of(entry("a"))));
        assertThat(back.version()).isGreaterThan(first.version());
    }

    @Test
    void onlyManagersOfTheDevicesAreaMayIssueAndOnlyItsUsersRead() {
        List<ManifestEntry> entries = List.of(entry("a"));
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> sync.publishManifest(device, 1 << 20, DownloadWindow.ALL_DAY, entries)))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("pacpoc.member", () -> sync.publishManifest(device, 1 << 20, DownloadWindow.ALL_DAY, entries)))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("pacpoc.member", () -> sync.currentManifest(device)))
                .isInstanceOf(OutsideScopeException.class);
        String unknown = "nowhere-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> sync.publishManifest(unknown, 1 << 20, DownloadWindow.ALL_DAY, entries)))
                .as("a device of no known venue belongs to the whole country's users only")
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> sync.retire(unknown))).isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void entriesOverTheQuotaAreRefusedWithAMessageKey() {
        assertThatThrownBy(() -> fixture.as("root.admin", () -> sync.publishManifest(device, 10, DownloadWindow.ALL_DAY,
                List.of(entry("a")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("sync.error.manifest"));
        assertThatThrownBy(() -> fixture.as("root.admin", () -> sync.publishManifest("bad/id", 10, DownloadWindow.ALL_DAY, List.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("sync.error.device"));
    }

    private byte[] subscribeAndTakeRetained() throws Exception {
        gateway.subscribe(Topics.device(device, Channel.MANIFEST), 1, (t, p) -> retained.add(p));
        byte[] payload = retained.poll(10, TimeUnit.SECONDS);
        assertThat(payload).as("a retained manifest").isNotNull();
        return payload;
    }

    private static ManifestEntry entry(String name) {
        byte[] bytes = ("Hướng dẫn " + name).repeat(1000).getBytes(StandardCharsets.UTF_8);
        try {
            return Chunking.hash(new ByteArrayInputStream(bytes), Chunking.MIN_CHUNK_SIZE_BYTES).toEntry(name, "Clip " + name, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
