package vn.dvctt.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.sync.ContentSync;
import vn.dvctt.support.Fixture;
import vn.dvctt.training.TrainingFixture;

/**
 * Devices and content sync after commit, as in production: the commune organizer manages his
 * device's manifest (its area comes from the device's venue), the fleet measures completeness
 * against the manifest, and a revoked device's manifest is cleared. Own context: it commits.
 */
@SpringBootTest(properties = "dvctt.test.journey=device-sync")
@ActiveProfiles("test")
class DeviceSyncLinkIT {

    @Autowired
    TrainingFixture data;
    @Autowired
    DeviceService devices;
    @Autowired
    ContentSync sync;

    @Test
    void theFleetMeasuresAgainstThePublishedManifestAndARevokedDeviceLosesIt() throws Exception {
        data.load();
        Fixture fixture = data.fixture;
        IssuedCode code = fixture.as("hoanhmo.organizer", () -> devices.register(data.kheMa.id(), "https://dvctt.example.vn"));
        devices.enroll(code.code(), "mqtt.example.vn");
        // enrolment issues the guide library's plan (empty here) in the background: let it land first
        org.awaitility.Awaitility.await().atMost(20, java.util.concurrent.TimeUnit.SECONDS).until(() -> fixture.as(
                "hoanhmo.organizer", () -> sync.currentManifest(code.deviceId())).isPresent());
        byte[] guide = "Hướng dẫn đăng ký khai sinh trực tuyến".repeat(2000).getBytes(StandardCharsets.UTF_8);
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(guide), Chunking.MIN_CHUNK_SIZE_BYTES)
                .toEntry("g-1", "Đăng ký khai sinh", 0);

        Manifest manifest = fixture.as("hoanhmo.organizer", () -> sync.publishManifest(code.deviceId(), 1 << 20,
                DownloadWindow.ALL_DAY, List.of(entry)));

        DeviceData device = fixture.as("hoanhmo.organizer", () -> devices.find(code.deviceId())).orElseThrow();
        assertThat(device.measuredAgainstManifest()).isTrue();
        assertThat(fixture.as("hoanhmo.organizer", () -> devices.contentOf(code.deviceId())))
                .anyMatch(c -> c.toString().contains(entry.contentId()));
        assertThat(manifest.version()).isPositive();

        fixture.as("hoanhmo.organizer", () -> devices.revoke(code.deviceId()));

        assertThat(fixture.as("hoanhmo.organizer", () -> sync.currentManifest(code.deviceId()))).isEmpty();
    }
}
