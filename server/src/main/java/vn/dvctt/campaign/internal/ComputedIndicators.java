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
class ComputedIndicators {

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

    private void record(String indicatorCode, long sessionId, UnitId unit, String unitPath, LocalDate date,
                        BigDecimal amount) {
        String source = "session:" + sessionId;
        entities.flush(); // campaigns changed earlier in this transaction must be visible to JDBC
        List<Long> targets = jdbc.queryForList("""
                select ci.id from campaign_indicator ci
                join indicator i on i.id = ci.indicator_id
                join campaign c on c.id = ci.campaign_id
                where i.code = ? and c.status = 'ACTIVE' and c.starts_on <= ? and c.ends_on >= ?
                  and ? like concat(c.scope_unit_path, '%')""", Long.class, indicatorCode, date, date, unitPath);
        for (long ci : targets) {
            jdbc.update("delete from computed_contribution where campaign_indicator_id = ? and source_key = ?", ci, source);
            jdbc.update("insert into computed_contribution (campaign_indicator_id, source_key, unit_id, unit_path, "
                    + "period_on, amount) values (?, ?, ?, ?, ?, ?)", ci, source, unit.value(), unitPath, date, amount);
            live.changed(ci);
        }
    }
}
