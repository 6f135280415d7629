package vn.dvctt.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.campaign.internal.Campaign;
import vn.dvctt.campaign.internal.CampaignIndicator;
import vn.dvctt.campaign.internal.CampaignIndicators;
import vn.dvctt.campaign.internal.Campaigns;
import vn.dvctt.campaign.internal.IndicatorTarget;
import vn.dvctt.campaign.internal.IndicatorTargets;
import vn.dvctt.campaign.internal.Milestone;
import vn.dvctt.campaign.internal.Rollup;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.geo.UnitPlace;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.Scope;

/**
 * Freezes a campaign's progress: for every indicator, every unit of the campaign's area with
 * readings below it gets its sums and the target that applied, as of a date. Rows are only
 * inserted, so later corrections never change a past snapshot.
 */
@Service
public class CampaignSnapshots {

    private static final Logger log = LoggerFactory.getLogger(CampaignSnapshots.class);
    private final Campaigns campaigns;
    private final CampaignIndicators campaignIndicators;
    private final IndicatorTargets targets;
    private final Rollup rollup;
    private final UnitPaths unitPaths;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final int everyDays;

    CampaignSnapshots(Campaigns campaigns, CampaignIndicators campaignIndicators, IndicatorTargets targets,
                      Rollup rollup, UnitPaths unitPaths, CurrentUser currentUser, JdbcTemplate jdbc,
                      @Value("${dvctt.campaign.snapshot-every-days:7}") int everyDays) {
        this.campaigns = campaigns;
        this.campaignIndicators = campaignIndicators;
        this.targets = targets;
        this.rollup = rollup;
        this.unitPaths = unitPaths;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.everyDays = everyDays;
    }

    /** Whether the caller may take a snapshot of the campaign by hand. */
    @Transactional(readOnly = true)
    public boolean canTakeNow(CampaignId id) {
        Scope scope = currentUser.scope();
        return (scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER || scope.role() == Role.LEADER)
                && campaigns.findById(id.value()).filter(c -> c.getScopeUnitPath().startsWith(scope.unitPath()))
                .isPresent();
    }

    /** A snapshot taken by hand, as of a date within the campaign, by a leader or organizer over its area. */
    @Transactional
    public SnapshotData takeNow(CampaignId id, LocalDate asOf) {
        Campaign campaign = campaigns.findById(id.value()).orElseThrow();
        Scope scope = currentUser.scope();
        boolean allowed = scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER || scope.role() == Role.LEADER;
        if (!allowed || !campaign.getScopeUnitPath().startsWith(scope.unitPath())) {
            throw new OutsideScopeException("Snapshots of " + campaign.getScopeUnitPath() + " are outside "
                    + scope.unitPath());
        }
        if (!campaign.covers(asOf)) {
            throw new vn.dvctt.shared.InvalidInputException("campaign.error.outsideCampaign",
                    "The date is outside the campaign", asOf);
        }
        return take(campaign, asOf, SnapshotReason.MANUAL, Instant.now().toString(), scope.username());
    }

    /**
     * What the scheduled job does (once across instances, thanks to Quartz's cluster): a snapshot for
     * each milestone that fell due and has none, and a regular one every few days while a campaign runs.
     * Returns how many were taken.
     */
    @Transactional
    public int takeDue(LocalDate today) {
        int taken = 0;
        for (Campaign campaign : campaigns.findAll()) {
            if (campaign.getStatus() == CampaignStatus.DRAFT) {
                continue;
            }
            List<SnapshotData> existing = snapshots(campaign);
            for (Milestone milestone : campaign.getMilestones()) {
                boolean done = existing.stream().anyMatch(s -> s.reason() == SnapshotReason.MILESTONE
                        && s.label().equals(milestone.getName()) && s.asOf().equals(milestone.getDueOn()));
                if (!milestone.getDueOn().isAfter(today) && !done) {
                    take(campaign, milestone.getDueOn(), SnapshotReason.MILESTONE, milestone.getName(), "system");
                    taken++;
                }
            }
            boolean running = campaign.getStatus() == CampaignStatus.ACTIVE && campaign.covers(today);
            boolean recent = existing.stream().anyMatch(s -> s.reason() == SnapshotReason.CADENCE
                    && s.asOf().isAfter(today.minusDays(everyDays)));
            if (running && !recent) {
                take(campaign, today, SnapshotReason.CADENCE, "", "system");
                taken++;
            }
        }
        return taken;
    }

