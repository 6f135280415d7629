package vn.dvctt.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditEntry;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.support.Fixture;

/**
 * A 92-day campaign over the fixture province (Quảng Ninh › Bình Liêu › Hoành Mô, Đồng Văn), on H2
 * and PostgreSQL (subclasses); each test rolls back.
 */
@Transactional
abstract class CampaignServiceContract {

    static final LocalDate START = LocalDate.of(2022, 6, 1);
    static final LocalDate END = LocalDate.of(2022, 8, 31);

    @Autowired
    Fixture fixture;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UnitPaths unitPaths;
    @Autowired
    AuditLog audit;
    @Autowired
    CampaignApprovals approvals;

    CampaignId campaign;
    long online;
    long gris;
    long paper;

    @BeforeEach
    void setUp() {
        fixture.load();
        fixture.as("qn.organizer", () -> {
            campaign = campaigns.create(new NewCampaign("Chiến dịch cao điểm 92 ngày đêm", CampaignKind.PEAK,
                    "Kế hoạch 170/KH-UBND ngày 01/6/2022", START, END, unit("22"))).id();
            online = campaigns.addIndicator(campaign, "CD92-02").id();
            gris = campaigns.addIndicator(campaign, "CD92-04").id();
            paper = campaigns.addIndicator(campaign, "CD92-06").id();
            campaigns.addMilestone(campaign, "Sơ kết", LocalDate.of(2022, 7, 1));
            campaigns.setStatus(campaign, CampaignStatus.ACTIVE);
        });
    }

    UnitId unit(String code) {
        return unitPaths.idOfCode(code).orElseThrow();
    }

    @Test
    void whoLagsListsTheCommunesBehindTheirTargetFurthestFirstThenThoseThatReportedNothing() {
        fixture.as("qn.organizer", () -> {
            campaigns.setLevelTarget(online, UnitLevel.COMMUNE, END, new BigDecimal("40"));
            campaigns.setUnitTarget(online, unit("06652"), END, new BigDecimal("10"));
            campaigns.enterValue(ValueEntry.ratio(online, unit("06760"), LocalDate.of(2022, 6, 20), 25, 100, ""));
            campaigns.enterValue(ValueEntry.ratio(online, unit("06652"), LocalDate.of(2022, 6, 20), 5, 100, ""));
        });
        fixture.as("hoanhmo.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 20), 45, 100, "")));

        List<Lag> lags = fixture.as("qn.leader", () -> campaigns.lagging(online, unit("22"), UnitLevel.COMMUNE,
                LocalDate.of(2022, 7, 1)));

        // Hoành Mô (45 of 40) has met its target; Hồng Gai is 5 short of its own 10, Đồng Văn 15 short of 40
        assertThat(lags).extracting(l -> l.unit().code()).containsExactly("06760", "06652");
        assertThat(lags.get(0).gap()).isEqualByComparingTo("15");
        assertThat(lags.get(1).gap()).isEqualByComparingTo("5");
        fixture.as("qn.organizer", () -> campaigns.setLevelTarget(online, UnitLevel.VILLAGE, END, new BigDecimal("30")));
        List<Lag> villages = fixture.as("qn.leader", () -> campaigns.lagging(online, unit("198"), UnitLevel.VILLAGE,
                LocalDate.of(2022, 7, 1)));
        assertThat(villages).as("villages with a target and no reading are listed as unreported").hasSize(3)
                .allMatch(Lag::unreported);
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> campaigns.lagging(online, unit("22"),
                UnitLevel.COMMUNE, LocalDate.of(2022, 7, 1)))).isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void theLibraryShipsTheEightIndicatorsOfThe92DayCampaign() {
        assertThat(fixture.as("qn.leader", () -> campaigns.library()))
                .extracting(IndicatorData::code)
                .contains("CD92-01", "CD92-02", "CD92-03", "CD92-04", "CD92-05", "CD92-06", "CD92-07", "CD92-08");
    }

