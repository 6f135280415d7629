package vn.dvctt.content;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One thing a team member did on the session runner, as the agent journals it before the page
 * confirms it and as the server stores it: exactly once, keyed by {@code id}. Counts are never sent as
 * totals; the server derives a session's figures from its events, so a duplicate delivery cannot
 * change them and a lost one is re-sent until acknowledged (docs/decisions/0004).
 *
 * @param id      a random UUID given by the agent when the action happened; the idempotency key
 * @param seq     the agent's journal position (1, 2, ...), for ordering and diagnosis only
 * @param at      epoch milliseconds on the agent's clock
 * @param session the agent's UUID of the session the action belongs to
 * @param member  the team member signed in on the runner (the server's member id)
 */
public record AgentEvent(String id, long seq, long at, String session, String member, Body body) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_CODE = 64;
    public static final int MAX_TOPIC = 300;

    /** What happened; each kind is one record below, named on the wire by {@link #type()}. */
    public sealed interface Body permits SessionStarted, AttendanceChanged, SubmissionRecorded, SubmissionWithdrawn,
            GuidePlayed, SessionEnded {
        String type();
    }

    /**
     * A session began on the runner: a scheduled one ({@code scheduledSession} is the server's id) or an
     * unscheduled one ({@code scheduledSession} null, {@code topic} typed by the team member).
     */
    public record SessionStarted(Long scheduledSession, String topic) implements Body {
        public SessionStarted {
            if (scheduledSession == null) {
                requireText(topic, "topic", MAX_TOPIC);
            } else if (scheduledSession <= 0) {
                throw new IllegalArgumentException("scheduledSession must be > 0, got " + scheduledSession);
            } else if (topic != null) {
                throw new IllegalArgumentException("a scheduled session takes its topic from the schedule");
            }
        }

        @Override
        public String type() {
            return "SESSION_STARTED";
        }
    }

    public enum Gender { FEMALE, MALE }

    public enum AgeBand { UNDER_18, FROM_18_TO_35, FROM_36_TO_59, FROM_60 }

    /** One attendee more (+1) or fewer (-1), optionally in a gender and an age band. */
    public record AttendanceChanged(int delta, Gender gender, AgeBand ageBand) implements Body {
        public AttendanceChanged {
            if (delta != 1 && delta != -1) {
                throw new IllegalArgumentException("delta must be 1 or -1, got " + delta);
            }
        }

        @Override
        public String type() {
            return "ATTENDANCE";
        }
    }

    /** A dossier a team member helped a citizen submit online, for a procedure of the synced catalogue. */
    public record SubmissionRecorded(String procedureCode, String dossierCode) implements Body {
        public SubmissionRecorded {
            requireText(procedureCode, "procedureCode", MAX_CODE);
            if (dossierCode != null) {
                requireText(dossierCode, "dossierCode", MAX_CODE);
            }
        }

        @Override
        public String type() {
            return "SUBMISSION";
        }
    }

    /** Takes back a submission recorded by mistake, naming the event that recorded it. */
    public record SubmissionWithdrawn(String submission) implements Body {
        public SubmissionWithdrawn {
            requireUuid(submission, "submission");
        }

        @Override
        public String type() {
            return "SUBMISSION_WITHDRAWN";
        }
    }

    /** Proof of play: a guide shown from the agent's store, from {@code startedAt} for {@code playedMs}. */
    public record GuidePlayed(String contentId, String guideId, String title, long startedAt, long playedMs)
            implements Body {
        public GuidePlayed {
            Sha256.requireHex(contentId, "contentId");
            requireText(guideId, "guideId", ManifestEntry.MAX_GUIDE_ID_LENGTH);
            requireText(title, "title", ManifestEntry.MAX_TITLE_LENGTH);
            if (startedAt < 0 || playedMs < 0) {
                throw new IllegalArgumentException("startedAt and playedMs must be >= 0");
            }
        }

        @Override
        public String type() {
            return "GUIDE_PLAYED";
        }
    }

    /** The session was closed on the runner, with the team member's notes (may be empty). */
    public record SessionEnded(String notes) implements Body {
        public SessionEnded {
            Objects.requireNonNull(notes, "notes");
            if (notes.length() > MAX_TEXT) {
                throw new IllegalArgumentException("notes must be at most " + MAX_TEXT + " characters");
            }
        }

        @Override
        public String type() {
            return "SESSION_ENDED";
        }
    }

    public AgentEvent {
        requireUuid(id, "id");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1, got " + seq);
        }
        if (at < 0) {
            throw new IllegalArgumentException("at must be epoch milliseconds >= 0, got " + at);
        }
        requireUuid(session, "session");
        requireText(member, "member", MAX_CODE);
        Objects.requireNonNull(body, "body");
    }

    /** A new event with a fresh random id. */
    public static AgentEvent create(long seq, long at, String session, String member, Body body) {
        return new AgentEvent(UUID.randomUUID().toString(), seq, at, session, member, body);
    }

    /** A random UUID in the lowercase form {@link #requireUuid} accepts, for sessions and events. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static final Set<String> COMMON = Set.of("id", "seq", "at", "session", "member", "type");
    private static final Map<String, Set<String>> BODY_FIELDS = Map.of(
            "SESSION_STARTED", Set.of("scheduledSession", "topic"),
            "ATTENDANCE", Set.of("delta", "gender", "ageBand"),
            "SUBMISSION", Set.of("procedureCode", "dossierCode"),
            "SUBMISSION_WITHDRAWN", Set.of("submission"),
            "GUIDE_PLAYED", Set.of("contentId", "guideId", "title", "startedAt", "playedMs"),
            "SESSION_ENDED", Set.of("notes"));

    /** Writes the event's fields into {@code w}; absent optional fields are left out, never null. */
    void write(StrictJson.Writer w) {
        w.field("id", id).field("seq", seq).field("at", at).field("session", session).field("member", member)
                .field("type", body.type());
        if (body instanceof SessionStarted b) {
            if (b.scheduledSession() != null) {
                w.field("scheduledSession", b.scheduledSession());
            } else {
                w.field("topic", b.topic());
            }
        } else if (body instanceof AttendanceChanged b) {
            w.field("delta", b.delta());
            if (b.gender() != null) {
                w.field("gender", b.gender().name());
            }
            if (b.ageBand() != null) {
                w.field("ageBand", b.ageBand().name());
            }
        } else if (body instanceof SubmissionRecorded b) {
            w.field("procedureCode", b.procedureCode());
            if (b.dossierCode() != null) {
                w.field("dossierCode", b.dossierCode());
            }
        } else if (body instanceof SubmissionWithdrawn b) {
            w.field("submission", b.submission());
        } else if (body instanceof GuidePlayed b) {
            w.field("contentId", b.contentId()).field("guideId", b.guideId()).field("title", b.title())
                    .field("startedAt", b.startedAt()).field("playedMs", b.playedMs());
        } else if (body instanceof SessionEnded b) {
            w.field("notes", b.notes());
        }
    }

    /** One event as a standalone JSON object, the form the agent's journal keeps. */
    public String toJson() {
        StrictJson.Writer w = StrictJson.object();
        write(w);
        return w.end();
    }

    /** @throws MalformedPayloadException naming what is wrong */
    public static AgentEvent fromJson(String json) {
        return read(new JsonFields("event", StrictJson.parse(json, 1)));
    }

    static AgentEvent read(JsonFields e) {
        String type = e.string("type");
        Set<String> bodyFields = BODY_FIELDS.get(type);
        if (bodyFields == null) {
            throw new MalformedPayloadException("unknown " + e.what() + " type \"" + type + "\"");
        }
        Set<String> known = new java.util.HashSet<>(COMMON);
        known.addAll(bodyFields);
        e.onlyKnown(known);
        try {
            Body body = switch (type) {
                case "SESSION_STARTED" -> {
                    var scheduled = e.optionalInteger("scheduledSession");
                    yield new SessionStarted(scheduled.isPresent() ? scheduled.getAsLong() : null,
                            e.optionalString("topic"));
                }
                case "ATTENDANCE" -> new AttendanceChanged(e.int32("delta"), e.optionalEnum("gender", Gender.class),
                        e.optionalEnum("ageBand", AgeBand.class));
                case "SUBMISSION" -> new SubmissionRecorded(e.string("procedureCode"), e.optionalString("dossierCode"));
                case "SUBMISSION_WITHDRAWN" -> new SubmissionWithdrawn(e.string("submission"));
                case "GUIDE_PLAYED" -> new GuidePlayed(e.string("contentId"), e.string("guideId"), e.string("title"),
                        e.integer("startedAt"), e.integer("playedMs"));
                default -> new SessionEnded(e.string("notes"));
            };
            return new AgentEvent(e.string("id"), e.integer("seq"), e.integer("at"), e.string("session"),
                    e.string("member"), body);
        } catch (MalformedPayloadException ex) {
            throw ex;
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw new MalformedPayloadException("invalid " + e.what() + ": " + ex.getMessage(), ex);
        }
    }

    /** The canonical lowercase 8-4-4-4-12 form, so one UUID has one spelling as a key. */
    static void requireUuid(String value, String name) {
        if (value == null || value.length() != 36) {
            throw new IllegalArgumentException(name + " must be a UUID, got " + quote(value));
        }
        UUID parsed;
        try {
            parsed = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a UUID, got " + quote(value), e);
        }
        if (!parsed.toString().equals(value)) {
            throw new IllegalArgumentException(name + " must be a lowercase UUID, got " + quote(value));
        }
    }

    static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters, got " + value.length());
        }
    }

    private static String quote(String value) {
        return value == null ? "nothing" : "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
    }
}