    @Transactional(readOnly = true)
    public List<SnapshotData> snapshots(CampaignId id) {
        return campaigns.findById(id.value()).filter(c -> visible(c)).map(this::snapshots).orElse(List.of());
    }

    /** The frozen figures of one indicator for one unit, oldest snapshot first. */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(long campaignIndicatorId, UnitId unit) {
        CampaignIndicator ci = campaignIndicators.findById(campaignIndicatorId).orElseThrow();
        Campaign campaign = campaigns.findById(ci.getCampaignId()).orElseThrow();
        String path = unitPaths.pathOf(unit).orElseThrow();
        if (!currentUser.scope().canView(path) || !visible(campaign)) {
            throw new OutsideScopeException("Trend of " + path + " is outside " + currentUser.scope().unitPath());
        }
        IndicatorData indicator = ci.getIndicator().toData();
        List<TrendPoint> points = new ArrayList<>();
        for (SnapshotData snapshot : snapshots(campaign)) {
            List<TrendPoint> row = jdbc.query("""
                    select numerator, denominator, amount, reporting_units, target from snapshot_value
                    where snapshot_id = ? and campaign_indicator_id = ? and unit_id = ?""", (rs, i) -> {
                BigDecimal value = CampaignService.valueOf(indicator.kind(), rs.getBigDecimal(1), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getInt(4));
                BigDecimal target = rs.getBigDecimal(5);
                return new TrendPoint(snapshot.id(), snapshot.asOf(), snapshot.reason(), snapshot.label(), value, target,
                        CampaignService.light(indicator.direction(), value, target));
            }, snapshot.id(), ci.getId(), unit.value());
            points.add(row.isEmpty() ? new TrendPoint(snapshot.id(), snapshot.asOf(), snapshot.reason(), snapshot.label(), null, null,
                    TrafficLight.NO_TARGET) : row.get(0));
        }
        return points;
    }

    /**
     * The periodic-report workbook: one sheet per indicator, the caller's units (tree order) by
     * snapshot, each cell the frozen value, the last column the target at the latest snapshot.
     */
    @Transactional(readOnly = true)
    public void exportXlsx(CampaignId id, OutputStream out) throws IOException {
        Campaign campaign = campaigns.findById(id.value()).filter(this::visible).orElseThrow(
                () -> new OutsideScopeException("Campaign " + id.value() + " is not visible"));
        String mine = currentUser.scope().unitPath();
        List<SnapshotData> taken = snapshots(campaign);
        Workbook workbook = new Workbook(out, "DVCTT", "1.0");
        for (CampaignIndicator ci : campaignIndicators.findByCampaignIdOrderByPosition(campaign.getId())) {
            IndicatorData indicator = ci.getIndicator().toData();
            Worksheet sheet = workbook.newWorksheet(indicator.code());
            sheet.value(0, 0, indicator.code() + " — " + indicator.name() + " (" + indicator.unitLabel() + ")");
            sheet.value(1, 0, "Mã đơn vị");
            sheet.value(1, 1, "Đơn vị");
            for (int c = 0; c < taken.size(); c++) {
                SnapshotData snapshot = taken.get(c);
                sheet.value(1, 2 + c, snapshot.asOf().toString() + (snapshot.reason() == SnapshotReason.MILESTONE
                        ? " " + snapshot.label() : ""));
            }
            sheet.value(1, 2 + taken.size(), "Mục tiêu");
            Map<Long, Integer> column = new java.util.HashMap<>();
            for (int c = 0; c < taken.size(); c++) {
                column.put(taken.get(c).id(), c);
            }
            java.util.TreeMap<String, Object[]> rows = new java.util.TreeMap<>();
            jdbc.query("""
                    select snapshot_id, unit_id, unit_path, numerator, denominator, amount, reporting_units, target
                    from snapshot_value where campaign_indicator_id = ?""", rs -> {
                String path = rs.getString(3);
                if (!path.startsWith(mine) || !column.containsKey(rs.getLong(1))) {
                    return;
                }
                Object[] row = rows.computeIfAbsent(path, p -> new Object[taken.size() + 2]);
                row[0] = rs.getLong(2);
                int c = column.get(rs.getLong(1));
                row[2 + c] = CampaignService.valueOf(indicator.kind(), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getInt(7));
                if (c == taken.size() - 1) {
                    row[1] = rs.getBigDecimal(8);
                }
            }, ci.getId());
            Map<UnitId, vn.dvctt.geo.UnitLabel> labels = unitPaths.labels(rows.values().stream()
                    .map(r -> new UnitId((Long) r[0])).toList());
            int r = 2;
            for (Object[] row : rows.values()) {
                vn.dvctt.geo.UnitLabel label = labels.get(new UnitId((Long) row[0]));
                sheet.value(r, 0, label == null ? "" : label.code());
                sheet.value(r, 1, label == null ? "" : label.displayName());
                for (int c = 0; c < taken.size(); c++) {
                    if (row[2 + c] != null) {
                        sheet.value(r, 2 + c, (BigDecimal) row[2 + c]);
                    }
                }
                if (row[1] != null) {
                    sheet.value(r, 2 + taken.size(), (BigDecimal) row[1]);
                }
                r++;
            }
        }
        workbook.finish();
    }