    @Test
    void rollingUpSumsNumeratorsAndDenominatorsInsteadOfAveragingPercentages() {
        fixture.as("hoanhmo.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 16), 9, 10, "")));
        fixture.as("qn.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06760"), LocalDate.of(2022, 6, 16), 10, 100, "")));

        Progress district = fixture.as("qn.leader", () -> campaigns.progress(online, unit("198"),
                LocalDate.of(2022, 6, 30)));
        assertThat(district.numerator()).isEqualByComparingTo("19");
        assertThat(district.denominator()).isEqualByComparingTo("110");
        assertThat(district.value()).isEqualByComparingTo("17.27"); // not (90 + 10) / 2 = 50
        assertThat(district.reportingUnits()).isEqualTo(2);
    }

    @Test
    void eachUnitCountsWithItsLatestReadingOnOrBeforeTheDate() {
        fixture.as("hoanhmo.organizer", () -> {
            campaigns.enterValue(ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 16), 945, 1000, ""));
            campaigns.enterValue(ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 22), 9557, 10000, ""));
            campaigns.enterValue(ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 7, 1), 981, 1000, ""));
        });
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(online, unit("22"), LocalDate.of(2022, 6, 20)))
                .value()).isEqualByComparingTo("94.50");
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(online, unit("22"), LocalDate.of(2022, 6, 30)))
                .value()).isEqualByComparingTo("95.57");
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(online, unit("22"), LocalDate.of(2022, 7, 1)))
                .value()).isEqualByComparingTo("98.10");
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(online, unit("22"), LocalDate.of(2022, 6, 1)))
                .value()).isNull();
    }

    @Test
    void targetsComeFromTheLevelUnlessTheUnitHasItsOwnAndFollowTheMilestoneDates() {
        fixture.as("qn.organizer", () -> {
            campaigns.setLevelTarget(online, UnitLevel.COMMUNE, LocalDate.of(2022, 7, 1), new BigDecimal("20"));
            campaigns.setLevelTarget(online, UnitLevel.COMMUNE, LocalDate.of(2022, 9, 2), new BigDecimal("30"));
            campaigns.setUnitTarget(online, unit("06760"), LocalDate.of(2022, 9, 2), new BigDecimal("15"));
            campaigns.setLevelTarget(online, UnitLevel.DISTRICT, LocalDate.of(2022, 9, 2), new BigDecimal("40"));
        });
        fixture.as("hoanhmo.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 20), 28, 100, "")));
        fixture.as("qn.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06760"), LocalDate.of(2022, 6, 20), 16, 100, "")));

        Progress early = fixture.as("qn.leader", () -> campaigns.progress(online, unit("06757"), LocalDate.of(2022, 6, 25)));
        assertThat(early.target()).isEqualByComparingTo("20");
        assertThat(early.light()).isEqualTo(TrafficLight.MET);
        Progress late = fixture.as("qn.leader", () -> campaigns.progress(online, unit("06757"), LocalDate.of(2022, 8, 1)));
        assertThat(late.target()).isEqualByComparingTo("30");
        assertThat(late.light()).isEqualTo(TrafficLight.CLOSE);
        Progress overridden = fixture.as("qn.leader", () -> campaigns.progress(online, unit("06760"), LocalDate.of(2022, 8, 1)));
        assertThat(overridden.target()).isEqualByComparingTo("15");
        assertThat(overridden.light()).isEqualTo(TrafficLight.MET);
        Progress district = fixture.as("qn.leader", () -> campaigns.progress(online, unit("198"), LocalDate.of(2022, 8, 1)));
        assertThat(district.value()).isEqualByComparingTo("22.00");
        assertThat(district.light()).isEqualTo(TrafficLight.BEHIND);
    }

    @Test
    void coverageIsTheShareOfReportingUnitsThatSayYes() {
        fixture.as("qn.organizer", () -> {
            campaigns.enterValue(ValueEntry.amount(gris, unit("06757"), LocalDate.of(2022, 6, 30), 1, ""));
            campaigns.enterValue(ValueEntry.amount(gris, unit("06760"), LocalDate.of(2022, 6, 30), 0, ""));
            campaigns.enterValue(ValueEntry.amount(gris, unit("06652"), LocalDate.of(2022, 6, 30), 1, ""));
        });
        Progress province = fixture.as("qn.leader", () -> campaigns.progress(gris, unit("22"), LocalDate.of(2022, 7, 1)));
        assertThat(province.value()).isEqualByComparingTo("66.67");
        assertThat(province.numerator()).isEqualByComparingTo("2");
        assertThat(province.denominator()).isEqualByComparingTo("3");
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> campaigns.enterValue(
                ValueEntry.amount(gris, unit("06757"), LocalDate.of(2022, 6, 30), 2, ""))))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("campaign.error.yesNo");
    }

    @Test
    void aLowerIsBetterIndicatorIsMetWhenAtOrBelowTarget() {
        fixture.as("qn.organizer", () -> {
            campaigns.setLevelTarget(paper, UnitLevel.COMMUNE, END, new BigDecimal("50"));
            campaigns.enterValue(ValueEntry.amount(paper, unit("06757"), LocalDate.of(2022, 7, 1), 40, ""));
            campaigns.enterValue(ValueEntry.amount(paper, unit("06760"), LocalDate.of(2022, 7, 1), 80, ""));
        });
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(paper, unit("06757"), END)).light())
                .isEqualTo(TrafficLight.MET);
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(paper, unit("06760"), END)).light())
                .isEqualTo(TrafficLight.BEHIND);
    }

    @Test
    void badValuesAreRefusedWithTheProblemNamed() {
        assertRefused(ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 16), 11, 10, ""),
                "campaign.error.numeratorAboveDenominator");
        assertRefused(ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 9, 16), 1, 10, ""),
                "campaign.error.periodOutside");
        assertRefused(ValueEntry.ratio(online, unit("06757-01"), LocalDate.of(2022, 6, 16), 1, 10, ""),
                "campaign.error.wrongLevel");
        assertRefused(new ValueEntry(online, unit("06757"), LocalDate.of(2022, 6, 16), BigDecimal.ONE, null, null, ""),
                "campaign.error.ratioNeedsBoth");
        assertRefused(ValueEntry.amount(paper, unit("06757"), LocalDate.of(2022, 6, 16), -3, ""),
                "campaign.error.count");
        long teams = fixture.as("qn.organizer", () -> campaigns.addIndicator(campaign, "CD92-08").id());
        assertRefused(ValueEntry.ratio(teams, unit("06757-01"), LocalDate.of(2022, 6, 16), 1, 1, ""),
                "campaign.error.computed");
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(online, unit("22"), END)).reportingUnits())
                .isZero();
    }

    @Test
    void aCommuneEntersOnlyItsOwnAreaAndLeadersAndTeamMembersEnterNothing() {
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06760"), LocalDate.of(2022, 6, 16), 1, 10, ""))))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 16), 1, 10, ""))))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("pacpoc.member", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 16), 1, 10, ""))))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> campaigns.progress(online, unit("06760"), END)))
                .isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void aCommuneSeesItsProvincesCampaignButCannotChangeIt() {
        assertThat(fixture.as("hoanhmo.organizer", () -> campaigns.visibleCampaigns()))
                .extracting(CampaignData::title).containsExactly("Chiến dịch cao điểm 92 ngày đêm");
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> campaigns.addIndicator(campaign, "CD92-01")))
                .isInstanceOf(OutsideScopeException.class);
        assertThat(fixture.as("root.admin", () -> campaigns.visibleCampaigns())).hasSize(1);
    }

    @Test
    void aCorrectionFromAboveIsAuditedWithTheFiguresBeforeAndAfter() {
        fixture.as("hoanhmo.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 16), 9, 10, "theo báo cáo tuần")));
        fixture.as("qn.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 16), 8, 10, "sửa theo phần mềm một cửa")));
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(online, unit("06757"), END)).value())
                .isEqualByComparingTo("80.00");
        assertThat(fixture.as("qn.admin", () -> audit.recent(20)))
                .filteredOn(e -> e.entityType().equals("IndicatorValue"))
                .extracting(AuditEntry::action, AuditEntry::before, AuditEntry::after)
                .contains(org.assertj.core.groups.Tuple.tuple("correct", "9/10", "8/10"));
    }

    @Test
    void valuesWaitUntilTheCampaignIsActiveAndStatusOnlyMovesForward() {
        CampaignId draft = fixture.as("qn.organizer", () -> campaigns.create(new NewCampaign("Phong trào thi đua",
                CampaignKind.EMULATION, null, START, END, unit("22"))).id());
        long indicator = fixture.as("qn.organizer", () -> campaigns.addIndicator(draft, "CD92-02").id());
        assertRefused(ValueEntry.ratio(indicator, unit("06757"), LocalDate.of(2022, 6, 16), 1, 10, ""),
                "campaign.error.notActive");
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> campaigns.setStatus(campaign, CampaignStatus.DRAFT)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> campaigns.create(new NewCampaign("Ngược",
                CampaignKind.PLAN, null, END, START, unit("22")))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anImportWithBadLinesReportsEachWithItsLineNumberAndChangesNothing() {
        String csv = """
                Mã đơn vị,Mã chỉ tiêu,Kỳ,Tử số,Mẫu số,Giá trị,Ghi chú
                06757,CD92-02,16/06/2022,945,1000,,
                06760,CD92-02,16/06/2022,12,10,,
                06760,CD92-06,32/06/2022,,,5,
                99999,CD92-02,16/06/2022,1,2,,
                06757,CD92-01,16/06/2022,1,2,,
                06757,CD92-02,16/06/2022,1,2,,
                24616,CD92-02,16/06/2022,1,2,,
                06652,CD92-06,16/06/2022,,,abc,
                """;
        ValueImportReport report = fixture.as("qn.organizer", () -> importCsv(csv));
        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(ValueImportReport.Problem::line, ValueImportReport.Problem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "campaign.error.numeratorAboveDenominator"),
                        org.assertj.core.groups.Tuple.tuple(4, "campaign.import.badDate"),
                        org.assertj.core.groups.Tuple.tuple(5, "campaign.import.unknownUnit"),
                        org.assertj.core.groups.Tuple.tuple(6, "campaign.import.indicatorNotInCampaign"),
                        org.assertj.core.groups.Tuple.tuple(7, "campaign.import.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(8, "campaign.import.outsideScope"),
                        org.assertj.core.groups.Tuple.tuple(9, "campaign.import.badNumber"));
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(online, unit("22"), END)).reportingUnits()).isZero();
    }

    @Test
    void aGoodImportEntersNewReadingsAndCorrectsExistingOnes() {
        fixture.as("hoanhmo.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 16), 1, 10, "")));
        String csv = """
                unit;indicator;period;numerator;denominator;value
                06757;CD92-02;2022-06-16;945;1000;
                06760;CD92-02;16/6/2022;1.200;2.000;
                06760;CD92-06;16/06/2022;;;7
                """;
        ValueImportReport report = fixture.as("qn.organizer", () -> importCsv(csv));
        assertThat(report.problems()).isEmpty();
        assertThat(report.entered()).isEqualTo(2);
        assertThat(report.corrected()).isEqualTo(1);
        Progress district = fixture.as("qn.leader", () -> campaigns.progress(online, unit("198"), END));
        assertThat(district.numerator()).isEqualByComparingTo("2145");
        assertThat(district.denominator()).isEqualByComparingTo("3000");
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(paper, unit("198"), END)).value())
                .isEqualByComparingTo("7");
    }

    private ValueImportReport importCsv(String csv) {
        return campaigns.importValues(campaign, new java.io.ByteArrayInputStream(
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "values.csv");
    }

    @Test
    void aCommunesSubmittedValuesAreApprovedAboveThenLockedUntilReopened() {
        LocalDate period = LocalDate.of(2022, 6, 30);
        fixture.as("hoanhmo.organizer", () -> {
            campaigns.enterValue(ValueEntry.ratio(online, unit("06757"), period, 40, 100, ""));
            approvals.submit(campaign, unit("06757"), period);
        });
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), period, 41, 100, ""))))
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("campaign.error.submitted");
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> approvals.approve(campaign, unit("06757"), period)))
                .isInstanceOf(OutsideScopeException.class);
        assertThat(fixture.as("qn.organizer", () -> approvals.waiting(campaign)))
                .extracting(a -> a.unit().displayName()).containsExactly("Xã Hoành Mô");
        fixture.as("qn.organizer", () -> {
            campaigns.enterValue(ValueEntry.ratio(online, unit("06757"), period, 42, 100, "sửa khi duyệt"));
            approvals.approve(campaign, unit("06757"), period);
        });
        assertRefused(ValueEntry.ratio(online, unit("06757"), period, 43, 100, ""), "campaign.error.locked");
        ValueImportReport imported = fixture.as("hoanhmo.organizer", () -> importCsv(
                "unit,indicator,period,numerator,denominator\n06757,CD92-02,30/06/2022,44,100\n"));
        assertThat(imported.problems()).extracting(ValueImportReport.Problem::messageKey)
                .containsExactly("campaign.error.locked");
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(online, unit("06757"), END)).value())
                .isEqualByComparingTo("42.00");

        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> approvals.reopen(campaign, unit("06757"), period, " ")))
                .isInstanceOf(InvalidInputException.class);
        fixture.as("qn.organizer", () -> approvals.reopen(campaign, unit("06757"), period, "Sai mẫu số"));
        fixture.as("hoanhmo.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), period, 45, 100, "")));
        assertThat(fixture.as("qn.admin", () -> audit.recent(50)))
                .extracting(AuditEntry::action).contains("submit", "approve", "reopen");
    }

    private void assertRefused(ValueEntry entry, String key) {
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> campaigns.enterValue(entry)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo(key);
    }
}
