package vn.dvctt.training;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Collections;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLabel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.geo.UnitsRepathed;
import vn.dvctt.media.ImageService;
import vn.dvctt.media.StoredImage;
import vn.dvctt.procedure.ProcedureService;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.Scope;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.team.TeamService;
import vn.dvctt.team.TeamSummary;
import vn.dvctt.training.internal.SessionResult;
import vn.dvctt.training.internal.SessionResultRows;
import vn.dvctt.training.internal.TrainingPhoto;
import vn.dvctt.training.internal.TrainingPhotos;
import vn.dvctt.training.internal.TrainingSession;
import vn.dvctt.training.internal.TrainingSessions;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/**
 * Training sessions at venues: scheduling without double-booking a venue, the lifecycle
 * planned → held → reported (or cancelled with a reason), results from the team and from the
 * venue's edge agent, photos, and figures per unit and period.
 *
 * <p>Team members plan and report at venues of their village, organizers and administrators in
 * their subtree; leaders read. Every change is audited.
 */
@Service
public class TrainingService {

    /** Sessions are planned in local wall-clock time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final int MAX_TOPIC = 300;
    public static final int MAX_AUDIENCE = 300;
    public static final int MAX_NAMES = 20;
    public static final int MAX_NAME = 120;
    public static final int MAX_GUIDES = 50;
    public static final int MAX_GUIDE = 300;
    public static final int MAX_ATTENDANCE = 10_000;
    public static final int MAX_HOURS = 12;
    public static final int MAX_NOTES = 2000;
    public static final int MAX_REASON = 1000;
    public static final int MAX_PHOTOS = 30;
    public static final int MAX_PERIOD_DAYS = 3 * 366;
    /** National portal dossier codes: issuing agency, date (yyMMdd), sequence, e.g. "H22.43-241029-0015". */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final String AUDIT_TYPE = "TrainingSession";

    private final TrainingSessions sessions;
    private final SessionResultRows results;
    private final TrainingPhotos photos;
    private final VenueService venues;
    private final ProcedureService procedures;
    private final TeamService teams;
    private final ImageService images;
    private final UnitPaths unitPaths;
    private final AdminUnitService units;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    TrainingService(TrainingSessions sessions, SessionResultRows results, TrainingPhotos photos, VenueService venues,
                    ProcedureService procedures, TeamService teams, ImageService images, UnitPaths unitPaths,
                    AdminUnitService units, CurrentUser currentUser, AuditLog audit,
                    ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.results = results;
        this.photos = photos;
        this.venues = venues;
        this.procedures = procedures;
        this.teams = teams;
        this.images = images;
        this.unitPaths = unitPaths;
        this.units = units;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
    }

    // ---- reading

    /** Sessions at venues in {@code unit} and below whose start falls in [from, to], in time order. */
    @Transactional(readOnly = true)
    public List<SessionData> sessionsWithin(UnitId unit, LocalDate from, LocalDate to) {
        Scope scope = currentUser.scope();
        String path = visiblePath(scope, unit);
        requirePeriod(from, to);
        return toData(sessions.within(VietnameseText.likeLiteral(path) + "%", from.atStartOfDay(),
                to.plusDays(1).atStartOfDay()));
    }

    /** Empty when there is no such session; refuses one outside the caller's subtree. */
    @Transactional(readOnly = true)
    public Optional<SessionData> find(long sessionId) {
        Scope scope = currentUser.scope();
        return sessions.findById(sessionId).map(s -> toData(List.of(visible(scope, s))).get(0));
    }

    @Transactional(readOnly = true)
    public SessionDetails details(long sessionId) {
        Scope scope = currentUser.scope();
        TrainingSession session = visible(scope, load(sessionId));
        Map<ResultSource, RecordedResults> bySource = new EnumMap<>(ResultSource.class);
        results.findBySessionId(sessionId).forEach(r -> bySource.put(r.getSource(), r.toRecorded()));
        Optional<RecordedResults> manual = Optional.ofNullable(bySource.get(ResultSource.MANUAL));
        Optional<RecordedResults> agent = Optional.ofNullable(bySource.get(ResultSource.AGENT));
        List<ResultDifference> differences = manual.isPresent() && agent.isPresent()
                ? differences(manual.get().results(), agent.get().results()) : List.of();
        return new SessionDetails(toData(List.of(session)).get(0), manual, agent, differences,
                photos.findBySessionIdOrderByUploadedAt(sessionId).stream().map(TrainingPhoto::toData).toList());
    }

