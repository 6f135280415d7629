package vn.dvctt.campaign.internal;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.geo.UnitId;
import vn.dvctt.training.AssistedSubmissionsCounted;
import vn.dvctt.training.ParticipantsCounted;
import vn.dvctt.training.SessionHeld;

/**
 * Feeds the computed indicators from the training feature's events, never from its tables:
 * TR-01 sessions held, TR-02 participants, TR-03 assisted submissions. Each session's figure
 * replaces the one it gave before, in every active campaign whose area and dates cover it; the
 * listener runs in the publisher's transaction, so the figure and its source commit together.
 */
@Component
public class ComputedIndicators {

    static final String SESSIONS_HELD = "TR-01";
    static final String PARTICIPANTS = "TR-02";
    static final String ASSISTED = "TR-03";

    private final JdbcTemplate jdbc;
    private final LiveRollups live;
    private final EntityManager entities;

    ComputedIndicators(JdbcTemplate jdbc, LiveRollups live, EntityManager entities) {
        this.jdbc = jdbc;
        this.entities = entities;
        this.live = live;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SessionHeld event) {
        record(SESSIONS_HELD, event.sessionId(), event.unit(), event.unitPath(), event.date(), BigDecimal.ONE);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ParticipantsCounted event) {
        record(PARTICIPANTS, event.sessionId(), event.unit(), event.unitPath(), event.date(),
                BigDecimal.valueOf(event.participants()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AssistedSubmissionsCounted event) {
        int total = event.byProcedure().values().stream().mapToInt(Integer::intValue).sum();
        record(ASSISTED, event.sessionId(), event.unit(), event.unitPath(), event.date(), BigDecimal.valueOf(total));
    }

    /** Keeps the contributions' copies of unit paths current when an import moves units. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(vn.dvctt.geo.UnitsRepathed event) {
        event.newPaths().forEach((unit, path) -> jdbc.update(
                "update computed_contribution set unit_path = ? where unit_id = ?", path, unit.value()));
    }

    /** A team in a village covers it from its decision date, whenever the campaign started. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(vn.dvctt.team.TeamSetUp event) {
        contribute(Rollup.TEAM_COVERAGE, "team:" + event.teamId(), event.unit(), event.unitPath(),
                event.decisionDate(), BigDecimal.ONE, false);
    }

    /** A disbanded team covers nothing any more (snapshots taken before keep what it covered). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(vn.dvctt.team.TeamDisbanded event) {
        entities.flush();
        for (long ci : campaignIndicators(Rollup.TEAM_COVERAGE, event.unitPath(), null)) {
            jdbc.update("delete from computed_contribution where campaign_indicator_id = ? and source_key = ?", ci,
                    "team:" + event.teamId());
            live.changed(ci);
        }
    }

    /** Teams set up before the indicator joined the campaign: counted from the campaign's start. */
    public void backfillTeams(long campaignIndicatorId, LocalDate since, List<vn.dvctt.team.TeamSummary> teams,
                       java.util.function.Function<UnitId, String> pathOf) {
        for (vn.dvctt.team.TeamSummary team : teams) {
            jdbc.update("delete from computed_contribution where campaign_indicator_id = ? and source_key = ?",
                    campaignIndicatorId, "team:" + team.id());
            jdbc.update("insert into computed_contribution (campaign_indicator_id, source_key, unit_id, unit_path, "
                            + "period_on, amount) values (?, ?, ?, ?, ?, ?)", campaignIndicatorId, "team:" + team.id(),
                    team.unit().value(), pathOf.apply(team.unit()), since, BigDecimal.ONE);
        }
        live.changed(campaignIndicatorId);
    }

    /** Active campaign indicators with this code over the unit; within their dates when a date is given. */
    private List<Long> campaignIndicators(String indicatorCode, String unitPath, LocalDate date) {
        String sql = """
                select ci.id from campaign_indicator ci
                join indicator i on i.id = ci.indicator_id
                join campaign c on c.id = ci.campaign_id
                where i.code = ? and c.status = 'ACTIVE' and ? like concat(c.scope_unit_path, '%')""";
        return date == null ? jdbc.queryForList(sql, Long.class, indicatorCode, unitPath)
                : jdbc.queryForList(sql + " and c.starts_on <= ? and c.ends_on >= ?", Long.class, indicatorCode,
                        unitPath, date, date);
    }

    private void record(String indicatorCode, long sessionId, UnitId unit, String unitPath, LocalDate date,
                        BigDecimal amount) {
        contribute(indicatorCode, "session:" + sessionId, unit, unitPath, date, amount, true);
    }

    private void contribute(String indicatorCode, String source, UnitId unit, String unitPath, LocalDate date,
                            BigDecimal amount, boolean withinCampaignDates) {
        entities.flush(); // campaigns changed earlier in this transaction must be visible to JDBC
        List<Long> targets = campaignIndicators(indicatorCode, unitPath, withinCampaignDates ? date : null);
        for (long ci : targets) {
            jdbc.update("delete from computed_contribution where campaign_indicator_id = ? and source_key = ?", ci, source);
            jdbc.update("insert into computed_contribution (campaign_indicator_id, source_key, unit_id, unit_path, "
                    + "period_on, amount) values (?, ?, ?, ?, ?, ?)", ci, source, unit.value(), unitPath, date, amount);
            live.changed(ci);
        }
    }
}
