package vn.dvctt.ingest;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.training.TrainingService;

/**
 * What ingestion keeps beyond the figures it hands to the training feature: the proof of play of a
 * session, and what it refused.
 */
@Service
public class IngestService {

    public static final int MAX_DEAD_LETTERS = 500;

    private final JdbcTemplate jdbc;
    private final TrainingService training;
    private final CurrentUser currentUser;

    IngestService(JdbcTemplate jdbc, TrainingService training, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.training = training;
        this.currentUser = currentUser;
    }

    /** Guides a runner played during a session the caller may see, in the order they started. */
    @Transactional(readOnly = true)
    public List<Playback> playbacks(long trainingSessionId) {
        if (training.find(trainingSessionId).isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT e.guide_id, e.title, e.started_at, e.played_ms FROM ingest_event e "
                        + "JOIN ingest_session s ON s.session_key = e.session_key "
                        + "WHERE s.training_session = ? AND e.event_type = 'GUIDE_PLAYED' ORDER BY e.started_at, e.seq",
                (rs, n) -> new Playback(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)),
                trainingSessionId);
    }

    /** The newest refusals, for administrators: devices are not bound to one unit's data here. */
    @Transactional(readOnly = true)
    public List<DeadLetter> deadLetters(int limit) {
        if (currentUser.scope().role() != Role.ADMIN) {
            throw new OutsideScopeException("Only administrators see refused device messages");
        }
        int n = Math.max(1, Math.min(limit, MAX_DEAD_LETTERS));
        return jdbc.query("SELECT id, received_at, device_id, topic, reason, payload_bytes, payload_head "
                        + "FROM ingest_dead_letter ORDER BY id DESC FETCH FIRST " + n + " ROWS ONLY",
                (rs, i) -> new DeadLetter(rs.getLong(1), ((Timestamp) rs.getTimestamp(2)).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)));
    }
}
