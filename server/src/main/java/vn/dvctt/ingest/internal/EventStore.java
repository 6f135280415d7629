package vn.dvctt.ingest.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import vn.dvctt.content.AgentEvent;

/**
 * Plain JDBC for the hot path: tens of thousands of small rows a second do not need entities. Works
 * inside the caller's transaction. On PostgreSQL an event insert is one multi-row
 * {@code INSERT ... ON CONFLICT DO NOTHING RETURNING}, safe with several instances inserting the
 * same re-sent event at once; on H2 (the embedded default, one instance by definition) existing ids
 * are looked up first.
 */
@Component
class EventStore {

    private static final String COLUMNS = "event_id, device_id, session_key, seq, event_type, occurred_at, member, "
            + "scheduled_session, topic, delta, gender, age_band, procedure_code, dossier_code, ref_event, content_id, "
            + "guide_id, title, started_at, played_ms, notes, received_at";
    private static final int COLUMN_COUNT = 22;
    private static final String ROW = "(" + "?,".repeat(COLUMN_COUNT - 1) + "?)";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final boolean postgres;

    EventStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((Connection c) -> {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName().toLowerCase().contains("postgres");
        }));
    }

    /** An event of a device with the time it reached this instance. */
    record Incoming(String deviceId, AgentEvent event, Instant receivedAt) {
    }

    /** Who owns each of the session keys already known. */
    Map<UUID, String> owners(Collection<UUID> sessionKeys) {
        Map<UUID, String> owners = new HashMap<>();
        if (sessionKeys.isEmpty()) {
            return owners;
        }
        String in = "?,".repeat(sessionKeys.size() - 1) + "?";
        jdbc.query("SELECT session_key, device_id FROM ingest_session WHERE session_key IN (" + in + ")",
                rs -> {
                    owners.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, sessionKeys.toArray());
        return owners;
    }

    /** Registers new session keys for their device; a key someone else registered meanwhile stays theirs. */
    void claimSessions(Map<UUID, String> newKeys, Instant now) {
        if (newKeys.isEmpty()) {
            return;
        }
        String sql = postgres
                ? "INSERT INTO ingest_session (session_key, device_id, pending, changed_at) VALUES (?, ?, 0, ?) "
                        + "ON CONFLICT (session_key) DO NOTHING"
                : "INSERT INTO ingest_session (session_key, device_id, pending, changed_at) VALUES (?, ?, 0, ?)";
        // sorted: two instances claiming overlapping keys lock them in the same order
        List<Map.Entry<UUID, String>> rows = new ArrayList<>(new TreeMap<>(newKeys).entrySet());
        jdbc.batchUpdate(sql, rows, rows.size(), (ps, row) -> {
            ps.setObject(1, row.getKey());
            ps.setString(2, row.getValue());
            ps.setTimestamp(3, Timestamp.from(now));
        });
    }

    /**
     * Inserts the events not stored yet and returns their ids; re-sent ones are skipped silently.
     * All events of one call come from one batch, at most {@code EventBatch.MAX_EVENTS}.
     */
    Set<UUID> insertNew(List<Incoming> events) throws SQLException {
        if (events.isEmpty()) {
            return Set.of();
        }
        List<Incoming> toInsert = events;
        if (!postgres) {
            Set<UUID> existing = existing(events.stream().map(e -> UUID.fromString(e.event().id())).toList());
            toInsert = events.stream().filter(e -> !existing.contains(UUID.fromString(e.event().id()))).toList();
            if (toInsert.isEmpty()) {
                return Set.of();
            }
        }
        String sql = "INSERT INTO ingest_event (" + COLUMNS + ") VALUES " + (ROW + ",").repeat(toInsert.size() - 1)
                + ROW + (postgres ? " ON CONFLICT (event_id) DO NOTHING RETURNING event_id" : "");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            for (Incoming in : toInsert) {
                i = bind(ps, i, in);
            }
            Set<UUID> inserted = new HashSet<>();
            if (postgres) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getObject(1, UUID.class));
                    }
                }
            } else {
                ps.executeUpdate();
                toInsert.forEach(e -> inserted.add(UUID.fromString(e.event().id())));
            }
            return inserted;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private Set<UUID> existing(List<UUID> ids) {
        Set<UUID> found = new HashSet<>();
        String in = "?,".repeat(ids.size() - 1) + "?";
        jdbc.query("SELECT event_id FROM ingest_event WHERE event_id IN (" + in + ")",
                rs -> {
                    found.add(rs.getObject(1, UUID.class));
                }, ids.toArray());
        return found;
    }

    /** Counts new events against their sessions, in key order (see {@link #claimSessions}). */
    void markPending(Map<UUID, Integer> newEventsBySession, Instant now) {
        List<Map.Entry<UUID, Integer>> rows = new ArrayList<>(new TreeMap<>(newEventsBySession).entrySet());
        jdbc.batchUpdate("UPDATE ingest_session SET pending = pending + ?, changed_at = ? WHERE session_key = ?",
                rows, rows.size(), (ps, row) -> {
                    ps.setInt(1, row.getValue());
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setObject(3, row.getKey());
                });
    }

    void deadLetter(Instant at, String deviceId, String topic, String reason, UUID eventId, int payloadBytes,
                    String payloadHead) {
        jdbc.update("INSERT INTO ingest_dead_letter (received_at, device_id, topic, reason, event_id, payload_bytes, "
                        + "payload_head) VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(at), deviceId,
                truncate(topic, 300), truncate(reason, 500), eventId, payloadBytes, truncate(payloadHead, 4000));
    }

    private static int bind(PreparedStatement ps, int i, Incoming in) throws SQLException {
        AgentEvent e = in.event();
        ps.setObject(i++, UUID.fromString(e.id()));
        ps.setString(i++, in.deviceId());
        ps.setObject(i++, UUID.fromString(e.session()));
        ps.setLong(i++, e.seq());
        ps.setString(i++, e.body().type());
        ps.setTimestamp(i++, new Timestamp(e.at()));
        ps.setString(i++, e.member());
        Long scheduled = null;
        String topic = null;
        Integer delta = null;
        String gender = null;
        String ageBand = null;
        String procedure = null;
        String dossier = null;
        UUID ref = null;
        String content = null;
        String guide = null;
        String title = null;
        Timestamp startedAt = null;
        Long playedMs = null;
        String notes = null;
        if (e.body() instanceof AgentEvent.SessionStarted b) {
            scheduled = b.scheduledSession();
            topic = b.topic();
        } else if (e.body() instanceof AgentEvent.AttendanceChanged b) {
            delta = b.delta();
            gender = b.gender() == null ? null : b.gender().name();
            ageBand = b.ageBand() == null ? null : b.ageBand().name();
        } else if (e.body() instanceof AgentEvent.SubmissionRecorded b) {
            procedure = b.procedureCode().trim();
            dossier = b.dossierCode() == null ? null : b.dossierCode().trim().toUpperCase();
        } else if (e.body() instanceof AgentEvent.SubmissionWithdrawn b) {
            ref = UUID.fromString(b.submission());
        } else if (e.body() instanceof AgentEvent.GuidePlayed b) {
            content = b.contentId();
            guide = b.guideId();
            title = b.title();
            startedAt = new Timestamp(b.startedAt());
            playedMs = b.playedMs();
        } else if (e.body() instanceof AgentEvent.SessionEnded b) {
            notes = b.notes();
        }
        setLong(ps, i++, scheduled);
        ps.setString(i++, topic);
        if (delta == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, delta);
        }
        ps.setString(i++, gender);
        ps.setString(i++, ageBand);
        ps.setString(i++, procedure);
        ps.setString(i++, dossier);
        ps.setObject(i++, ref);
        ps.setString(i++, content);
        ps.setString(i++, guide);
        ps.setString(i++, title);
        ps.setTimestamp(i++, startedAt);
        setLong(ps, i++, playedMs);
        ps.setString(i++, notes);
        ps.setTimestamp(i++, Timestamp.from(in.receivedAt()));
        return i;
    }

    private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // ---- projection

    /** One stored event as the projection reads it. */
    record Stored(UUID id, long seq, Instant at, String type, Long scheduledSession, String topic, Integer delta,
                  String gender, String ageBand, String procedureCode, String dossierCode, UUID ref, String contentId,
                  String guideId, String title, Instant startedAt, Long playedMs, String notes) {
    }

    /** The session's row, locked until the caller's transaction ends; null if unknown. */
    SessionRow lockSession(UUID key) {
        List<SessionRow> rows = jdbc.query("SELECT session_key, device_id, training_session, pending FROM ingest_session "
                        + "WHERE session_key = ? FOR UPDATE",
                (rs, n) -> new SessionRow(rs.getObject(1, UUID.class), rs.getString(2),
                        (Long) rs.getObject(3, Long.class), rs.getLong(4)), key);
        return rows.isEmpty() ? null : rows.get(0);
    }

    record SessionRow(UUID key, String deviceId, Long trainingSession, long pending) {
    }

    /** The scheduled session a runner session's start names; null when unscheduled or not started yet. */
    Long scheduledSessionOf(UUID key) {
        List<Long> ids = jdbc.query("SELECT scheduled_session FROM ingest_event WHERE session_key = ? "
                + "AND event_type = 'SESSION_STARTED' ORDER BY seq FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> rs.getObject(1, Long.class), key);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Every runner session whose start names this scheduled session, in key order (the lock order). */
    List<UUID> sessionsStarting(long scheduledSession) {
        return jdbc.query("SELECT DISTINCT session_key FROM ingest_event WHERE scheduled_session = ? "
                + "AND event_type = 'SESSION_STARTED' ORDER BY session_key", (rs, n) -> rs.getObject(1, UUID.class),
                scheduledSession);
    }

    /**
     * Locks these sessions' rows until the caller's transaction ends, always in key order, so two
     * projections of overlapping sets wait for each other instead of deadlocking.
     */
    List<SessionRow> lockSessions(List<UUID> keys) {
        List<SessionRow> rows = new java.util.ArrayList<>();
        for (UUID key : keys.stream().sorted().toList()) {
            SessionRow row = lockSession(key);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    List<Stored> events(UUID session) {
        return jdbc.query("SELECT event_id, seq, occurred_at, event_type, scheduled_session, topic, delta, gender, "
                        + "age_band, procedure_code, dossier_code, ref_event, content_id, guide_id, title, started_at, "
                        + "played_ms, notes FROM ingest_event WHERE session_key = ? ORDER BY seq, occurred_at",
                (rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getObject(5, Long.class), rs.getString(6), rs.getObject(7, Integer.class),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getObject(12, UUID.class), rs.getString(13), rs.getString(14), rs.getString(15),
                        rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant(),
                        rs.getObject(17, Long.class), rs.getString(18)), session);
    }

    void projected(UUID key, Long trainingSession, String problem, Instant now) {
        jdbc.update("UPDATE ingest_session SET pending = 0, training_session = ?, projected_at = ?, problem = ? "
                + "WHERE session_key = ?", trainingSession, Timestamp.from(now), truncate(problem, 500), key);
    }

    /** Sessions with events waiting that changed before {@code olderThan}: missed by the after-commit path. */
    List<UUID> waiting(Instant olderThan, int limit) {
        return jdbc.query("SELECT session_key FROM ingest_session WHERE pending > 0 AND changed_at < ? "
                + "ORDER BY changed_at FETCH FIRST " + limit + " ROWS ONLY", (rs, n) -> rs.getObject(1, UUID.class),
                Timestamp.from(olderThan));
    }
}