    /** The figures that count: the edge agent's when it sent any, else the team's. */
    @Transactional(readOnly = true)
    public Optional<SessionResults> effectiveResults(long sessionId) {
        return details(sessionId).effective().map(RecordedResults::results);
    }

    /** The team running the session, if one was named. */
    @Transactional(readOnly = true)
    public Optional<TeamSummary> team(SessionData session) {
        return session.teamId() == null ? Optional.empty() : teams.find(session.teamId());
    }

    /** For views deciding which actions to offer; the actions check again themselves. */
    @Transactional(readOnly = true)
    public boolean canPlan() {
        return currentUser.scope().role() != Role.LEADER;
    }

    @Transactional(readOnly = true)
    public boolean canPlan(SessionData session) {
        return mayPlan(currentUser.scope(), session.unitPath());
    }

    // ---- planning and lifecycle

    @Transactional
    public SessionData schedule(SessionPlan plan) {
        Scope scope = currentUser.scope();
        VenueData venue = plannableVenue(scope, plan.venueId());
        SessionPlan clean = clean(plan, venue);
        requireFree(clean, null);
        TrainingSession session = sessions.save(new TrainingSession(clean, venue.unit().value(), venue.unitPath()));
        audit.record("CREATE", AUDIT_TYPE, String.valueOf(session.getId()), venue.unitPath(), null, describe(clean));
        events.publishEvent(new VenueScheduleChanged(venue.id(), venue.unitPath()));
        return toData(List.of(session)).get(0);
    }

    /** Changes a session still planned: time, venue, topic, people, playlist. */
    @Transactional
    public SessionData reschedule(long sessionId, SessionPlan plan) {
        Scope scope = currentUser.scope();
        TrainingSession session = plannable(scope, sessionId);
        requireStatus(session, SessionStatus.PLANNED);
        VenueData venue = plannableVenue(scope, plan.venueId());
        SessionPlan clean = clean(plan, venue);
        requireFree(clean, session.getId());
        String before = describe(toData(List.of(session)).get(0).toPlan());
        long venueBefore = session.getVenueId();
        String pathBefore = session.getUnitPath();
        session.apply(clean, venue.unit().value(), venue.unitPath());
        audit.record("UPDATE", AUDIT_TYPE, String.valueOf(sessionId), venue.unitPath(), before, describe(clean));
        if (venueBefore != venue.id()) {
            events.publishEvent(new VenueScheduleChanged(venueBefore, pathBefore));
        }
        events.publishEvent(new VenueScheduleChanged(venue.id(), venue.unitPath()));
        return toData(List.of(session)).get(0);
    }

    /** The session took place: it can be marked held once it has started. */
    @Transactional
    public SessionData markHeld(long sessionId) {
        Scope scope = currentUser.scope();
        TrainingSession session = plannable(scope, sessionId);
        requireStatus(session, SessionStatus.PLANNED);
        hold(session);
        return toData(List.of(session)).get(0);
    }

