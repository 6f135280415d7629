package vn.dvctt.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.dvctt.guide.GuideFixture.MB;
import static vn.dvctt.guide.GuideFixture.NIGHT;
import static vn.dvctt.guide.GuideFixture.mp4;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Sha256;
import vn.dvctt.guide.DevicePlan.Reason;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.support.Fixture;
import vn.dvctt.training.TrainingFixture;

/** The guide library on H2 and PostgreSQL (subclasses); each test rolls back. */
@Transactional
@RecordApplicationEvents
abstract class GuideServiceContract {

    @Autowired
    GuideFixture guidesData;
    @Autowired
    GuideService guides;
    @Autowired
    GuideDistribution distribution;
    @Autowired
    ApplicationEvents events;
    TrainingFixture data;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        data = guidesData.data;
        data.load();
        fixture = data.fixture;
    }

    @Test
    void searchWithoutAccentsFindsTheTitleAndListsInVietnameseOrder() {
        fixture.as("qn.organizer", () -> {
            guides.create(guidesData.input("22", "Đăng ký khai sinh trực tuyến", true, "1.001193"));
            guides.create(guidesData.input("22", "Thanh toán trực tuyến phí, lệ phí", false));
            guides.create(guidesData.input("22", "Ảnh chụp hồ sơ bằng điện thoại", false));
            guides.create(guidesData.input("22", "Đăng ký thường trú", true, "1.004222"));
        });

        assertThat(fixture.as("qn.organizer", () -> guides.search(GuideFilter.text("dang ky khai sinh"))))
                .extracting(GuideData::title, GuideData::procedureCodes)
                .containsExactly(tuple("Đăng ký khai sinh trực tuyến", List.of("1.001193")));
        assertThat(fixture.as("qn.organizer", () -> guides.search(GuideFilter.all())))
                .extracting(GuideData::title)
                .containsExactly("Ảnh chụp hồ sơ bằng điện thoại", "Đăng ký khai sinh trực tuyến",
                        "Đăng ký thường trú", "Thanh toán trực tuyến phí, lệ phí");
        assertThat(fixture.as("qn.organizer", () -> guides.search(new GuideFilter("", GuideStatus.PLANNED, true,
                GuideLanguage.VI)))).extracting(GuideData::title)
                .containsExactly("Đăng ký khai sinh trực tuyến", "Đăng ký thường trú");
        assertThat(fixture.as("qn.organizer", () -> guides.search(new GuideFilter("", null, null,
                GuideLanguage.HMONG)))).isEmpty();
    }

    @Test
    void organizersKeepTheirLibraryWhileOthersSeeOnlyWhatIsPublished() {
        GuideData draft = fixture.as("qn.organizer", () -> guides.create(
                guidesData.input("22", "Cài đặt ứng dụng VNeID", false)));
        GuideData published = guidesData.published("qn.organizer",
                guidesData.input("22", "Nộp hồ sơ trên Cổng dịch vụ công", true), mp4(40_000, 1));
        GuideData communes = fixture.as("hoanhmo.organizer", () -> guides.create(
                guidesData.input("06757", "Hướng dẫn riêng của xã Hoành Mô", false)));

        assertThat(fixture.as("qn.organizer", () -> guides.search(GuideFilter.all()))).extracting(GuideData::title)
                .containsExactly("Cài đặt ứng dụng VNeID", "Hướng dẫn riêng của xã Hoành Mô",
                        "Nộp hồ sơ trên Cổng dịch vụ công");
        // the commune sees its own library whole and the province's published guides only
        assertThat(fixture.as("hoanhmo.organizer", () -> guides.search(GuideFilter.all())))
                .extracting(GuideData::title)
                .containsExactly("Hướng dẫn riêng của xã Hoành Mô", "Nộp hồ sơ trên Cổng dịch vụ công");
        for (String viewer : List.of("qn.leader", "pacpoc.member")) {
            assertThat(fixture.as(viewer, () -> guides.search(GuideFilter.all()))).extracting(GuideData::title)
                    .containsExactly("Nộp hồ sơ trên Cổng dịch vụ công");
            assertThatThrownBy(() -> fixture.as(viewer, () -> guides.find(draft.id())))
                    .isInstanceOf(OutsideScopeException.class);
            assertThat(fixture.as(viewer, () -> guides.details(published.id()).history())).isEmpty();
        }
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> guides.update(published.id(),
                published.toInput()))).isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> guides.create(
                guidesData.input("22", "Lãnh đạo không làm clip", false)))).isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> guides.create(
                guidesData.input("06760", "Sang xã khác", false)))).isInstanceOf(OutsideScopeException.class);
        // the province keeps the commune's library too
        GuideData renamed = fixture.as("qn.organizer", () -> guides.update(communes.id(), new GuideInput(null,
                "Hướng dẫn của xã Hoành Mô", "", List.of(), false, GuideLanguage.TAY, null)));
        assertThat(renamed.language()).isEqualTo(GuideLanguage.TAY);
        assertThat(renamed.ownerName()).isEqualTo("Xã Hoành Mô");
    }

    @Test
    void thePipelineGoesStepByStepRecordingWhoAndWhenAndReviewNeedsAVideo() {
        GuideData guide = fixture.as("qn.organizer", () -> guides.create(
                guidesData.input("22", "Đăng ký tạm trú", true, "1.004222")));
        GuideId id = guide.id();
        assertThat(guide.status()).isEqualTo(GuideStatus.PLANNED);
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> guides.move(id, GuideStatus.PUBLISHED, "")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("guide.error.transition"));
        fixture.as("qn.organizer", () -> guides.move(id, GuideStatus.IN_PRODUCTION, "Quay tại xã Hoành Mô"));
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> guides.move(id, GuideStatus.IN_REVIEW, "")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("guide.error.noVideo"));
        fixture.as("qn.organizer", () -> guidesData.upload(id, mp4(10_000, 2), "ban-nhap.mp4"));
        fixture.as("qn.organizer", () -> guides.move(id, GuideStatus.IN_REVIEW, ""));
        fixture.as("qn.admin", () -> guides.move(id, GuideStatus.IN_PRODUCTION, "Sửa lời thoại phút thứ 2"));
        fixture.as("qn.organizer", () -> guides.move(id, GuideStatus.IN_REVIEW, ""));
        fixture.as("qn.admin", () -> guides.move(id, GuideStatus.PUBLISHED, ""));
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> guides.move(id, GuideStatus.RETIRED, "")))
                .isInstanceOf(OutsideScopeException.class);

        List<StatusChange> history = fixture.as("qn.organizer", () -> guides.details(id).history());
        assertThat(history).extracting(StatusChange::from, StatusChange::to, StatusChange::changedBy,
                StatusChange::note).containsExactly(
                tuple(GuideStatus.IN_REVIEW, GuideStatus.PUBLISHED, "qn.admin", ""),
                tuple(GuideStatus.IN_PRODUCTION, GuideStatus.IN_REVIEW, "qn.organizer", ""),
                tuple(GuideStatus.IN_REVIEW, GuideStatus.IN_PRODUCTION, "qn.admin", "Sửa lời thoại phút thứ 2"),
                tuple(GuideStatus.IN_PRODUCTION, GuideStatus.IN_REVIEW, "qn.organizer", ""),
                tuple(GuideStatus.PLANNED, GuideStatus.IN_PRODUCTION, "qn.organizer", "Quay tại xã Hoành Mô"),
                tuple(null, GuideStatus.PLANNED, "qn.organizer", ""));
        assertThat(history).allSatisfy(h -> assertThat(h.changedAt()).isNotNull());
    }

    @Test
    void badFieldsAndUnknownProceduresAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> guides.create(
                guidesData.input("22", "Clip", true, "9.999999"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("guide.error.procedure");
                    assertThat(e.args()).containsExactly("9.999999");
                });
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> guides.create(guidesData.input("22", "  ", true))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("guide.error.title"));
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> guides.create(new GuideInput(null, "Clip", "",
                List.of(), false, GuideLanguage.VI, 0))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("guide.error.duration"));
    }

    @Test
    void aVideoIsStoredWithItsHashesAndANewVersionBecomesCurrentOnlyWhenComplete() throws IOException {
        GuideId id = fixture.as("qn.organizer", () -> guides.create(
                guidesData.input("22", "Đăng ký khai sinh", true))).id();
        byte[] first = mp4(1_200_000, 3);
        GuideFileData v1 = fixture.as("qn.organizer", () -> guidesData.upload(id, first, "khai-sinh.mp4"));

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo(FileStatus.COMPLETE);
        assertThat(v1.mediaType()).isEqualTo("video/mp4");
        assertThat(v1.sizeBytes()).isEqualTo(first.length);
        assertThat(v1.contentId()).isEqualTo(Sha256.hex(first));
        assertThat(v1.chunkSizeBytes()).isEqualTo(Chunking.DEFAULT_CHUNK_SIZE_BYTES);
        assertThat(v1.chunkHashes()).hasSize(3)
                .isEqualTo(Chunking.hash(new ByteArrayInputStream(first), Chunking.DEFAULT_CHUNK_SIZE_BYTES)
                        .chunkHashes());
        try (InputStream stored = fixture.as("pacpoc.member", () -> open(id, 1))) {
            assertThat(stored).isNull(); // not published: team members may not read it
        } catch (OutsideScopeException expected) {
            // what we want
        }

        // while version 2 streams in, version 1 stays current
        byte[] second = mp4(700_000, 4);
        List<Integer> currentDuringUpload = new ArrayList<>();
        InputStream watching = new FilterInputStream(new ByteArrayInputStream(second)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                currentDuringUpload.add(guides.find(id).orElseThrow().currentFile().version());
                return super.read(b, off, len);
            }
        };
        GuideFileData v2 = fixture.as("qn.organizer", () -> {
            try {
                return guides.uploadVideo(id, watching, "khai-sinh-v2.mp4");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(currentDuringUpload).isNotEmpty().containsOnly(1);
        assertThat(v2.version()).isEqualTo(2);

        // a file that is not a video fails its version, keeps the current one and says why
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> guidesData.upload(id,
                GuideFixture.text("<html>not a video</html>"), "trang.html")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("guide.error.notVideo");
                    assertThat(e.args()).containsExactly("trang.html");
                });
        GuideDetails details = fixture.as("qn.organizer", () -> guides.details(id));
        assertThat(details.guide().currentFile().version()).isEqualTo(2);
        assertThat(details.files()).extracting(GuideFileData::version, GuideFileData::status).containsExactly(
                tuple(3, FileStatus.FAILED), tuple(2, FileStatus.COMPLETE), tuple(1, FileStatus.COMPLETE));
        assertThat(details.files().get(0).failure()).contains("trang.html");
        try (InputStream in = fixture.as("qn.organizer", () -> open(id, 1))) {
            assertThat(in.readAllBytes()).isEqualTo(first);
        }
    }

    @Test
    void webmIsTakenByItsMagicBytesAndImagesDressedAsVideosAreNot() {
        GuideId id = fixture.as("qn.organizer", () -> guides.create(guidesData.input("22", "Clip WebM", false))).id();
        byte[] webm = mp4(5_000, 5);
        byte[] ebml = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, (byte) 0x9f, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e',
                'b', 'm'};
        System.arraycopy(ebml, 0, webm, 0, ebml.length);
        assertThat(fixture.as("qn.organizer", () -> guidesData.upload(id, webm, "clip.webm")).mediaType())
                .isEqualTo("video/webm");
        byte[] heic = mp4(5_000, 6);
        System.arraycopy(new byte[] {'h', 'e', 'i', 'c'}, 0, heic, 8, 4);
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> guidesData.upload(id, heic, "anh.mp4")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("guide.error.notVideo"));
    }

    @Test
    void theDevicePlanTakesPublishedGuidesByPriorityWithinTheQuotaAndRetiredOnesDropOut() {
        GuideData birth = guidesData.published("qn.organizer",
                guidesData.input("22", "Đăng ký khai sinh", true), mp4((int) (1.2 * MB), 10));
        GuideData residence = guidesData.published("qn.organizer",
                guidesData.input("22", "Đăng ký thường trú", true), mp4((int) (1.2 * MB), 11));
        GuideData copies = guidesData.published("qn.organizer",
                guidesData.input("22", "Chứng thực bản sao", false), mp4((int) (1.2 * MB), 12));
        GuideData planned = fixture.as("qn.organizer", () -> guides.create(
                guidesData.input("22", "Clip chưa làm", false)));
        events.clear();
        fixture.as("qn.organizer", () -> {
            guides.addPublication(birth.id(), new PublicationInput(data.unit("22"), null, 1, NIGHT, 3 * MB));
            guides.addPublication(residence.id(), new PublicationInput(data.unit("22"), null, 1, NIGHT, 3 * MB));
            guides.addPublication(planned.id(), new PublicationInput(data.unit("22"), null, 0, NIGHT, 3 * MB));
            guides.addPublication(copies.id(), new PublicationInput(null, data.pacPoc.id(), 0,
                    DownloadWindow.of("12:00", "13:30"), 3 * MB));
        });
        assertThat(events.stream(GuideDistributionChanged.class)).extracting(GuideDistributionChanged::venueId)
                .containsExactly(null, null, null, data.pacPoc.id());

        DevicePlan pacPoc = fixture.as("pacpoc.member", () -> distribution.planFor(data.pacPoc.id()));
        assertThat(pacPoc.downloadWindow()).isEqualTo(DownloadWindow.of("12:00", "13:30"));
        assertThat(pacPoc.quotaBytes()).isEqualTo(3 * MB);
        assertThat(pacPoc.entries()).extracting(ManifestEntry::title, ManifestEntry::priority)
                .containsExactly(tuple("Chứng thực bản sao", 0), tuple("Đăng ký khai sinh", 1));
        assertThat(pacPoc.totalBytes()).isLessThanOrEqualTo(pacPoc.quotaBytes());
        assertThat(pacPoc.dropped()).extracting(DevicePlan.DroppedGuide::title, DevicePlan.DroppedGuide::reason)
                .containsExactly(tuple("Đăng ký thường trú", Reason.OVER_QUOTA));
        ManifestEntry entry = pacPoc.entries().get(1);
        GuideFileData file = birth.currentFile();
        assertThat(entry.guideId()).isEqualTo(birth.id().toString());
        assertThat(entry.contentId()).isEqualTo(file.contentId());
        assertThat(entry.chunkHashes()).isEqualTo(file.chunkHashes()).hasSize(3);

        DevicePlan naSa = fixture.as("qn.leader", () -> distribution.planFor(data.naSa.id()));
        assertThat(naSa.downloadWindow()).isEqualTo(NIGHT);
        assertThat(naSa.entries()).extracting(ManifestEntry::title)
                .containsExactly("Đăng ký khai sinh", "Đăng ký thường trú");

        events.clear();
        fixture.as("qn.organizer", () -> guides.move(copies.id(), GuideStatus.RETIRED, "Thủ tục đã thay đổi"));
        assertThat(events.stream(GuideDistributionChanged.class))
                .containsExactly(new GuideDistributionChanged(data.pacPoc.unitPath(), data.pacPoc.id(), copies.id()));
        assertThat(fixture.as("pacpoc.member", () -> distribution.planFor(data.pacPoc.id())).entries())
                .extracting(ManifestEntry::title).containsExactly("Đăng ký khai sinh", "Đăng ký thường trú");

        // a new version of a published guide reaches its devices once complete
        events.clear();
        GuideFileData v2 = fixture.as("qn.organizer", () -> guidesData.upload(birth.id(), mp4(300_000, 13), "v2.mp4"));
        assertThat(events.stream(GuideDistributionChanged.class)).hasSize(1);
        assertThat(fixture.as("qn.leader", () -> distribution.planFor(data.naSa.id())).entries().get(0).contentId())
                .isEqualTo(v2.contentId());
        assertThatThrownBy(() -> fixture.as("pacpoc.member", () -> distribution.planFor(data.naSa.id())))
                .isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void theSameVideoUnderTwoGuidesIsListedOnce() {
        byte[] video = mp4(50_000, 20);
        GuideData a = guidesData.published("qn.organizer", guidesData.input("22", "Bản tiếng Việt", false), video);
        GuideData b = guidesData.published("qn.organizer", guidesData.input("22", "Bản chép lại", false), video);
        fixture.as("qn.organizer", () -> {
            guides.addPublication(a.id(), new PublicationInput(data.unit("06757"), null, 0, NIGHT, 10 * MB));
            guides.addPublication(b.id(), new PublicationInput(data.unit("06757"), null, 1, NIGHT, 10 * MB));
        });
        DevicePlan plan = fixture.as("hoanhmo.organizer", () -> distribution.planFor(data.kheMa.id()));
        assertThat(plan.entries()).extracting(ManifestEntry::title).containsExactly("Bản tiếng Việt");
        assertThat(plan.dropped()).extracting(DevicePlan.DroppedGuide::reason).containsExactly(Reason.SAME_CONTENT);
    }

    @Test
    void publicationTargetsMustLieInsideTheCallersArea() {
        GuideData commune = fixture.as("hoanhmo.organizer", () -> guides.create(
                guidesData.input("06757", "Clip của xã", false)));
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> guides.addPublication(commune.id(),
                new PublicationInput(data.unit("06760"), null, 0, NIGHT, 10 * MB))))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> guides.addPublication(commune.id(),
                new PublicationInput(null, data.naSa.id(), 0, NIGHT, 10 * MB))))
                .isInstanceOf(OutsideScopeException.class);
        GuideData province = fixture.as("qn.organizer", () -> guides.create(guidesData.input("22", "Clip tỉnh", false)));
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> guides.addPublication(province.id(),
                new PublicationInput(data.unit("67"), null, 0, NIGHT, 10 * MB))))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> guides.addPublication(province.id(),
                new PublicationInput(data.unit("22"), null, 0, NIGHT, 1000))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("guide.error.quota"));
        PublicationData kept = fixture.as("hoanhmo.organizer", () -> guides.addPublication(commune.id(),
                new PublicationInput(null, data.kheMa.id(), 2, NIGHT, 10 * MB)));
        assertThat(kept.targetName()).isEqualTo("Nhà văn hóa bản Khe Mạ");
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> guides.addPublication(commune.id(),
                new PublicationInput(null, data.kheMa.id(), 0, NIGHT, 10 * MB))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("guide.error.duplicateTarget"));
        fixture.as("hoanhmo.organizer", () -> guides.removePublication(kept.id()));
        assertThat(fixture.as("hoanhmo.organizer", () -> guides.details(commune.id()).publications())).isEmpty();
    }

    @Test
    void aPosterIsCleanedThroughTheMediaFeatureAndABadOneIsRefusedClearly() throws IOException {
        GuideId id = fixture.as("qn.organizer", () -> guides.create(guidesData.input("22", "Clip có ảnh", false))).id();
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> setPoster(id, GuideFixture.text("GIF89a..."),
                "anh.gif"))).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("media.image.notImage");
                    assertThat(e.args()).containsExactly("anh.gif");
                });
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        GuideData withPoster = fixture.as("qn.organizer", () -> setPoster(id, png.toByteArray(), "bia.png"));
        assertThat(withPoster.posterSha256()).isNotNull();
        assertThat(withPoster.posterThumbnailSha256()).isNotNull();
        try (InputStream thumb = fixture.as("qn.organizer", () -> {
            try {
                return guides.openPoster(id, withPoster.posterThumbnailSha256());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            assertThat(ImageIO.read(thumb).getWidth()).isEqualTo(320);
        }
    }

    private GuideData setPoster(GuideId id, byte[] bytes, String name) {
        try {
            return guides.setPoster(id, new ByteArrayInputStream(bytes), name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private InputStream open(GuideId id, int version) {
        try {
            return guides.openVideo(id, version);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