    private SnapshotData take(Campaign campaign, LocalDate asOf, SnapshotReason reason, String label, String by) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into campaign_snapshot (campaign_id, as_of, reason, label, taken_at, "
                    + "taken_by) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, campaign.getId());
            ps.setDate(2, Date.valueOf(asOf));
            ps.setString(3, reason.name());
            ps.setString(4, label);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, by);
            return ps;
        }, key);
        long snapshotId = key.getKey().longValue();
        int rows = 0;
        for (CampaignIndicator ci : campaignIndicators.findByCampaignIdOrderByPosition(campaign.getId())) {
            Map<String, Rollup.Sums> sums = rollup.sums(ci.getId(), campaign.getScopeUnitPath(), asOf);
            Map<String, UnitPlace> places = unitPaths.placesOfCodes(sums.values().stream().map(Rollup.Sums::code)
                    .collect(Collectors.toSet()));
            List<IndicatorTarget> all = targets.findByCampaignIndicatorId(ci.getId());
            List<Object[]> batch = new ArrayList<>();
            for (Rollup.Sums s : sums.values()) {
                UnitPlace place = places.get(s.code());
                if (place == null) {
                    continue; // a path whose unit was removed since; nothing to attach the figure to
                }
                BigDecimal target = IndicatorTarget.applicable(all, place.id().value(), place.level(), asOf).orElse(null);
                batch.add(new Object[] {snapshotId, ci.getId(), place.id().value(), s.path(), s.numerator(),
                        s.denominator(), s.amount(), s.reporting(), target});
            }
            jdbc.batchUpdate("insert into snapshot_value (snapshot_id, campaign_indicator_id, unit_id, unit_path, "
                    + "numerator, denominator, amount, reporting_units, target) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
            rows += batch.size();
        }
        log.info("Snapshot {} of campaign {} as of {} ({}): {} rows in {} ms", snapshotId, campaign.getId(), asOf,
                reason, rows, (System.nanoTime() - started) / 1_000_000);
        return new SnapshotData(snapshotId, new CampaignId(campaign.getId()), asOf, reason, label, now, by);
    }

    private List<SnapshotData> snapshots(Campaign campaign) {
        return jdbc.query("select id, as_of, reason, label, taken_at, taken_by from campaign_snapshot "
                        + "where campaign_id = ? order by as_of, taken_at",
                (rs, i) -> new SnapshotData(rs.getLong(1), new CampaignId(campaign.getId()),
                        rs.getDate(2).toLocalDate(), SnapshotReason.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)), campaign.getId());
    }

    private boolean visible(Campaign campaign) {
        String mine = currentUser.scope().unitPath();
        return campaign.getScopeUnitPath().startsWith(mine) || mine.startsWith(campaign.getScopeUnitPath());
    }
}
