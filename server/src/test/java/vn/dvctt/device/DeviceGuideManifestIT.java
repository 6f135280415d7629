package vn.dvctt.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.guide.GuideData;
import vn.dvctt.guide.GuideFixture;
import vn.dvctt.guide.GuideService;
import vn.dvctt.guide.GuideStatus;
import vn.dvctt.guide.PublicationInput;
import vn.dvctt.support.Fixture;
import vn.dvctt.sync.ContentSync;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueInput;
import vn.dvctt.venue.VenueService;

/**
 * The guide library drives the devices' manifests after commit: an enrolled device gets a manifest
 * on enrolment, publishing a guide to its commune adds the guide, retiring the guide removes it; a
 * venue given another commune takes its devices along to that commune's plan. Own context: it
 * commits, so the tests use different venues and guides and load the data once.
 */
@SpringBootTest(properties = "dvctt.test.journey=device-guides")
@ActiveProfiles("test")
class DeviceGuideManifestIT {

    @Autowired
    GuideFixture guides;
    @Autowired
    GuideService guideService;
    @Autowired
    DeviceService devices;
    @Autowired
    ContentSync sync;
    @Autowired
    VenueService venues;

    private static boolean loaded;

    private Fixture load() {
        if (!loaded) {
            guides.data.load();
            loaded = true;
        }
        return guides.data.fixture;
    }

    @Test
    void publishingAGuideToTheCommuneReachesItsDeviceAndRetiringItTakesItAway() {
        Fixture fixture = load();
        IssuedCode code = fixture.as("hoanhmo.organizer",
                () -> devices.register(guides.data.kheMa.id(), "https://dvctt.example.vn"));
        devices.enroll(code.code(), "mqtt.example.vn");
        Awaitility.await().atMost(20, TimeUnit.SECONDS)
                .until(() -> manifest(fixture, code.deviceId()).isPresent()); // on enrolment, empty so far

        GuideData guide = guides.published("qn.organizer", guides.input("22", "Đăng ký khai sinh trực tuyến", true),
                GuideFixture.mp4(300_000, 7));
        fixture.as("qn.organizer", () -> guideService.addPublication(guide.id(), new PublicationInput(
                guides.data.unit("06757"), null, 0, GuideFixture.NIGHT, 50 * GuideFixture.MB)));

        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> titles(fixture, code.deviceId())
                .contains("Đăng ký khai sinh trực tuyến"));
        Manifest manifest = manifest(fixture, code.deviceId()).orElseThrow();
        assertThat(manifest.downloadWindow()).isEqualTo(GuideFixture.NIGHT);
        assertThat(manifest.quotaBytes()).isEqualTo(50 * GuideFixture.MB);

        fixture.as("qn.organizer", () -> guideService.move(guide.id(), GuideStatus.RETIRED, "Thay bằng bản mới"));

        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> titles(fixture, code.deviceId()).isEmpty());
    }

    @Test
    void movingAVenueToAnotherCommuneReplansItsDevicesManifestForTheNewCommune() {
        Fixture fixture = load();
        VenueData pacPoc = guides.data.pacPoc; // village 06757-01 of commune 06757
        IssuedCode code = fixture.as("qn.organizer", () -> devices.register(pacPoc.id(), "https://dvctt.example.vn"));
        devices.enroll(code.code(), "mqtt.example.vn");
        GuideData here = guides.published("qn.organizer", guides.input("22", "Chứng thực bản sao điện tử", true),
                GuideFixture.mp4(200_000, 3));
        GuideData there = guides.published("qn.organizer", guides.input("22", "Cấp phiếu lý lịch tư pháp", true),
                GuideFixture.mp4(210_000, 4));
        fixture.as("qn.organizer", () -> guideService.addPublication(here.id(), new PublicationInput(
                guides.data.unit("06757-01"), null, 0, GuideFixture.NIGHT, 50 * GuideFixture.MB)));
        fixture.as("qn.organizer", () -> guideService.addPublication(there.id(), new PublicationInput(
                guides.data.unit("06760"), null, 0, GuideFixture.NIGHT, 50 * GuideFixture.MB)));
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> titles(fixture, code.deviceId())
                .contains("Chứng thực bản sao điện tử"));
        assertThat(titles(fixture, code.deviceId())).doesNotContain("Cấp phiếu lý lịch tư pháp");

        VenueInput input = pacPoc.toInput();
        fixture.as("qn.organizer", () -> venues.update(pacPoc.id(), new VenueInput(guides.data.unit("06760-01"),
                input.name(), input.address(), input.capacity(), input.computers(), input.projector(), input.screen(),
                input.speakers(), input.internetKind(), input.internetMbps(), input.openingNotes())));

        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> titles(fixture, code.deviceId())
                .equals(List.of("Cấp phiếu lý lịch tư pháp")));
        assertThat(fixture.as("qn.organizer", () -> devices.unitPathOf(code.deviceId())).orElseThrow())
                .contains("/06760/").doesNotContain("/06757/");
    }

    private Optional<Manifest> manifest(Fixture fixture, String deviceId) {
        return fixture.as("qn.organizer", () -> sync.currentManifest(deviceId));
    }

    private List<String> titles(Fixture fixture, String deviceId) {
        return manifest(fixture, deviceId).map(m -> m.entries().stream().map(ManifestEntry::title).toList())
                .orElse(List.of());
    }
}
