package vn.dvctt.agent.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.dvctt.agent.Log;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.MalformedPayloadException;
import vn.dvctt.content.RunnerBrief;

/**
 * The agent's durable record of what happened in sessions (docs/decisions/0003): an SQLite file in WAL
 * mode with {@code synchronous=FULL}, so a call to {@link #append} returns only once the event is
 * committed and fsynced, and a power cut afterwards cannot lose it. Events keep their state until the
 * server names them in an ack: pending, stored, or rejected with the reason.
 *
 * <p>One connection, every method synchronized: the runner page, the outbox sender and the ack handler
 * each do a few small statements at a time, and a village PC has one team member clicking.
 */
public final class Journal implements AutoCloseable {

    private static final Log log = Log.of(Journal.class);

    public enum State { PENDING, STORED, REJECTED }

    /** A journalled event with its delivery state, for diagnosis and tests. */
    public record Entry(AgentEvent event, State state, String reason) {
    }

    private final Connection db;
    private final Clock clock;
    private long lastSeq;
    /** Parsed once: the page asks for it on every refresh. */
    private Optional<RunnerBrief> brief;

    private Journal(Connection db, Clock clock) throws SQLException {
        this.db = db;
        this.clock = clock;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM event")) {
            rs.next();
            lastSeq = rs.getLong(1);
        }
    }

    /** Opens (creating if needed) {@code data.dir/journal/journal.db}. */
    public static Journal openIn(Path dataDir, Clock clock) {
        SqliteNative.prepare(dataDir);
        return open(dataDir.resolve("journal").resolve("journal.db"), clock);
    }

    public static Journal open(Path file, Clock clock) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                        throw new SQLException("the journal's file system does not support WAL");
                    }
                }
                // FULL: the WAL is fsynced at every commit, so a confirmed event survives a power cut
                s.execute("PRAGMA synchronous = FULL");
                // a few hundred KB of page cache: the journal is read in small slices, RSS matters more
                s.execute("PRAGMA cache_size = -256");
                s.execute("PRAGMA temp_store = FILE");
                s.execute("PRAGMA mmap_size = 0");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS event (
                          seq     INTEGER PRIMARY KEY,
                          id      TEXT    NOT NULL UNIQUE,
                          session TEXT    NOT NULL,
                          type    TEXT    NOT NULL,
                          at      INTEGER NOT NULL,
                          json    TEXT    NOT NULL,
                          state   INTEGER NOT NULL DEFAULT 0,
                          reason  TEXT
                        )""");
                s.execute("CREATE INDEX IF NOT EXISTS event_session ON event(session, seq)");
                s.execute("CREATE INDEX IF NOT EXISTS event_pending ON event(seq) WHERE state = 0");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS brief (
                          one     INTEGER PRIMARY KEY CHECK (one = 1),
                          version INTEGER NOT NULL,
                          json    TEXT    NOT NULL
                        )""");
                try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                    String result = rs.next() ? rs.getString(1) : "no answer";
                    if (!"ok".equals(result)) {
                        log.error("Journal {} failed its integrity check: {}", file.toAbsolutePath(), result);
                    }
                }
            }
            return new Journal(db, clock);
        } catch (SQLException | java.io.IOException e) {
            throw new JournalException("cannot open the journal " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records one action durably: when this returns, the event is committed and on disk. Only then may the
     * page confirm it.
     */
    public synchronized AgentEvent append(String session, String member, AgentEvent.Body body) {
        AgentEvent event = AgentEvent.create(lastSeq + 1, clock.millis(), session, member, body);
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO event(seq, id, session, type, at, json, state) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            insert.setLong(1, event.seq());
            insert.setString(2, event.id());
            insert.setString(3, event.session());
            insert.setString(4, event.body().type());
            insert.setLong(5, event.at());
            insert.setString(6, event.toJson());
            insert.executeUpdate(); // autocommit: one durable transaction
        } catch (SQLException e) {
            throw new JournalException("cannot record " + body.type() + " in the journal: " + e.getMessage(), e);
        }
        lastSeq = event.seq();
        return event;
    }

    /** Pending events after {@code afterSeq}, oldest first. */
    public synchronized List<AgentEvent> pendingAfter(long afterSeq, int limit) {
        return events("SELECT json FROM event WHERE state = 0 AND seq > ? ORDER BY seq LIMIT ?", afterSeq, limit);
    }

    public synchronized long pendingCount() {
        return count("SELECT count(*) FROM event WHERE state = 0");
    }

    public synchronized long rejectedCount() {
        return count("SELECT count(*) FROM event WHERE state = 2");
    }

    public synchronized long size() {
        return count("SELECT count(*) FROM event");
    }

    /** Marks events the server holds; ids it does not know or already marked are ignored. @return how many changed */
    public synchronized int markStored(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return update("UPDATE event SET state = 1, reason = NULL WHERE id = ? AND state <> 1", ids, null);
    }

    /** Marks an event the server refused for good; it is kept for a person to look at, never re-sent. */
    public synchronized int markRejected(String id, String reason) {
        return update("UPDATE event SET state = 2, reason = ? WHERE id = ? AND state = 0", List.of(id), reason);
    }

    public synchronized Optional<Entry> entry(String id) {
        try (PreparedStatement q = db.prepareStatement("SELECT json, state, reason FROM event WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(AgentEvent.fromJson(rs.getString(1)), State.values()[rs.getInt(2)],
                        rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read event " + id + ": " + e.getMessage(), e);
        }
    }

    /** All events of a session, in journal order. */
    public synchronized List<AgentEvent> eventsOf(String session) {
        return events("SELECT json FROM event WHERE session = ? ORDER BY seq", session);
    }

    /** A session's figures from its events, or empty when the journal has no such session. */
    public synchronized Optional<SessionState> session(String session) {
        List<AgentEvent> events = eventsOf(session);
        return events.isEmpty() ? Optional.empty() : Optional.of(SessionState.of(events));
    }

    /** Sessions started and not yet ended (after a power cut the page offers to carry on with them). */
    public synchronized List<SessionState> openSessions() {
        List<String> ids = strings("SELECT session FROM event GROUP BY session"
                + " HAVING sum(type = 'SESSION_ENDED') = 0 ORDER BY min(seq)");
        List<SessionState> open = new ArrayList<>();
        for (String id : ids) {
            open.add(SessionState.of(eventsOf(id)));
        }
        return open;
    }

    /** The scheduled sessions (server ids) already started on this agent, so the page does not offer them twice. */
    public synchronized List<Long> startedScheduledSessions() {
        List<Long> ids = new ArrayList<>();
        for (AgentEvent e : events("SELECT json FROM event WHERE type = 'SESSION_STARTED' ORDER BY seq")) {
            if (e.body() instanceof AgentEvent.SessionStarted s && s.scheduledSession() != null) {
                ids.add(s.scheduledSession());
            }
        }
        return ids;
    }

    public synchronized Optional<RunnerBrief> brief() {
        if (brief == null) {
            brief = readBrief();
        }
        return brief;
    }

    private Optional<RunnerBrief> readBrief() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT json FROM brief")) {
            return rs.next() ? Optional.of(RunnerBrief.fromJson(rs.getString(1))) : Optional.empty();
        } catch (SQLException e) {
            throw new JournalException("cannot read the runner brief: " + e.getMessage(), e);
        } catch (MalformedPayloadException e) {
            log.error("The stored runner brief no longer parses ({}); waiting for the next one", e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps {@code brief} if it is newer than the one held. @return whether it was kept */
    public synchronized boolean storeBrief(RunnerBrief brief) {
        try (PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO brief(one, version, json) VALUES (1, ?, ?)
                ON CONFLICT(one) DO UPDATE SET version = excluded.version, json = excluded.json
                WHERE excluded.version > brief.version""")) {
            upsert.setLong(1, brief.version());
            upsert.setString(2, brief.toJson());
            boolean kept = upsert.executeUpdate() > 0;
            if (kept) {
                this.brief = Optional.of(brief);
            }
            return kept;
        } catch (SQLException e) {
            throw new JournalException("cannot store the runner brief: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            log.warn("Closing the journal failed: {}", e.getMessage());
        }
    }

    private int update(String sql, Collection<String> ids, String reason) {
        try {
            db.setAutoCommit(false);
            int changed = 0;
            try (PreparedStatement u = db.prepareStatement(sql)) {
                for (String id : ids) {
                    int i = 1;
                    if (reason != null) {
                        u.setString(i++, reason);
                    }
                    u.setString(i, id);
                    changed += u.executeUpdate();
                }
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
            return changed;
        } catch (SQLException e) {
            throw new JournalException("cannot update event states: " + e.getMessage(), e);
        }
    }

    private List<AgentEvent> events(String sql, Object... params) {
        List<AgentEvent> events = new ArrayList<>();
        for (String json : strings(sql, params)) {
            events.add(AgentEvent.fromJson(json));
        }
        return events;
    }

    private List<String> strings(String sql, Object... params) {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal: " + e.getMessage(), e);
        }
    }

    private long count(String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal: " + e.getMessage(), e);
        }
    }
}
