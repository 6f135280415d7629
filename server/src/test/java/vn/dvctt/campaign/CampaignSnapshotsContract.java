package vn.dvctt.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.support.Fixture;

/** Snapshots on H2 and PostgreSQL (subclasses): frozen, taken once when due, summed like live progress. */
@Transactional
abstract class CampaignSnapshotsContract {

    @Autowired
    Fixture fixture;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignSnapshots snapshots;
    @Autowired
    UnitPaths unitPaths;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    Scheduler scheduler;

    CampaignId campaign;
    long online;

    @BeforeEach
    void setUp() {
        fixture.load();
        fixture.as("qn.organizer", () -> {
            campaign = campaigns.create(new NewCampaign("Chiến dịch cao điểm 92 ngày đêm", CampaignKind.PEAK, null,
                    LocalDate.of(2022, 6, 1), LocalDate.of(2022, 8, 31), unit("22"))).id();
            online = campaigns.addIndicator(campaign, "CD92-02").id();
            campaigns.setLevelTarget(online, UnitLevel.COMMUNE, LocalDate.of(2022, 8, 31), new BigDecimal("30"));
            campaigns.addMilestone(campaign, "Sơ kết", LocalDate.of(2022, 7, 1));
            campaigns.setStatus(campaign, CampaignStatus.ACTIVE);
            campaigns.enterValue(ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 16), 45, 100, ""));
            campaigns.enterValue(ValueEntry.ratio(online, unit("06760"), LocalDate.of(2022, 6, 16), 10, 100, ""));
            campaigns.enterValue(ValueEntry.ratio(online, unit("06652"), LocalDate.of(2022, 6, 16), 300, 400, ""));
        });
    }

    UnitId unit(String code) {
        return unitPaths.idOfCode(code).orElseThrow();
    }

    @Test
    void aSnapshotHoldsTheSameFiguresAsLiveProgressForEveryLevel() {
        LocalDate asOf = LocalDate.of(2022, 6, 30);
        fixture.as("qn.leader", () -> snapshots.takeNow(campaign, asOf));
        for (String code : new String[] {"22", "198", "193", "06757", "06760", "06652"}) {
            Progress live = fixture.as("qn.leader", () -> campaigns.progress(online, unit(code), asOf));
            TrendPoint frozen = fixture.as("qn.leader", () -> snapshots.trend(online, unit(code))).get(0);
            assertThat(frozen.value()).as(code).isEqualByComparingTo(live.value());
            assertThat(frozen.light()).as(code).isEqualTo(live.light());
        }
        assertThat(fixture.as("qn.leader", () -> snapshots.trend(online, unit("22"))).get(0).value())
                .isEqualByComparingTo("59.17"); // 355 / 600
    }

    @Test
    void aLaterCorrectionDoesNotChangeASnapshotTakenBefore() {
        fixture.as("qn.leader", () -> snapshots.takeNow(campaign, LocalDate.of(2022, 6, 30)));
        fixture.as("qn.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 16), 95, 100, "sửa")));
        assertThat(fixture.as("qn.leader", () -> snapshots.trend(online, unit("06757"))).get(0).value())
                .isEqualByComparingTo("45.00");
        assertThat(fixture.as("qn.leader", () -> campaigns.progress(online, unit("06757"), LocalDate.of(2022, 6, 30)))
                .value()).isEqualByComparingTo("95.00");
    }

    @Test
    void dueSnapshotsAreTakenOnceForEachMilestoneAndEveryWeekWhileTheCampaignRuns() {
        assertThat(currentUser.runAsSystem(() -> snapshots.takeDue(LocalDate.of(2022, 6, 20)))).isEqualTo(1);
        assertThat(currentUser.runAsSystem(() -> snapshots.takeDue(LocalDate.of(2022, 6, 21)))).isZero();
        assertThat(currentUser.runAsSystem(() -> snapshots.takeDue(LocalDate.of(2022, 7, 2)))).isEqualTo(2);
        assertThat(currentUser.runAsSystem(() -> snapshots.takeDue(LocalDate.of(2022, 7, 3)))).isZero();
        assertThat(fixture.as("qn.leader", () -> snapshots.snapshots(campaign)))
                .extracting(SnapshotData::reason, SnapshotData::asOf)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SnapshotReason.CADENCE, LocalDate.of(2022, 6, 20)),
                        org.assertj.core.groups.Tuple.tuple(SnapshotReason.MILESTONE, LocalDate.of(2022, 7, 1)),
                        org.assertj.core.groups.Tuple.tuple(SnapshotReason.CADENCE, LocalDate.of(2022, 7, 2)));
        // after the campaign ends, no more regular ones
        assertThat(currentUser.runAsSystem(() -> snapshots.takeDue(LocalDate.of(2022, 9, 30)))).isZero();
    }

    @Test
    void onlyThoseOverTheCampaignsAreaTakeSnapshotsByHand() {
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> snapshots.takeNow(campaign,
                LocalDate.of(2022, 6, 30)))).isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("pacpoc.member", () -> snapshots.takeNow(campaign,
                LocalDate.of(2022, 6, 30)))).isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> snapshots.trend(online, unit("06760"))))
                .isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void theExportHasASheetPerIndicatorWithTheCallersUnitsBySnapshot() throws Exception {
        fixture.as("qn.leader", () -> snapshots.takeNow(campaign, LocalDate.of(2022, 6, 20)));
        fixture.as("qn.organizer", () -> campaigns.enterValue(
                ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 25), 60, 100, "")));
        fixture.as("qn.leader", () -> snapshots.takeNow(campaign, LocalDate.of(2022, 6, 30)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fixture.as("hoanhmo.organizer", () -> {
            try {
                snapshots.exportXlsx(campaign, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheets().filter(sh -> sh.getName().equals("CD92-02")).findFirst().orElseThrow();
            var rows = sheet.read();
            assertThat(rows.get(1).getCellText(2)).isEqualTo("2022-06-20");
            // a commune organizer's export holds his commune only
            assertThat(rows).hasSize(3);
            assertThat(rows.get(2).getCellText(1)).isEqualTo("Xã Hoành Mô");
            assertThat(rows.get(2).getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("45");
            assertThat(rows.get(2).getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("60");
            assertThat(rows.get(2).getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("30");
        }
    }

    @Test
    void theSnapshotJobIsScheduledInTheClusteredJdbcStore() throws Exception {
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
        assertThat(scheduler.getTrigger(TriggerKey.triggerKey("campaign-snapshots"))).isNotNull();
    }
}
