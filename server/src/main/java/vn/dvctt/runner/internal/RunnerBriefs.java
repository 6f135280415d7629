package vn.dvctt.runner.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvctt.content.Channel;
import vn.dvctt.content.RunnerBrief;
import vn.dvctt.content.Sha256;
import vn.dvctt.content.Topics;
import vn.dvctt.device.DeviceService;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.procedure.ProcedureService;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.team.RunnerMember;
import vn.dvctt.team.TeamService;
import vn.dvctt.training.SessionData;
import vn.dvctt.training.TrainingService;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/**
 * Builds and publishes each device's {@link RunnerBrief}: its venue, the venue's sessions from a week
 * back to two months ahead, the procedure catalogue and who may sign in. Retained, so an agent that
 * was offline gets the newest on connect; published only when it differs from the last one (the
 * database row, shared by all instances, remembers its hash), so repeating the work is cheap.
 */
@Component
class RunnerBriefs {

    private static final Logger log = LoggerFactory.getLogger(RunnerBriefs.class);
    static final int DAYS_BACK = 7;
    static final int DAYS_AHEAD = 60;
    static final int MAX_PROCEDURES = 3000;

    private final DeviceService devices;
    private final VenueService venues;
    private final TrainingService training;
    private final ProcedureService procedures;
    private final TeamService teams;
    private final MqttGateway gateway;
    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    RunnerBriefs(DeviceService devices, VenueService venues, TrainingService training, ProcedureService procedures,
                 TeamService teams, MqttGateway gateway, JdbcTemplate jdbc, CurrentUser currentUser,
                 PlatformTransactionManager transactions) {
        this.devices = devices;
        this.venues = venues;
        this.training = training;
        this.procedures = procedures;
        this.teams = teams;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Briefs every enrolled device under the path (or at the venue); returns how many got a new one. */
    int publishWithin(String unitPath, Long venueId) {
        List<DeviceService.Installed> targets = currentUser.runAsSystem(() -> devices.enrolled(unitPath, venueId));
        int published = 0;
        for (DeviceService.Installed device : targets) {
            if (publish(device)) {
                published++;
            }
        }
        return published;
    }

    /** Publishes the device's brief if it changed; false when unchanged or it failed (logged). */
    boolean publish(DeviceService.Installed device) {
        try {
            return Boolean.TRUE.equals(currentUser.runAsSystem(() -> transaction.execute(status -> {
                Optional<RunnerBrief> built = build(device, 1);
                if (built.isEmpty()) {
                    return false;
                }
                String hash = Sha256.hex(built.get().toJson().getBytes(StandardCharsets.UTF_8));
                List<Object[]> last = jdbc.query("SELECT version, content_hash FROM runner_brief WHERE device_id = ? "
                        + "FOR UPDATE", (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, device.deviceId());
                if (!last.isEmpty() && hash.equals(last.get(0)[1])) {
                    return false;
                }
                long version = Math.max(clock.millis(), last.isEmpty() ? 1 : (Long) last.get(0)[0] + 1);
                RunnerBrief b = built.get();
                RunnerBrief brief = RunnerBrief.of(b.deviceId(), version, b.venue(), b.sessions(), b.procedures(), b.members());
                Timestamp now = Timestamp.from(Instant.now(clock));
                if (last.isEmpty()) {
                    jdbc.update("INSERT INTO runner_brief (device_id, version, content_hash, published_at) VALUES (?, ?, ?, ?)",
                            device.deviceId(), version, hash, now);
                } else {
                    jdbc.update("UPDATE runner_brief SET version = ?, content_hash = ?, published_at = ? WHERE device_id = ?",
                            version, hash, now, device.deviceId());
                }
                try {
                    // waits for the broker: the row must not claim a brief the broker never took
                    gateway.publish(Topics.device(device.deviceId(), Channel.BRIEF), brief.toPayload(),
                            Channel.BRIEF.qos(), Channel.BRIEF.retained()).waitForCompletion(10_000);
                } catch (Exception e) {
                    throw new IllegalStateException("broker did not take the brief: " + e.getMessage(), e);
                }
                return true;
            })));
        } catch (RuntimeException e) {
            log.warn("Runner brief of device {} not published; the next change or the daily run does it",
                    device.deviceId(), e);
            return false;
        }
    }

    /** The brief with the given version; the hash is taken at version 1 so it compares contents only. */
    Optional<RunnerBrief> build(DeviceService.Installed device, long version) {
        Optional<VenueData> found = venues.find(device.venueId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VenueData venue = found.get();
        LocalDateTime now = LocalDateTime.now(clock.withZone(TrainingService.ZONE));
        List<RunnerBrief.Session> sessions = training.sessionsAtVenue(venue.id(),
                        now.toLocalDate().minusDays(DAYS_BACK).atStartOfDay(),
                        now.toLocalDate().plusDays(DAYS_AHEAD + 1).atStartOfDay()).stream()
                .map(RunnerBriefs::session).toList();
        List<RunnerBrief.Procedure> catalogue = procedures.catalogue(MAX_PROCEDURES).stream()
                .map(p -> new RunnerBrief.Procedure(p.code(), p.name(), p.essential())).toList();
        List<RunnerBrief.Member> members = teams.runnerMembers(venue.unitPath()).stream()
                .map(RunnerBriefs::member).toList();
        return Optional.of(RunnerBrief.of(device.deviceId(), version,
                new RunnerBrief.Venue(venue.name(), venue.unitName()), sessions, catalogue, members));
    }

    private static RunnerBrief.Session session(SessionData s) {
        return new RunnerBrief.Session(s.id(), s.startsAt(), s.endsAt(), s.topic(), s.audience(),
                s.expectedAttendance(), RunnerBrief.SessionStatus.valueOf(s.status().name()), s.plannedGuides());
    }

    private static RunnerBrief.Member member(RunnerMember m) {
        return new RunnerBrief.Member("p-" + m.personId(), m.fullName(), m.role().name(), m.pinHash());
    }
}
