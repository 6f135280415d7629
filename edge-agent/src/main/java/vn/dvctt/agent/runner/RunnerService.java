package vn.dvctt.agent.runner;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import vn.dvctt.agent.journal.Journal;
import vn.dvctt.agent.journal.SessionState;
import vn.dvctt.content.AgentEvent;
import vn.dvctt.content.DossierCodes;
import vn.dvctt.content.AgentEvent.AgeBand;
import vn.dvctt.content.AgentEvent.Gender;
import vn.dvctt.content.PinHash;
import vn.dvctt.content.RunnerBrief;

/**
 * What the session runner page can do, independent of HTTP. Every action is journalled (committed and
 * fsynced) before the method returns, so the page confirms only what is on disk; then the outbox is woken.
 */
final class RunnerService {

    /** A refusal the page shows; {@code code} is a key the page translates. */
    static final class Refused extends RuntimeException {
        final int status;
        final String code;

        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    record SignedIn(String token, RunnerBrief.Member member) {
    }

    private static final int MAX_SIGN_INS = 20;
    private static final int FAILURES_BEFORE_PAUSE = 5;
    private static final long PAUSE_MILLIS = 30_000;

    private final Journal journal;
    private final GuideShelf guides;
    private final Runnable wake;
    private final BooleanSupplier online;
    private final Clock clock;
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();
    /** Tokens of the page's sign-ins, newest last; lost on restart, when the member types the PIN again. */
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, int[]> failures = new HashMap<>();
    private final Map<String, Long> pausedUntil = new HashMap<>();

    RunnerService(Journal journal, GuideShelf guides, Runnable wake, BooleanSupplier online, Clock clock, ZoneId zone) {
        this.journal = journal;
        this.guides = guides;
        this.wake = wake;
        this.online = online;
        this.clock = clock;
        this.zone = zone;
    }

    Journal journal() {
        return journal;
    }

    GuideShelf guides() {
        return guides;
    }