    @Transactional
    public SessionData cancel(long sessionId, String reason) {
        Scope scope = currentUser.scope();
        TrainingSession session = plannable(scope, sessionId);
        requireStatus(session, SessionStatus.PLANNED);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInputException("training.error.reason",
                    "A reason of 1 to " + MAX_REASON + " characters is required", MAX_REASON);
        }
        session.moveTo(SessionStatus.CANCELLED, why);
        audit.record("CANCEL", AUDIT_TYPE, String.valueOf(sessionId), session.getUnitPath(), null, why);
        events.publishEvent(new VenueScheduleChanged(session.getVenueId(), session.getUnitPath()));
        return toData(List.of(session)).get(0);
    }

    /**
     * The team's figures for a held (or already reported) session; reporting again replaces them.
     * Publishes the session's effective figures, which stay the agent's when the agent sent any.
     */
    @Transactional
    public SessionDetails report(long sessionId, SessionResults figures) {
        Scope scope = currentUser.scope();
        TrainingSession session = plannable(scope, sessionId);
        requireStatus(session, SessionStatus.HELD, SessionStatus.REPORTED);
        SessionResults clean = validate(figures);
        store(session, ResultSource.MANUAL, clean);
        return details(sessionId);
    }

    /**
     * Figures counted by the venue's edge agent, for the ingestion feature (usually running as the
     * system). Idempotent: sending the same figures again changes nothing and publishes nothing.
     * A planned session that has started is marked held on the way; a cancelled one is refused.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean recordAgentResults(long sessionId, SessionResults figures) {
        Scope scope = currentUser.scope();
        TrainingSession session = plannable(scope, sessionId);
        requireStatus(session, SessionStatus.PLANNED, SessionStatus.HELD, SessionStatus.REPORTED);
        SessionResults clean = validate(figures);
        Optional<SessionResult> existing = results.findBySessionIdAndSource(sessionId, ResultSource.AGENT);
        if (existing.isPresent() && existing.get().toResults().equals(clean)) {
            return false;
        }
        if (session.getStatus() == SessionStatus.PLANNED) {
            // the runner's start is the evidence: a team that began a few minutes early still held it
            moveToHeld(session);
        }
        store(session, ResultSource.AGENT, clean);
        return true;
    }

    /**
     * A session a venue's runner started without a schedule, for the ingestion feature (system work):
     * created as planned at the venue, without the overlap check (it took place), marked as the
     * runner's so that its times follow the runner's start and end.
     *
     * @return the new session's id
     */
    @Transactional
    public long openRunnerSession(long venueId, LocalDateTime start, LocalDateTime end, String topic) {
        Scope scope = currentUser.scope();
        VenueData venue = plannableVenue(scope, venueId);
        LocalDateTime from = start.truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime to = runnerEnd(from, end);
        String title = topic.strip();
        title = title.length() > MAX_TOPIC ? title.substring(0, MAX_TOPIC) : title;
        TrainingSession session = new TrainingSession(new SessionPlan(venue.id(), from, to, title, "", null, List.of(),
                List.of(), 0), venue.unit().value(), venue.unitPath());
        session.startedOnRunner();
        session = sessions.save(session);
        // no VenueScheduleChanged: the runner knows this session, and the venue's brief lists only planned ones
        audit.record("CREATE_ON_RUNNER", AUDIT_TYPE, String.valueOf(session.getId()), venue.unitPath(), null,
                title);
        return session.getId();
    }

    /** Moves the end of a session the runner started without a schedule to when the runner ended it. */
    @Transactional
    public void retimeRunnerSession(long sessionId, LocalDateTime end) {
        Scope scope = currentUser.scope();
        TrainingSession session = plannable(scope, sessionId);
        if (!session.isFromRunner()) {
            return;
        }
        LocalDateTime to = runnerEnd(session.getStartsAt(), end);
        if (!to.equals(session.getEndsAt())) {
            session.retime(session.getStartsAt(), to);
        }
    }

    /** A running session lasts at least a minute and less than {@link #MAX_HOURS}; open ones count an hour. */
    private static LocalDateTime runnerEnd(LocalDateTime start, LocalDateTime end) {
        LocalDateTime to = end == null ? start.plusHours(1) : end.truncatedTo(ChronoUnit.MINUTES);
        if (!to.isAfter(start)) {
            to = start.plusMinutes(1);
        }
        return to.isAfter(start.plusHours(MAX_HOURS - 1)) ? start.plusHours(MAX_HOURS - 1) : to;
    }

    /**
     * The venue's planned sessions (not those its runner started unscheduled) starting in [from, to), for
     * the venue's runner brief. System work: a device
     * is not a user, the caller (the runner feature) has checked which venue the device is at.
     */
    @Transactional(readOnly = true)
    public List<SessionData> sessionsAtVenue(long venueId, LocalDateTime from, LocalDateTime to) {
        Scope scope = currentUser.scope();
        return sessions.atVenue(venueId, from, to).stream().map(s -> visible(scope, s)).map(List::of)
                .map(this::toData).map(l -> l.get(0)).toList();
    }

    /** The session if it takes place at {@code venueId}; for checking a runner's claim about it. */
    @Transactional(readOnly = true)
    public Optional<SessionData> atVenue(long sessionId, long venueId) {
        Scope scope = currentUser.scope();
        return sessions.findById(sessionId).filter(s -> s.getVenueId() == venueId)
                .map(s -> toData(List.of(visible(scope, s))).get(0));
    }

    /** Whether the catalogue knows the procedure; ingestion refuses submissions for unknown ones. */
    @Transactional(readOnly = true)
    public boolean knowsProcedure(String code) {
        return code != null && procedures.find(code.trim()).isPresent();
    }

    /** Whether a dossier code has the form the reports accept (e.g. H22.101-240601-0007). */
    public static boolean isDossierCode(String code) {
        return vn.dvctt.content.DossierCodes.isValid(code);
    }

    // ---- photos

    /**
     * Adds a photo through the media feature, which refuses what is not a JPEG or PNG or is too
     * large, and strips location data. The same photo twice is kept once.
     */
    @Transactional
    public SessionPhoto addPhoto(long sessionId, InputStream content, String fileName) throws IOException {
        Scope scope = currentUser.scope();
        TrainingSession session = plannable(scope, sessionId);
        if (session.getStatus() == SessionStatus.CANCELLED) {
            throw transition(session);
        }
        if (photos.countBySessionId(sessionId) >= MAX_PHOTOS) {
            throw new InvalidInputException("training.error.tooManyPhotos",
                    "A session keeps at most " + MAX_PHOTOS + " photos", MAX_PHOTOS);
        }
        StoredImage image = images.accept(content, fileName);
        Optional<TrainingPhoto> same = photos.findBySessionIdOrderByUploadedAt(sessionId).stream()
                .filter(p -> p.toData().sha256().equals(image.sha256())).findFirst();
        if (same.isPresent()) {
            return same.get().toData();
        }
        TrainingPhoto photo = photos.save(new TrainingPhoto(sessionId, image, currentUser.actorName()));
        audit.record("ADD_PHOTO", AUDIT_TYPE, String.valueOf(sessionId), session.getUnitPath(), null, image.sha256());
        return photo.toData();
    }

    @Transactional
    public void removePhoto(long sessionId, long photoId) {
        Scope scope = currentUser.scope();
        TrainingSession session = plannable(scope, sessionId);
        TrainingPhoto photo = photos.findById(photoId).filter(p -> p.toData().sessionId() == sessionId)
                .orElseThrow(() -> new InvalidInputException("training.error.notFound", "No such photo", photoId));
        photos.delete(photo);
        audit.record("REMOVE_PHOTO", AUDIT_TYPE, String.valueOf(sessionId), session.getUnitPath(),
                photo.toData().sha256(), null);
    }

    /** The bytes of a photo (or its thumbnail) of a session the caller may see. */
    @Transactional(readOnly = true)
    public InputStream openPhoto(long sessionId, String sha256) throws IOException {
        Scope scope = currentUser.scope();
        visible(scope, load(sessionId));
        if (!photos.existsBySessionIdAndSha256(sessionId, sha256)
                && !photos.existsBySessionIdAndThumbnailSha256(sessionId, sha256)) {
            throw new OutsideScopeException("Not a photo of this session");
        }
        return images.open(sha256);
    }

    // ---- figures

    /**
     * Sessions planned, held, reported and cancelled in {@code unit}'s subtree whose date falls in
     * [from, to]; participants and assisted submissions of reported sessions, by procedure and
     * per child unit. All figures are sums; the attendance rate is a ratio of sums.
     */
    @Transactional(readOnly = true)
    public TrainingStats stats(UnitId unit, LocalDate from, LocalDate to) {
        Scope scope = currentUser.scope();
        String path = visiblePath(scope, unit);
        requirePeriod(from, to);
        List<TrainingSession> found = sessions.within(VietnameseText.likeLiteral(path) + "%", from.atStartOfDay(),
                to.plusDays(1).atStartOfDay());
        Map<Long, SessionResults> effective = effective(found.stream()
                .filter(s -> s.getStatus() == SessionStatus.REPORTED).map(TrainingSession::getId).toList());

        UnitData self = units.get(unitPaths.labels(List.of(unit)).get(unit).code());
        List<UnitData> children = self.hasChildren() ? units.children(unit) : List.of();
        Map<String, Tally> byChild = new LinkedHashMap<>();
        children.forEach(c -> byChild.put(c.path(), new Tally()));
        Tally own = new Tally();
        Tally total = new Tally();
        SortedMap<String, Integer> byProcedure = new TreeMap<>(VietnameseText.naturalOrder());
        for (TrainingSession s : found) {
            SessionResults r = effective.get(s.getId());
            total.add(s, r);
            Tally child = children.stream().filter(c -> s.getUnitPath().startsWith(c.path())).findFirst()
                    .map(c -> byChild.get(c.path())).orElse(own);
            child.add(s, r);
            if (r != null) {
                r.submissions().forEach(a -> byProcedure.merge(a.procedureCode(), a.count(), Integer::sum));
            }
        }
        List<UnitStats> rows = new ArrayList<>();
        if (own.sessions > 0) {
            rows.add(own.toStats(self));
        }
        children.forEach(c -> rows.add(byChild.get(c.path()).toStats(c)));
        return new TrainingStats(total.toStats(self), from, to, Collections.unmodifiableSortedMap(byProcedure),
                List.copyOf(rows));
    }

    /** Keeps each session's copy of its unit's path current when an import moves units. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UnitsRepathed event) {
        Set<Long> unitsWithSessions = sessions.findUnitIds();
        event.newPaths().forEach((unit, path) -> {
            if (unitsWithSessions.contains(unit.value())) {
                sessions.updateUnitPath(unit.value(), path);
            }
        });
    }

    // ---- internals

    private static final class Tally {
        int sessions;
        int planned;
        int held;
        int reported;
        int cancelled;
        int participants;
        int expected;
        int submissions;

        void add(TrainingSession s, SessionResults r) {
            sessions++;
            switch (s.getStatus()) {
                case PLANNED -> planned++;
                case HELD -> held++;
                case REPORTED -> reported++;
                case CANCELLED -> cancelled++;
            }
            if (r != null) {
                participants += r.participants();
                expected += s.getExpectedAttendance();
                submissions += r.assistedSubmissions();
            }
        }

        UnitStats toStats(UnitData unit) {
            return new UnitStats(unit.id(), unit.code(), unit.displayName(), planned, held, reported, cancelled,
                    participants, expected, submissions);
        }
    }

    private Map<Long, SessionResults> effective(Collection<Long> sessionIds) {
        Map<Long, SessionResults> effective = new HashMap<>();
        List<Long> ids = List.copyOf(sessionIds);
        for (int from = 0; from < ids.size(); from += 500) {
            for (SessionResult r : results.findBySessionIdIn(ids.subList(from, Math.min(ids.size(), from + 500)))) {
                if (r.getSource() == ResultSource.AGENT || !effective.containsKey(r.getSessionId())) {
                    effective.put(r.getSessionId(), r.toResults());
                }
            }
        }
        return effective;
    }

    private void hold(TrainingSession session) {
        if (session.getStartsAt().isAfter(LocalDateTime.now(ZONE))) {
            throw new InvalidInputException("training.error.notStarted", "The session has not started yet",
                    session.getStartsAt().format(WHEN));
        }
        moveToHeld(session);
    }

    private void moveToHeld(TrainingSession session) {
        session.moveTo(SessionStatus.HELD, null);
        audit.record("HELD", AUDIT_TYPE, String.valueOf(session.getId()), session.getUnitPath(), null, null);
        events.publishEvent(new SessionHeld(session.getId(), new UnitId(session.getUnitId()), session.getUnitPath(),
                session.getStartsAt().toLocalDate()));
    }

    private void store(TrainingSession session, ResultSource source, SessionResults clean) {
        SessionResult row = results.findBySessionIdAndSource(session.getId(), source)
                .orElseGet(() -> new SessionResult(session.getId(), source));
        String before = row.toRecorded().recordedAt() == null ? null : String.valueOf(row.toResults());
        row.apply(clean, currentUser.actorName());
        results.save(row);
        if (session.getStatus() == SessionStatus.HELD) {
            session.moveTo(SessionStatus.REPORTED, null);
        }
        audit.record("REPORT_" + source, AUDIT_TYPE, String.valueOf(session.getId()), session.getUnitPath(), before,
                String.valueOf(clean));
        SessionResults counted = source == ResultSource.AGENT ? clean
                : results.findBySessionIdAndSource(session.getId(), ResultSource.AGENT).map(SessionResult::toResults)
                        .orElse(clean);
        UnitId unit = new UnitId(session.getUnitId());
        LocalDate date = session.getStartsAt().toLocalDate();
        events.publishEvent(new ParticipantsCounted(session.getId(), unit, session.getUnitPath(), date,
                counted.participants()));
        Map<String, Integer> byProcedure = new TreeMap<>();
        counted.submissions().forEach(a -> byProcedure.merge(a.procedureCode(), a.count(), Integer::sum));
        events.publishEvent(new AssistedSubmissionsCounted(session.getId(), unit, session.getUnitPath(), date,
                byProcedure));
    }

    private SessionResults validate(SessionResults r) {
        if (r == null) {
            throw new InvalidInputException("training.error.noResults", "Results are required");
        }
        List<Integer> all = new ArrayList<>(List.of(r.participants()));
        for (Integer v : new Integer[] {r.women(), r.men(), r.ageUnder18(), r.age18To35(), r.age36To59(),
                r.age60Plus()}) {
            all.add(v);
        }
        if (all.stream().anyMatch(v -> v != null && v < 0)) {
            throw new InvalidInputException("training.error.negative", "Counts cannot be negative");
        }
        if (r.participants() > MAX_ATTENDANCE) {
            throw new InvalidInputException("training.error.tooMany", "At most " + MAX_ATTENDANCE + " participants",
                    MAX_ATTENDANCE);
        }
        int byGender = sum(r.women(), r.men());
        if (byGender > r.participants()) {
            throw new InvalidInputException("training.error.genderOverTotal",
                    "Women and men (" + byGender + ") exceed the participants (" + r.participants() + ")",
                    byGender, r.participants());
        }
        int byAge = sum(r.ageUnder18(), r.age18To35(), r.age36To59(), r.age60Plus());
        if (byAge > r.participants()) {
            throw new InvalidInputException("training.error.ageOverTotal",
                    "Age bands (" + byAge + ") exceed the participants (" + r.participants() + ")",
                    byAge, r.participants());
        }
        Set<String> codes = new HashSet<>();
        Set<String> dossiers = new HashSet<>();
        List<AssistedSubmission> submissions = new ArrayList<>();
        for (AssistedSubmission a : r.submissions()) {
            String code = a.procedureCode() == null ? "" : a.procedureCode().trim();
            // sorted, so that the same figures sent twice compare equal however they were ordered
            List<String> dossierCodes = a.dossierCodes().stream().map(d -> d == null ? "" : d.trim().toUpperCase())
                    .filter(d -> !d.isEmpty()).sorted().toList();
            if (code.isEmpty() && a.count() == 0 && dossierCodes.isEmpty()) {
                continue;
            }
            if (procedures.find(code).isEmpty()) {
                throw new InvalidInputException("training.error.unknownProcedure",
                        "No procedure " + code + " in the catalogue", code);
            }
            if (!codes.add(code)) {
                throw new InvalidInputException("training.error.duplicateProcedure",
                        "Procedure " + code + " is listed twice", code);
            }
            if (a.count() < 0) {
                throw new InvalidInputException("training.error.negative", "Counts cannot be negative");
            }
            for (String d : dossierCodes) {
                if (!vn.dvctt.content.DossierCodes.isValid(d)) {
                    throw new InvalidInputException("training.error.dossierCode", "Malformed dossier code " + d, d);
                }
                if (!dossiers.add(d)) {
                    throw new InvalidInputException("training.error.duplicateDossier",
                            "Dossier code " + d + " is given twice", d);
                }
            }
            if (dossierCodes.size() > a.count()) {
                throw new InvalidInputException("training.error.dossiersOverCount",
                        code + ": " + dossierCodes.size() + " dossier codes for " + a.count() + " submissions",
                        code, dossierCodes.size(), a.count());
            }
            if (a.count() > 0) {
                submissions.add(new AssistedSubmission(code, a.count(), dossierCodes));
            }
        }
        submissions.sort(java.util.Comparator.comparing(AssistedSubmission::procedureCode));
        List<String> guides = lines(r.guidesPlayed(), MAX_GUIDES, MAX_GUIDE, "training.error.guides");
        String notes = r.notes().trim();
        if (notes.length() > MAX_NOTES) {
            throw new InvalidInputException("training.error.notes", "The notes are too long", MAX_NOTES);
        }
        return new SessionResults(r.participants(), r.women(), r.men(), r.ageUnder18(), r.age18To35(), r.age36To59(),
                r.age60Plus(), submissions, guides, notes);
    }

    private static int sum(Integer... values) {
        int sum = 0;
        for (Integer v : values) {
            sum += v == null ? 0 : v;
        }
        return sum;
    }

    static List<ResultDifference> differences(SessionResults manual, SessionResults agent) {
        List<ResultDifference> differences = new ArrayList<>();
        compare(differences, "participants", manual.participants(), agent.participants());
        compare(differences, "women", manual.women(), agent.women());
        compare(differences, "men", manual.men(), agent.men());
        compare(differences, "ageUnder18", manual.ageUnder18(), agent.ageUnder18());
        compare(differences, "age18To35", manual.age18To35(), agent.age18To35());
        compare(differences, "age36To59", manual.age36To59(), agent.age36To59());
        compare(differences, "age60Plus", manual.age60Plus(), agent.age60Plus());
        Map<String, Integer> m = counts(manual);
        Map<String, Integer> a = counts(agent);
        Set<String> codes = new TreeSet<>(VietnameseText.naturalOrder());
        codes.addAll(m.keySet());
        codes.addAll(a.keySet());
        for (String code : codes) {
            if (!Objects.equals(m.get(code), a.get(code))) {
                differences.add(new ResultDifference("submissions", code, m.get(code), a.get(code)));
            }
        }
        return differences;
    }

    private static void compare(List<ResultDifference> into, String figure, Integer manual, Integer agent) {
        if (!Objects.equals(manual, agent)) {
            into.add(new ResultDifference(figure, null, manual, agent));
        }
    }

    private static Map<String, Integer> counts(SessionResults r) {
        Map<String, Integer> counts = new HashMap<>();
        r.submissions().forEach(s -> counts.put(s.procedureCode(), s.count()));
        return counts;
    }

    private SessionPlan clean(SessionPlan plan, VenueData venue) {
        if (plan.startsAt() == null || plan.endsAt() == null) {
            throw new InvalidInputException("training.error.time", "A start and an end time are required");
        }
        LocalDateTime start = plan.startsAt().truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime end = plan.endsAt().truncatedTo(ChronoUnit.MINUTES);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("training.error.endBeforeStart", "The session must end after it starts");
        }
        if (Duration.between(start, end).toHours() >= MAX_HOURS) {
            throw new InvalidInputException("training.error.tooLong", "A session lasts less than " + MAX_HOURS
                    + " hours", MAX_HOURS);
        }
        String topic = plan.topic() == null ? "" : plan.topic().trim();
        if (topic.isEmpty() || topic.length() > MAX_TOPIC) {
            throw new InvalidInputException("training.error.topic", "A topic of 1 to " + MAX_TOPIC
                    + " characters is required", MAX_TOPIC);
        }
        String audience = plan.audience() == null ? "" : plan.audience().trim();
        if (audience.length() > MAX_AUDIENCE) {
            throw new InvalidInputException("training.error.audience", "The audience is too long", MAX_AUDIENCE);
        }
        if (plan.expectedAttendance() < 0 || plan.expectedAttendance() > MAX_ATTENDANCE) {
            throw new InvalidInputException("training.error.expected", "Expected attendance must be 0 to "
                    + MAX_ATTENDANCE, MAX_ATTENDANCE);
        }
        if (plan.teamId() != null) {
            TeamSummary team = teams.find(plan.teamId()).orElseThrow(() ->
                    new InvalidInputException("training.error.team", "No team " + plan.teamId(), plan.teamId()));
            String teamPath = unitPaths.pathOf(team.unit()).orElse("");
            if (!venue.unitPath().startsWith(teamPath)) {
                throw new InvalidInputException("training.error.teamElsewhere",
                        "The team " + team.name() + " does not serve " + venue.unitName(), team.name(),
                        venue.unitName());
            }
        }
        return new SessionPlan(venue.id(), start, end, topic, audience, plan.teamId(),
                lines(plan.facilitators(), MAX_NAMES, MAX_NAME, "training.error.facilitators"),
                lines(plan.plannedGuides(), MAX_GUIDES, MAX_GUIDE, "training.error.guides"),
                plan.expectedAttendance());
    }

    private static List<String> lines(List<String> given, int maxCount, int maxLength, String errorKey) {
        List<String> lines = given == null ? List.of() : given.stream().filter(Objects::nonNull)
                .map(s -> s.replaceAll("\\s+", " ").trim()).filter(s -> !s.isEmpty()).distinct().toList();
        if (lines.size() > maxCount || lines.stream().anyMatch(s -> s.length() > maxLength)) {
            throw new InvalidInputException(errorKey, "At most " + maxCount + " lines of " + maxLength + " characters",
                    maxCount, maxLength);
        }
        return lines;
    }

    /** One venue, one session at a time: an overlap is refused naming the session in the way. */
    private void requireFree(SessionPlan plan, Long self) {
        List<TrainingSession> clashes = sessions.overlapping(plan.venueId(), plan.startsAt(), plan.endsAt(), self);
        if (!clashes.isEmpty()) {
            TrainingSession other = clashes.get(0);
            String when = other.getStartsAt().format(WHEN) + "–" + other.getEndsAt().format(
                    other.getEndsAt().toLocalDate().equals(other.getStartsAt().toLocalDate()) ? HOUR : WHEN);
            throw new InvalidInputException("training.error.venueBusy",
                    "The venue is booked for \"" + other.getTopic() + "\" " + when, other.getTopic(), when);
        }
    }

    private VenueData plannableVenue(Scope scope, long venueId) {
        VenueData venue = venues.find(venueId).orElseThrow(() ->
                new InvalidInputException("training.error.venue", "No venue " + venueId, venueId));
        if (!mayPlan(scope, venue.unitPath())) {
            throw new OutsideScopeException("You may not plan sessions at this venue");
        }
        return venue;
    }

    private TrainingSession load(long sessionId) {
        return sessions.findById(sessionId).orElseThrow(() ->
                new InvalidInputException("training.error.notFound", "No session " + sessionId, sessionId));
    }

    private static TrainingSession visible(Scope scope, TrainingSession session) {
        if (!scope.canView(session.getUnitPath())) {
            throw new OutsideScopeException("Session outside your area");
        }
        return session;
    }

    private TrainingSession plannable(Scope scope, long sessionId) {
        TrainingSession session = load(sessionId);
        if (!mayPlan(scope, session.getUnitPath())) {
            throw new OutsideScopeException("You may not change this session");
        }
        return session;
    }

    /** Team members act in their village, organizers and administrators in their subtree; leaders read. */
    private static boolean mayPlan(Scope scope, String path) {
        return scope.role() != Role.LEADER && scope.canView(path);
    }

    private static void requireStatus(TrainingSession session, SessionStatus... allowed) {
        for (SessionStatus s : allowed) {
            if (session.getStatus() == s) {
                return;
            }
        }
        throw transition(session);
    }

    private static InvalidInputException transition(TrainingSession session) {
        return new InvalidInputException("training.error.status." + session.getStatus(),
                "Not possible for a session that is " + session.getStatus());
    }

    private String visiblePath(Scope scope, UnitId unit) {
        String path = unitPaths.pathOf(unit).orElseThrow(() -> new OutsideScopeException("No such unit"));
        if (!scope.canView(path)) {
            throw new OutsideScopeException("Unit outside your area");
        }
        return path;
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_PERIOD_DAYS) {
            throw new InvalidInputException("training.error.period", "A period of at most three years is required");
        }
    }

    private static String describe(SessionPlan p) {
        return p.startsAt().format(WHEN) + "–" + p.endsAt().format(HOUR) + " venue=" + p.venueId() + " \""
                + p.topic() + "\" audience=\"" + p.audience() + "\" expected=" + p.expectedAttendance()
                + " team=" + p.teamId() + " facilitators=" + p.facilitators() + " guides=" + p.plannedGuides();
    }

    private List<SessionData> toData(List<TrainingSession> found) {
        Map<UnitId, UnitLabel> labels = unitPaths.labels(found.stream().map(s -> new UnitId(s.getUnitId())).toList());
        Map<Long, String> venueNames = new HashMap<>();
        Function<Long, String> venueName = id -> venueNames.computeIfAbsent(id,
                v -> venues.find(v).map(VenueData::name).orElse(""));
        return found.stream().map(s -> {
            UnitId unit = new UnitId(s.getUnitId());
            UnitLabel label = labels.get(unit);
            return new SessionData(s.getId(), s.getVenueId(), venueName.apply(s.getVenueId()), unit,
                    label == null ? "" : label.displayName(), s.getUnitPath(), s.getStartsAt(), s.getEndsAt(),
                    s.getTopic(), s.getAudience(), s.getTeamId(), s.getFacilitators(), s.getPlannedGuides(),
                    s.getExpectedAttendance(), s.getStatus(), s.getCancelReason());
        }).toList();
    }
}
