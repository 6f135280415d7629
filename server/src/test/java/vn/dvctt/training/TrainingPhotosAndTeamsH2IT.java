package vn.dvctt.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static vn.dvctt.training.TrainingFixture.day;
import static vn.dvctt.training.TrainingFixture.plan;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.media.ImageService;
import vn.dvctt.media.StoredImage;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.team.TeamService;
import vn.dvctt.team.TeamSummary;
import java.util.Optional;

/**
 * Photos of a session and the team running it. The media and team features are replaced by mocks
 * here (they are tested on their own); this checks what training does with their answers.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class TrainingPhotosAndTeamsH2IT {

    static final StoredImage PHOTO = new StoredImage("a".repeat(64), "b".repeat(64), "image/jpeg", 1600, 1200, 250_000);

    @MockitoBean
    ImageService images;
    @MockitoBean
    TeamService teams;
    @Autowired
    TrainingFixture data;
    @Autowired
    TrainingService training;
    long sessionId;

    @BeforeEach
    void setUp() throws Exception {
        data.load();
        sessionId = data.fixture.as("hoanhmo.organizer",
                () -> training.schedule(plan(data.pacPoc, day(-1, 8), 2, "Có ảnh")).id());
        when(images.accept(any(), eq("buoi-tap-huan.jpg"))).thenReturn(PHOTO);
        when(images.accept(any(), eq("tai-lieu.pdf"))).thenThrow(new InvalidInputException("media.error.notImage",
                "Not a JPEG or PNG image"));
        when(images.open(PHOTO.thumbnailSha256())).thenReturn(new ByteArrayInputStream(new byte[] {1, 2, 3}));
    }

    @Test
    void aPhotoIsKeptOnceByItsHashAndItsThumbnailIsServed() throws Exception {
        data.fixture.as("pacpoc.member", () -> {
            add("buoi-tap-huan.jpg");
            add("buoi-tap-huan.jpg");
        });
        SessionDetails details = data.fixture.as("qn.leader", () -> training.details(sessionId));
        assertThat(details.photos()).singleElement().satisfies(p -> {
            assertThat(p.sha256()).isEqualTo(PHOTO.sha256());
            assertThat(p.thumbnailSha256()).isEqualTo(PHOTO.thumbnailSha256());
            assertThat(p.uploadedBy()).isEqualTo("pacpoc.member");
        });
        try (InputStream in = data.fixture.as("qn.leader", () -> open(PHOTO.thumbnailSha256()))) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        // a hash that is not one of this session's photos is not served, whatever the store holds
        assertThatThrownBy(() -> data.fixture.as("qn.leader", () -> open("c".repeat(64))))
                .isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void aRefusedFileLeavesNothingAndTheRefusalIsPassedOn() {
        assertThatThrownBy(() -> data.fixture.as("pacpoc.member", () -> add("tai-lieu.pdf")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("media.error.notImage"));
        assertThat(data.fixture.as("pacpoc.member", () -> training.details(sessionId)).photos()).isEmpty();
    }

    @Test
    void onlyThoseWhoMayReportTheSessionAddPhotos() {
        assertThatThrownBy(() -> data.fixture.as("qn.leader", () -> add("buoi-tap-huan.jpg")))
                .isInstanceOf(OutsideScopeException.class);
        long other = data.fixture.as("hoanhmo.organizer",
                () -> training.schedule(plan(data.kheMa, day(-1, 8), 2, "Bản khác")).id());
        assertThatThrownBy(() -> data.fixture.as("pacpoc.member", () -> {
            try {
                return training.addPhoto(other, new ByteArrayInputStream(new byte[0]), "buoi-tap-huan.jpg");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void aSessionIsRunByATeamServingTheVenuesArea() {
        when(teams.find(7L)).thenReturn(Optional.of(new TeamSummary(7, "Tổ CNS xã Hoành Mô", data.unit("06757"),
                "Xã Hoành Mô", 9)));
        when(teams.find(8L)).thenReturn(Optional.of(new TeamSummary(8, "Tổ CNS xã Đồng Văn", data.unit("06760"),
                "Xã Đồng Văn", 6)));
        SessionData run = data.fixture.as("hoanhmo.organizer", () -> training.schedule(withTeam(7L)));
        assertThat(data.fixture.as("pacpoc.member", () -> training.team(run)).orElseThrow().name())
                .isEqualTo("Tổ CNS xã Hoành Mô");
        assertThatThrownBy(() -> data.fixture.as("hoanhmo.organizer", () -> training.schedule(withTeam(8L))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("training.error.teamElsewhere");
                    assertThat(e.args()).containsExactly("Tổ CNS xã Đồng Văn", "Bản Pắc Pộc");
                });
        assertThatThrownBy(() -> data.fixture.as("hoanhmo.organizer", () -> training.schedule(withTeam(99L))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.error.team"));
    }

    private SessionPlan withTeam(long teamId) {
        SessionPlan p = plan(data.pacPoc, day(2, 8), 2, "Tổ " + teamId);
        return new SessionPlan(p.venueId(), p.startsAt().plusHours(teamId), p.endsAt().plusHours(teamId), p.topic(),
                p.audience(), teamId, p.facilitators(), p.plannedGuides(), p.expectedAttendance());
    }

    private SessionPhoto add(String fileName) {
        try {
            return training.addPhoto(sessionId, new ByteArrayInputStream(new byte[] {9}), fileName);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private InputStream open(String sha) {
        try {
            return training.openPhoto(sessionId, sha);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
