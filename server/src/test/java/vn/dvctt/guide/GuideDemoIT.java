package vn.dvctt.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/** The demo's library: seed 001's twenty guides, the nine essential ones heading to every device at night. */
@SpringBootTest(properties = "dvctt.demo.enabled=true")
@ActiveProfiles("test")
class GuideDemoIT {

    @Autowired
    GuideService guides;
    @Autowired
    GuideDistribution distribution;
    @Autowired
    VenueService venues;
    @Autowired
    CurrentUser currentUser;

    @Test
    void twentyGuidesInEveryStageAndTheNineEssentialOnesGoToTheProvincesDevicesAtNight() throws Exception {
        List<GuideData> all = currentUser.runAsSystem(() -> guides.search(GuideFilter.all()));
        assertThat(all).hasSize(20);
        assertThat(all).filteredOn(GuideData::essential).hasSize(9)
                .allSatisfy(g -> assertThat(g.status()).isEqualTo(GuideStatus.PUBLISHED));
        assertThat(all).extracting(GuideData::status).contains(GuideStatus.values());
        assertThat(all).allSatisfy(g -> assertThat(g.posterSha256()).isNotNull());
        assertThat(all).filteredOn(g -> g.currentFile() != null).extracting(g -> g.currentFile().contentId())
                .doesNotHaveDuplicates();

        VenueData kheMa = currentUser.runAsSystem(() -> venues.search("khe ma")).get(0);
        DevicePlan plan = currentUser.runAsSystem(() -> distribution.planFor(kheMa.id()));
        assertThat(plan.downloadWindow()).isEqualTo(DownloadWindow.of("22:00", "05:00"));
        assertThat(plan.entries()).hasSize(9).extracting(ManifestEntry::priority).containsOnly(0);
        assertThat(plan.dropped()).isEmpty();

        // the shipped sample is a real MP4 that the demo guide serves byte for byte
        GuideData birth = all.stream().filter(g -> g.title().equals("Đăng ký khai sinh trực tuyến")).findFirst()
                .orElseThrow();
        try (InputStream in = currentUser.runAsSystem(() -> open(birth))) {
            byte[] bytes = in.readAllBytes();
            assertThat(new String(bytes, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            assertThat((long) bytes.length).isLessThan(300 * 1024L).isEqualTo(birth.currentFile().sizeBytes());
        }
    }

    private InputStream open(GuideData guide) {
        try {
            return guides.openVideo(guide.id(), guide.currentFile().version());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
