package vn.dvctt.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.guide.GuideData;
import vn.dvctt.guide.GuideFixture;
import vn.dvctt.guide.GuideService;
import vn.dvctt.guide.PublicationInput;
import vn.dvctt.support.Fixture;
import vn.dvctt.sync.ContentSync;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueInput;
import vn.dvctt.venue.VenueService;

/**
 * A venue given another commune takes its devices along: their copy of the venue's unit follows, and
 * after commit each gets the manifest its new commune's publications plan. Own context: it commits.
 */
@SpringBootTest(properties = "dvctt.test.journey=device-venue-move")
@ActiveProfiles("test")
class DeviceVenueMoveManifestIT {

    @Autowired
    GuideFixture guides;
    @Autowired
    GuideService guideService;
    @Autowired
    DeviceService devices;
    @Autowired
    VenueService venues;
    @Autowired
    ContentSync sync;

    @Test
    void movingAVenueToAnotherCommuneReplansItsDevicesManifestForTheNewCommune() {
        guides.data.load();
        Fixture fixture = guides.data.fixture;
        VenueData kheMa = guides.data.kheMa; // a village of commune 06757
        IssuedCode code = fixture.as("qn.organizer", () -> devices.register(kheMa.id(), "https://dvctt.example.vn"));
        devices.enroll(code.code(), "mqtt.example.vn");
        GuideData here = guides.published("qn.organizer", guides.input("22", "Đăng ký khai sinh trực tuyến", true),
                GuideFixture.mp4(200_000, 3));
        GuideData there = guides.published("qn.organizer", guides.input("22", "Cấp phiếu lý lịch tư pháp", true),
                GuideFixture.mp4(210_000, 4));
        fixture.as("qn.organizer", () -> guideService.addPublication(here.id(), new PublicationInput(
                guides.data.unit("06757"), null, 0, GuideFixture.NIGHT, 50 * GuideFixture.MB)));
        fixture.as("qn.organizer", () -> guideService.addPublication(there.id(), new PublicationInput(
                guides.data.unit("06760"), null, 0, GuideFixture.NIGHT, 50 * GuideFixture.MB)));
        Awaitility.await().atMost(20, TimeUnit.SECONDS)
                .until(() -> titles(fixture, code.deviceId()).equals(List.of("Đăng ký khai sinh trực tuyến")));

        VenueInput input = kheMa.toInput();
        fixture.as("qn.organizer", () -> venues.update(kheMa.id(), new VenueInput(guides.data.unit("06760-01"),
                input.name(), input.address(), input.capacity(), input.computers(), input.projector(), input.screen(),
                input.speakers(), input.internetKind(), input.internetMbps(), input.openingNotes())));

        Awaitility.await().atMost(20, TimeUnit.SECONDS)
                .until(() -> titles(fixture, code.deviceId()).equals(List.of("Cấp phiếu lý lịch tư pháp")));
        assertThat(fixture.as("qn.organizer", () -> devices.unitPathOf(code.deviceId())).orElseThrow())
                .contains("/06760/").doesNotContain("/06757/");
    }

    private List<String> titles(Fixture fixture, String deviceId) {
        return fixture.as("qn.organizer", () -> sync.currentManifest(deviceId))
                .map(m -> m.entries().stream().map(ManifestEntry::title).toList()).orElse(List.of());
    }
}
