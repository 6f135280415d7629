package vn.dvctt.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.dvctt.training.TrainingFixture.day;
import static vn.dvctt.training.TrainingFixture.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.support.Fixture;

/** Training sessions on H2 and PostgreSQL (subclasses); each test rolls back. */
@Transactional
@RecordApplicationEvents
abstract class TrainingServiceContract {

    @Autowired
    TrainingFixture data;
    @Autowired
    TrainingService training;
    @Autowired
    ApplicationEvents events;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        data.load();
        fixture = data.fixture;
    }

    @Test
    void anOverlappingSessionAtTheSameVenueIsRefusedNamingTheOtherOne() {
        fixture.as("hoanhmo.organizer", () -> training.schedule(plan(data.kheMa, day(3, 8), 2, "Cài VNeID")));
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer",
                () -> training.schedule(plan(data.kheMa, day(3, 9), 2, "Nộp hồ sơ khai sinh")))
        ).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("training.error.venueBusy");
            assertThat(e.args()[0]).isEqualTo("Cài VNeID");
            assertThat((String) e.args()[1]).endsWith("08:00–10:00");
        });
        // back to back, another venue at the same time, and the slot of a cancelled session are all fine
        fixture.as("hoanhmo.organizer", () -> {
            training.schedule(plan(data.kheMa, day(3, 10), 1, "Thanh toán trực tuyến"));
            training.schedule(plan(data.pacPoc, day(3, 8), 2, "Cài VNeID ở Pắc Pộc"));
            SessionData later = training.schedule(plan(data.kheMa, day(4, 8), 2, "Buổi sẽ hủy"));
            training.cancel(later.id(), "Mưa lũ");
            training.schedule(plan(data.kheMa, day(4, 9), 2, "Buổi thay thế"));
        });
        assertThat(fixture.as("hoanhmo.organizer",
                () -> training.sessionsWithin(data.unit("06757-02"), day(3, 0).toLocalDate(), day(4, 0).toLocalDate())))
                .extracting(SessionData::topic, SessionData::status)
                .containsExactly(tuple("Cài VNeID", SessionStatus.PLANNED),
                        tuple("Thanh toán trực tuyến", SessionStatus.PLANNED),
                        tuple("Buổi sẽ hủy", SessionStatus.CANCELLED),
                        tuple("Buổi thay thế", SessionStatus.PLANNED));
    }

    @Test
    void aSessionGoesFromPlannedToHeldToReportedAndNoOtherWay() {
        fixture.as("hoanhmo.organizer", () -> {
            SessionData past = training.schedule(plan(data.kheMa, day(-2, 8), 2, "Đã diễn ra"));
            refused(() -> training.report(past.id(), SessionResults.participants(30, List.of())),
                    "training.error.status.PLANNED");
            assertThat(training.markHeld(past.id()).status()).isEqualTo(SessionStatus.HELD);
            refused(() -> training.markHeld(past.id()), "training.error.status.HELD");
            refused(() -> training.cancel(past.id(), "Muộn rồi"), "training.error.status.HELD");
            training.report(past.id(), SessionResults.participants(30, List.of()));
            assertThat(training.find(past.id()).orElseThrow().status()).isEqualTo(SessionStatus.REPORTED);

            SessionData future = training.schedule(plan(data.kheMa, day(5, 8), 2, "Chưa đến ngày"));
            refused(() -> training.markHeld(future.id()), "training.error.notStarted");
            refused(() -> training.cancel(future.id(), "  "), "training.error.reason");
            SessionData cancelled = training.cancel(future.id(), "Trùng lịch họp thôn");
            assertThat(cancelled.cancelReason()).isEqualTo("Trùng lịch họp thôn");
            refused(() -> training.report(future.id(), SessionResults.participants(3, List.of())),
                    "training.error.status.CANCELLED");
            refused(() -> training.recordAgentResults(future.id(), SessionResults.participants(3, List.of())),
                    "training.error.status.CANCELLED");
            refused(() -> training.reschedule(future.id(), plan(data.kheMa, day(6, 8), 2, "Lại")),
                    "training.error.status.CANCELLED");
        });
    }

    @Test
    void aTeamMemberSeesAndReportsOnlyHisOwnVillagesSessions() {
        SessionData kheMa = fixture.as("hoanhmo.organizer",
                () -> training.schedule(plan(data.kheMa, day(-1, 8), 2, "Ở Khe Mạ")));
        SessionData pacPoc = fixture.as("pacpoc.member",
                () -> training.schedule(plan(data.pacPoc, day(-1, 8), 2, "Ở Pắc Pộc")));
        fixture.as("pacpoc.member", () -> {
            assertThat(training.sessionsWithin(data.unit("06757-01"), day(-7, 0).toLocalDate(),
                    day(7, 0).toLocalDate())).extracting(SessionData::topic).containsExactly("Ở Pắc Pộc");
            assertThatThrownBy(() -> training.sessionsWithin(data.unit("06757"), day(-7, 0).toLocalDate(),
                    day(7, 0).toLocalDate())).isInstanceOf(OutsideScopeException.class);
            assertThatThrownBy(() -> training.find(kheMa.id())).isInstanceOf(OutsideScopeException.class);
            assertThatThrownBy(() -> training.markHeld(kheMa.id())).isInstanceOf(OutsideScopeException.class);
            assertThatThrownBy(() -> training.report(kheMa.id(), SessionResults.participants(1, List.of())))
                    .isInstanceOf(OutsideScopeException.class);
            assertThatThrownBy(() -> training.schedule(plan(data.kheMa, day(9, 8), 1, "Sang bản khác")))
                    .isInstanceOf(OutsideScopeException.class);
            training.markHeld(pacPoc.id());
            training.report(pacPoc.id(), SessionResults.participants(25, List.of()));
        });
        assertThat(fixture.as("qn.leader", () -> training.effectiveResults(pacPoc.id())).orElseThrow().participants())
                .isEqualTo(25);
    }

    @Test
    void organizersSeeTheirSubtreeAndLeadersOnlyRead() {
        fixture.as("qn.organizer", () -> {
            training.schedule(plan(data.kheMa, day(1, 8), 2, "Khe Mạ"));
            training.schedule(plan(data.hoanhMoHall, day(1, 8), 2, "Hội trường"));
            training.schedule(plan(data.naSa, day(1, 8), 2, "Nà Sa"));
        });
        LocalDate from = day(0, 0).toLocalDate();
        LocalDate to = day(2, 0).toLocalDate();
        assertThat(fixture.as("hoanhmo.organizer", () -> training.sessionsWithin(data.unit("06757"), from, to)))
                .extracting(SessionData::topic).containsExactlyInAnyOrder("Khe Mạ", "Hội trường");
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer",
                () -> training.sessionsWithin(data.unit("06760"), from, to))).isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer",
                () -> training.schedule(plan(data.naSa, day(2, 8), 1, "Sang xã khác"))))
                .isInstanceOf(OutsideScopeException.class);
        assertThat(fixture.as("qn.leader", () -> training.sessionsWithin(data.unit("22"), from, to))).hasSize(3);
        assertThatThrownBy(() -> fixture.as("qn.leader",
                () -> training.schedule(plan(data.kheMa, day(2, 8), 1, "Lãnh đạo lên lịch"))))
                .isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void resultsThatDoNotAddUpAreRefusedNamingTheProblem() {
        fixture.as("hoanhmo.organizer", () -> {
            long id = held("Kiểm tra số liệu");
            refused(() -> training.report(id, new SessionResults(10, 6, 5, null, null, null, null, List.of(),
                    List.of(), "")), "training.error.genderOverTotal", 11, 10);
            refused(() -> training.report(id, new SessionResults(10, null, null, 3, 3, 3, 2, List.of(),
                    List.of(), "")), "training.error.ageOverTotal", 11, 10);
            refused(() -> training.report(id, new SessionResults(-1, null, null, null, null, null, null, List.of(),
                    List.of(), "")), "training.error.negative");
            refused(() -> training.report(id, SessionResults.participants(10,
                    List.of(new AssistedSubmission("9.999999", 2, List.of())))), "training.error.unknownProcedure",
                    "9.999999");
            refused(() -> training.report(id, SessionResults.participants(10,
                    List.of(new AssistedSubmission("1.001193", 2, List.of("khong-phai-ma"))))),
                    "training.error.dossierCode", "KHONG-PHAI-MA");
            refused(() -> training.report(id, SessionResults.participants(10,
                    List.of(new AssistedSubmission("1.001193", 1, List.of("H22.43-241029-0015",
                            "H22.43-241029-0016"))))), "training.error.dossiersOverCount", "1.001193", 2, 1);
            refused(() -> training.report(id, SessionResults.participants(10,
                    List.of(new AssistedSubmission("1.001193", -2, List.of())))), "training.error.negative");
            assertThat(training.find(id).orElseThrow().status()).isEqualTo(SessionStatus.HELD);

            training.report(id, new SessionResults(10, 6, 4, 1, 3, 4, 2, List.of(
                    new AssistedSubmission("1.004222", 3, List.of("h22.43-241029-0015")),
                    new AssistedSubmission("1.001193", 1, List.of())), List.of("Cài VNeID"), "Trời mưa"));
            SessionResults kept = training.effectiveResults(id).orElseThrow();
            assertThat(kept.submissions()).containsExactly(new AssistedSubmission("1.001193", 1, List.of()),
                    new AssistedSubmission("1.004222", 3, List.of("H22.43-241029-0015")));
            assertThat(kept.women()).isEqualTo(6);
            assertThat(kept.guidesPlayed()).containsExactly("Cài VNeID");
        });
    }

    @Test
    void theAgentsFiguresWinAndTheDifferenceIsShown() {
        fixture.as("hoanhmo.organizer", () -> {
            long id = held("Có thiết bị đếm");
            training.report(id, SessionResults.participants(40, List.of(new AssistedSubmission("1.001193", 5, List.of()))));
        });
        long id = fixture.as("hoanhmo.organizer", () -> training.sessionsWithin(data.unit("06757"),
                day(-2, 0).toLocalDate(), day(0, 0).toLocalDate()).get(0).id());
        SessionResults agent = SessionResults.participants(37, List.of(new AssistedSubmission("1.001193", 5, List.of()),
                new AssistedSubmission("1.004222", 2, List.of("H22.43-241029-0016", "H22.43-241029-0015"))));
        SessionResults sameAgain = SessionResults.participants(37, List.of(
                new AssistedSubmission("1.004222", 2, List.of("H22.43-241029-0015", "H22.43-241029-0016")),
                new AssistedSubmission("1.001193", 5, List.of())));
        assertThat(fixture.as("root.admin", () -> training.recordAgentResults(id, agent))).isTrue();
        assertThat(fixture.as("root.admin", () -> training.recordAgentResults(id, sameAgain))).as("idempotent")
                .isFalse();

        SessionDetails details = fixture.as("hoanhmo.organizer", () -> training.details(id));
        assertThat(details.effective().orElseThrow().source()).isEqualTo(ResultSource.AGENT);
        assertThat(details.effective().orElseThrow().results().participants()).isEqualTo(37);
        assertThat(details.manual().orElseThrow().results().participants()).isEqualTo(40);
        assertThat(details.differences()).containsExactly(new ResultDifference("participants", null, 40, 37),
                new ResultDifference("submissions", "1.004222", null, 2));
        // the team correcting its own figures does not override the agent's
        fixture.as("hoanhmo.organizer", () -> training.report(id, SessionResults.participants(38, List.of())));
        assertThat(fixture.as("hoanhmo.organizer", () -> training.effectiveResults(id)).orElseThrow().participants())
                .isEqualTo(37);
    }

    @Test
    void statisticsAreSumsAndTheAttendanceRateIsNotAnAverageOfPercentages() {
        fixture.as("hoanhmo.organizer", () -> {
            long small = held("Buổi nhỏ", data.pacPoc, 10);
            training.report(small, SessionResults.participants(5, List.of(new AssistedSubmission("1.001193", 2, List.of()))));
            long big = held("Buổi lớn", data.kheMa, 50);
            training.report(big, SessionResults.participants(50, List.of(new AssistedSubmission("1.001193", 7, List.of()),
                    new AssistedSubmission("1.004222", 4, List.of()))));
            training.markHeld(training.schedule(plan(data.hoanhMoHall, day(-3, 8), 2, "Chưa báo cáo")).id());
            training.schedule(plan(data.hoanhMoHall, day(2, 8), 2, "Sắp tới"));
            training.cancel(training.schedule(plan(data.kheMa, day(2, 8), 2, "Hủy")).id(), "Mưa");
        });
        fixture.as("qn.organizer", () -> training.report(held("Xã khác", data.naSa, 20),
                SessionResults.participants(20, List.of())));

        TrainingStats commune = fixture.as("hoanhmo.organizer",
                () -> training.stats(data.unit("06757"), day(-10, 0).toLocalDate(), day(10, 0).toLocalDate()));
        UnitStats total = commune.total();
        assertThat(List.of(total.planned(), total.held(), total.reported(), total.cancelled()))
                .containsExactly(1, 1, 2, 1);
        assertThat(total.participants()).isEqualTo(55);
        assertThat(total.assistedSubmissions()).isEqualTo(13);
        // 55 of 60 expected, not the mean of 50 % and 100 %
        assertThat(total.attendanceRate()).isEqualTo(55.0 / 60);
        assertThat(commune.byProcedure()).isEqualTo(Map.of("1.001193", 9, "1.004222", 4));
        assertThat(commune.byChild()).extracting(UnitStats::unitName, UnitStats::scheduled, UnitStats::participants)
                .containsExactly(tuple("Xã Hoành Mô", 2, 0), tuple("Bản Khe Mạ", 1, 50), tuple("Bản Pắc Pộc", 1, 5));

        TrainingStats province = fixture.as("qn.leader",
                () -> training.stats(data.unit("22"), day(-10, 0).toLocalDate(), day(10, 0).toLocalDate()));
        assertThat(province.total().participants()).isEqualTo(75);
        assertThat(province.byChild()).extracting(UnitStats::unitName, UnitStats::participants)
                .contains(tuple("Huyện Bình Liêu", 75));
        assertThat(fixture.as("hoanhmo.organizer", () -> training.stats(data.unit("06757"),
                day(1, 0).toLocalDate(), day(10, 0).toLocalDate())).total().participants()).isZero();
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> training.stats(data.unit("22"),
                day(-1, 0).toLocalDate(), day(1, 0).toLocalDate()))).isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void holdingAndReportingPublishTheEffectiveFiguresForCampaigns() {
        long id = fixture.as("hoanhmo.organizer", () -> held("Có sự kiện"));
        assertThat(events.stream(SessionHeld.class)).extracting(SessionHeld::sessionId, SessionHeld::date)
                .containsExactly(tuple(id, day(-1, 8).toLocalDate()));
        fixture.as("hoanhmo.organizer", () -> training.report(id,
                SessionResults.participants(12, List.of(new AssistedSubmission("1.001193", 3, List.of())))));
        fixture.as("root.admin", () -> training.recordAgentResults(id,
                SessionResults.participants(11, List.of(new AssistedSubmission("1.001193", 4, List.of())))));
        assertThat(events.stream(ParticipantsCounted.class)).extracting(ParticipantsCounted::participants)
                .containsExactly(12, 11);
        assertThat(events.stream(AssistedSubmissionsCounted.class)).extracting(AssistedSubmissionsCounted::byProcedure)
                .containsExactly(Map.of("1.001193", 3), Map.of("1.001193", 4));
        assertThat(events.stream(ParticipantsCounted.class).findFirst().orElseThrow().unitPath())
                .isEqualTo(data.kheMa.unitPath());
    }

    @Test
    void aPlannedSessionIsMovedWithoutClashingWithItselfButNotOntoAnother() {
        fixture.as("hoanhmo.organizer", () -> {
            SessionData first = training.schedule(plan(data.kheMa, day(3, 8), 2, "Buổi sáng"));
            training.schedule(plan(data.kheMa, day(3, 14), 2, "Buổi chiều"));
            SessionData moved = training.reschedule(first.id(), plan(data.kheMa, day(3, 9), 2, "Buổi sáng muộn"));
            assertThat(moved.startsAt()).isEqualTo(day(3, 9));
            assertThat(moved.topic()).isEqualTo("Buổi sáng muộn");
            refused(() -> training.reschedule(first.id(), plan(data.kheMa, day(3, 13), 2, "Chồng buổi chiều")),
                    "training.error.venueBusy");
            SessionData elsewhere = training.reschedule(first.id(), plan(data.hoanhMoHall, day(3, 14), 2, "Sang hội trường"));
            assertThat(elsewhere.venueName()).isEqualTo("Hội trường UBND xã Hoành Mô");
            assertThat(elsewhere.unitName()).isEqualTo("Xã Hoành Mô");
        });
    }

    @Test
    void aPlanThatMakesNoSenseIsRefused() {
        fixture.as("hoanhmo.organizer", () -> {
            refused(() -> training.schedule(plan(data.kheMa, day(3, 8), 0, "Không có thời lượng")),
                    "training.error.endBeforeStart");
            refused(() -> training.schedule(plan(data.kheMa, day(3, 6), 13, "Quá dài")), "training.error.tooLong", 12);
            refused(() -> training.schedule(plan(data.kheMa, day(3, 8), 2, " ")), "training.error.topic", 300);
        });
    }

    @Test
    void aVenueWithSessionsCannotBeDeleted() {
        fixture.as("hoanhmo.organizer", () -> training.schedule(plan(data.kheMa, day(1, 8), 1, "Giữ địa điểm")));
        refused(() -> fixture.as("hoanhmo.organizer", () -> venues().delete(data.kheMa.id())), "venue.error.inUse");
    }

    @Autowired
    vn.dvctt.venue.VenueService venueService;

    private vn.dvctt.venue.VenueService venues() {
        return venueService;
    }

    private long held(String topic) {
        return held(topic, data.kheMa, 40);
    }

    private long held(String topic, vn.dvctt.venue.VenueData venue, int expected) {
        SessionPlan p = plan(venue, day(-1, 8), 2, topic);
        SessionPlan withExpected = new SessionPlan(p.venueId(), p.startsAt(), p.endsAt(), p.topic(), p.audience(),
                null, p.facilitators(), p.plannedGuides(), expected);
        long id = training.schedule(withExpected).id();
        training.markHeld(id);
        return id;
    }

    private static void refused(ThrowingCallable call, String key, Object... args) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            if (args.length > 0) {
                assertThat(e.args()).containsExactly(args);
            }
        });
    }
}