    boolean online() {
        return online.getAsBoolean();
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    Optional<RunnerBrief> brief() {
        return journal.brief();
    }

    RunnerBrief requireBrief() {
        return brief().orElseThrow(() -> new Refused(409, "noBrief",
                "this agent has not received its brief from the server yet"));
    }

    /** Checks the PIN offline against the brief's hash; a few wrong PINs in a row pause that member for 30 s. */
    SignedIn signIn(String memberId, String pin) {
        RunnerBrief.Member member = requireBrief().members().stream().filter(m -> m.id().equals(memberId)).findFirst()
                .orElseThrow(() -> new Refused(400, "unknownMember", "no such team member"));
        synchronized (failures) {
            Long until = pausedUntil.get(memberId);
            if (until != null && clock.millis() < until) {
                throw new Refused(429, "pinPaused", "too many wrong PINs; wait 30 seconds");
            }
        }
        if (pin == null || !PinHash.matches(member.pinHash(), pin)) {
            synchronized (failures) {
                int[] count = failures.computeIfAbsent(memberId, k -> new int[1]);
                if (++count[0] >= FAILURES_BEFORE_PAUSE) {
                    count[0] = 0;
                    pausedUntil.put(memberId, clock.millis() + PAUSE_MILLIS);
                }
            }
            throw new Refused(403, "wrongPin", "wrong PIN");
        }
        synchronized (failures) {
            failures.remove(memberId);
            pausedUntil.remove(memberId);
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (tokens) {
            tokens.put(token, memberId);
            while (tokens.size() > MAX_SIGN_INS) {
                tokens.remove(tokens.keySet().iterator().next());
            }
        }
        return new SignedIn(token, member);
    }

    void signOut(String token) {
        synchronized (tokens) {
            tokens.remove(token);
        }
    }

    /** The member a token belongs to, if it is a current sign-in and the member is still in the brief. */
    Optional<RunnerBrief.Member> member(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String id;
        synchronized (tokens) {
            id = tokens.get(token);
        }
        if (id == null) {
            return Optional.empty();
        }
        return brief().flatMap(b -> b.members().stream().filter(m -> m.id().equals(id)).findFirst());
    }

    /** The venue's sessions not cancelled and not over before today: today's first, then by start. */
    List<RunnerBrief.Session> schedule() {
        LocalDate today = today();
        return brief().map(b -> b.sessions().stream()
                .filter(s -> s.status() != RunnerBrief.SessionStatus.CANCELLED)
                .filter(s -> !s.endsAt().toLocalDate().isBefore(today))
                .sorted(Comparator.comparing((RunnerBrief.Session s) -> !s.startsAt().toLocalDate().equals(today))
                        .thenComparing(RunnerBrief.Session::startsAt))
                .toList()).orElse(List.of());
    }

    synchronized SessionState start(String member, Long scheduledSession, String topic) {
        if (scheduledSession != null) {
            requireBrief().sessions().stream().filter(s -> s.id() == scheduledSession).findFirst()
                    .orElseThrow(() -> new Refused(400, "unknownSession", "no such scheduled session"));
            for (SessionState open : journal.openSessions()) {
                if (scheduledSession.equals(open.scheduledSession())) {
                    return open; // already running here: carry on with it
                }
            }
            if (journal.startedScheduledSessions().contains(scheduledSession)) {
                // held and ended here: a second run would add to the same scheduled session's figures
                throw new Refused(409, "sessionEnded", "this scheduled session was already held and ended");
            }
            return record(AgentEvent.newId(), member, new AgentEvent.SessionStarted(scheduledSession, null));
        }
        String t = topic == null ? "" : topic.trim();
        if (t.isEmpty() || t.length() > AgentEvent.MAX_TOPIC) {
            throw new Refused(400, "topicRequired", "an unscheduled session needs a topic of 1 to "
                    + AgentEvent.MAX_TOPIC + " characters");
        }
        return record(AgentEvent.newId(), member, new AgentEvent.SessionStarted(null, t));
    }

    /** One attendee more or fewer; a decrease never takes the total, the gender or the age band below zero. */
    synchronized SessionState attendance(String session, String member, int delta, Gender gender, AgeBand band) {
        SessionState state = open(session);
        if (delta != 1 && delta != -1) {
            throw new Refused(400, "badDelta", "delta is +1 or -1");
        }
        if (delta < 0 && (state.attendance() <= 0 || (gender != null && state.gender(gender) <= 0)
                || (band != null && state.ageBand(band) <= 0))) {
            throw new Refused(409, "belowZero", "there is nobody in that group to take away");
        }
        return record(session, member, new AgentEvent.AttendanceChanged(delta, gender, band));
    }

    synchronized SessionState submission(String session, String member, String procedureCode, String dossierCode) {
        open(session);
        requireBrief().procedures().stream().filter(p -> p.code().equals(procedureCode)).findFirst()
                .orElseThrow(() -> new Refused(400, "unknownProcedure", "the procedure is not in the catalogue"));
        String dossier = dossierCode == null || dossierCode.isBlank() ? null : DossierCodes.normalize(dossierCode);
        if (dossier != null && (dossier.length() > AgentEvent.MAX_CODE || !DossierCodes.isValid(dossier))) {
            // the server would refuse it days later, when nobody can correct it
            throw new Refused(400, "dossierCode", "a dossier code looks like H22.101-240601-0007");
        }
        return record(session, member, new AgentEvent.SubmissionRecorded(procedureCode, dossier));
    }

    synchronized SessionState withdraw(String session, String member, String submission) {
        SessionState state = open(session);
        if (state.submissions().stream().noneMatch(s -> s.event().equals(submission))) {
            throw new Refused(409, "noSuchSubmission", "no such submission in this session");
        }
        return record(session, member, new AgentEvent.SubmissionWithdrawn(submission));
    }

    synchronized SessionState played(String session, String member, String contentId, long startedAt, long playedMs) {
        open(session);
        GuideShelf.Guide guide = guides.guide(contentId)
                .orElseThrow(() -> new Refused(400, "unknownGuide", "the guide is not on this agent"));
        if (startedAt < 0 || playedMs < 0 || playedMs > 24L * 3600 * 1000) {
            throw new Refused(400, "badPlay", "startedAt and playedMs must be sensible");
        }
        String title = guide.title().length() > 200 ? guide.title().substring(0, 200) : guide.title();
        return record(session, member, new AgentEvent.GuidePlayed(contentId, guide.guideId(), title, startedAt, playedMs));
    }

    synchronized SessionState end(String session, String member, String notes) {
        open(session);
        String n = notes == null ? "" : notes.trim();
        if (n.length() > AgentEvent.MAX_TEXT) {
            throw new Refused(400, "notesTooLong", "notes are at most " + AgentEvent.MAX_TEXT + " characters");
        }
        return record(session, member, new AgentEvent.SessionEnded(n));
    }

    SessionState session(String session) {
        return journal.session(session).orElseThrow(() -> new Refused(404, "noSuchSession", "no such session"));
    }

    private SessionState open(String session) {
        SessionState state = session(session);
        if (state.ended()) {
            throw new Refused(409, "sessionEnded", "the session has ended");
        }
        return state;
    }

    /** Journals the event (durably: this returns after the commit), wakes the outbox, returns the new figures. */
    private SessionState record(String session, String member, AgentEvent.Body body) {
        journal.append(session, member, body);
        wake.run();
        return journal.session(session).orElseThrow();
    }
}
