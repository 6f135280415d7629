package vn.dvctt.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvctt.training.TrainingFixture.day;
import static vn.dvctt.training.TrainingFixture.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.geo.UnitId;
import vn.dvctt.training.AssistedSubmission;
import vn.dvctt.training.SessionData;
import vn.dvctt.training.SessionResults;
import vn.dvctt.training.TrainingFixture;
import vn.dvctt.training.TrainingService;

/** Sessions held, participants and assisted submissions reach the campaign through events only. */
@Transactional
abstract class ComputedIndicatorsContract {

    @Autowired
    TrainingFixture data;
    @Autowired
    TrainingService training;
    @Autowired
    CampaignService campaigns;
    @Autowired
    vn.dvctt.team.TeamService teams;

    long held;
    long participants;
    long assisted;

    @BeforeEach
    void setUp() {
        data.load();
        data.fixture.as("qn.organizer", () -> {
            LocalDate today = LocalDate.now(TrainingService.ZONE);
            CampaignId id = campaigns.create(new NewCampaign("Tháng cao điểm tập huấn", CampaignKind.PEAK, null,
                    today.minusDays(30), today.plusDays(30), data.unit("22"))).id();
            held = campaigns.addIndicator(id, "TR-01").id();
            participants = campaigns.addIndicator(id, "TR-02").id();
            assisted = campaigns.addIndicator(id, "TR-03").id();
            campaigns.setLevelTarget(participants, vn.dvctt.geo.UnitLevel.COMMUNE, today.plusDays(30),
                    new BigDecimal("100"));
            campaigns.setStatus(id, CampaignStatus.ACTIVE);
        });
    }

    private BigDecimal value(long indicator, String unitCode) {
        UnitId unit = data.unit(unitCode);
        return data.fixture.as("qn.leader", () -> campaigns.progress(indicator, unit,
                LocalDate.now(TrainingService.ZONE))).value();
    }

    @Test
    void aReportedSessionCountsOnceAndAReReportReplacesItsFigures() {
        data.fixture.as("hoanhmo.organizer", () -> {
            SessionData session = training.schedule(plan(data.pacPoc, day(-2, 8), 2, "Cài VNeID"));
            training.markHeld(session.id());
            training.report(session.id(), SessionResults.participants(40,
                    List.of(new AssistedSubmission("1.001193", 3, List.of()))));
            training.report(session.id(), SessionResults.participants(35,
                    List.of(new AssistedSubmission("1.001193", 5, List.of()))));
            SessionData other = training.schedule(plan(data.kheMa, day(-1, 8), 2, "Thanh toán trực tuyến"));
            training.markHeld(other.id());
            training.report(other.id(), SessionResults.participants(20, List.of()));
        });
        assertThat(value(held, "06757")).isEqualByComparingTo("2");
        assertThat(value(participants, "06757")).isEqualByComparingTo("55"); // 35 + 20, not 40 + 35 + 20
        assertThat(value(assisted, "22")).isEqualByComparingTo("5");
        assertThat(value(participants, "06757-01")).isEqualByComparingTo("35");
        assertThat(value(participants, "06760")).isNull();
    }

    @Test
    void teamCoverageCountsVillagesWithATeamBeforeAndAfterTheIndicatorJoins() {
        LocalDate today = LocalDate.now(TrainingService.ZONE);
        data.fixture.as("hoanhmo.organizer", () -> teams.create(new vn.dvctt.team.TeamDraft(data.unit("06757-01"),
                "Tổ công nghệ số cộng đồng bản Pắc Pộc", "12/QĐ-UBND", today.minusYears(1), "Chủ tịch UBND xã")));
        long coverage = data.fixture.as("qn.organizer", () -> campaigns.addIndicator(
                campaigns.visibleCampaigns().get(0).id(), "CD92-08").id());
        // fixture villages: Pắc Pộc and Khe Mạ in Hoành Mô, Nà Sa in Đồng Văn
        assertThat(value(coverage, "06757")).isEqualByComparingTo("50.00");
        assertThat(value(coverage, "22")).isEqualByComparingTo("33.33");

        long kheMa = data.fixture.as("hoanhmo.organizer", () -> teams.create(new vn.dvctt.team.TeamDraft(
                data.unit("06757-02"), "Tổ công nghệ số cộng đồng bản Khe Mạ", "13/QĐ-UBND", today.minusDays(1),
                "Chủ tịch UBND xã")).id());
        assertThat(value(coverage, "06757")).isEqualByComparingTo("100.00");
        data.fixture.as("hoanhmo.organizer", () -> teams.disband(kheMa, today));
        assertThat(value(coverage, "06757")).isEqualByComparingTo("50.00");
        assertThat(value(coverage, "06760")).isEqualByComparingTo("0.00");
    }

    @Test
    void theAgentsFiguresReplaceTheTypedOnes() {
        long id = data.fixture.as("hoanhmo.organizer", () -> {
            SessionData session = training.schedule(plan(data.kheMa, day(-3, 8), 2, "Đăng ký khai sinh"));
            training.markHeld(session.id());
            training.report(session.id(), SessionResults.participants(40, List.of()));
            return session.id();
        });
        data.fixture.as("root.admin", () -> training.recordAgentResults(id, SessionResults.participants(37, List.of())));
        assertThat(value(participants, "06757")).isEqualByComparingTo("37");
        assertThat(value(held, "06757")).isEqualByComparingTo("1");
    }
}
