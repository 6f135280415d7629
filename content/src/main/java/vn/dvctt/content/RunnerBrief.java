package vn.dvctt.content;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the session runner needs to work offline for days, retained on {@link Channel#BRIEF} for each
 * device: its venue, the venue's sessions around now, the procedure catalogue for recording assisted
 * submissions, and the team members who may sign in with their hashed PINs. A full snapshot, replaced
 * whole; the agent keeps the newest {@code version}.
 *
 * @param version increases with every brief the server publishes for the device (epoch ms of the change)
 */
public record RunnerBrief(int schemaVersion, String deviceId, long version, Venue venue, List<Session> sessions,
                          List<Procedure> procedures, List<Member> members) {

    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;
    public static final int MAX_NAME = 300;

    public record Venue(String name, String unit) {
        public Venue {
            AgentEvent.requireText(name, "venue name", MAX_NAME);
            AgentEvent.requireText(unit, "venue unit", MAX_NAME);
        }
    }

    public enum SessionStatus { PLANNED, HELD, REPORTED, CANCELLED }

    /** A scheduled session, in the venue's local time (Asia/Ho_Chi_Minh), as planned on the server. */
    public record Session(long id, LocalDateTime startsAt, LocalDateTime endsAt, String topic, String audience,
                          int expectedAttendance, SessionStatus status, List<String> plannedGuides) {
        public Session {
            if (id <= 0) {
                throw new IllegalArgumentException("session id must be > 0, got " + id);
            }
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
            if (endsAt.isBefore(startsAt)) {
                throw new IllegalArgumentException("session " + id + " ends before it starts");
            }
            AgentEvent.requireText(topic, "topic", AgentEvent.MAX_TOPIC);
            audience = audience == null ? "" : audience;
            if (expectedAttendance < 0) {
                throw new IllegalArgumentException("expectedAttendance must be >= 0");
            }
            Objects.requireNonNull(status, "status");
            plannedGuides = List.copyOf(plannedGuides);
        }
    }

    /** A procedure a team member can record an assisted submission for. */
    public record Procedure(String code, String name, boolean essential) {
        public Procedure {
            AgentEvent.requireText(code, "procedure code", AgentEvent.MAX_CODE);
            AgentEvent.requireText(name, "procedure name", 1000);
        }
    }

    /** A team member who may sign in on the runner; {@code pinHash} is a {@link PinHash} encoding. */
    public record Member(String id, String name, String role, String pinHash) {
        public Member {
            AgentEvent.requireText(id, "member id", AgentEvent.MAX_CODE);
            AgentEvent.requireText(name, "member name", MAX_NAME);
            role = role == null ? "" : role;
            PinHash.requireEncoded(pinHash);
        }
    }

    private static final Set<String> FIELDS = Set.of("schemaVersion", "deviceId", "version", "venue", "sessions",
            "procedures", "members");
    private static final Set<String> VENUE_FIELDS = Set.of("name", "unit");
    private static final Set<String> SESSION_FIELDS = Set.of("id", "startsAt", "endsAt", "topic", "audience",
            "expectedAttendance", "status", "plannedGuides");
    private static final Set<String> PROCEDURE_FIELDS = Set.of("code", "name", "flags");
    private static final Set<String> MEMBER_FIELDS = Set.of("id", "name", "role", "pinHash");
    private static final String ESSENTIAL = "ESSENTIAL";

    public RunnerBrief {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        DeviceIds.requireValid(deviceId);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        Objects.requireNonNull(venue, "venue");
        sessions = List.copyOf(sessions);
        procedures = List.copyOf(procedures);
        members = List.copyOf(members);
        unique(sessions.stream().map(s -> String.valueOf(s.id())).toList(), "session");
        unique(procedures.stream().map(Procedure::code).toList(), "procedure");
        unique(members.stream().map(Member::id).toList(), "member");
    }

    public static RunnerBrief of(String deviceId, long version, Venue venue, List<Session> sessions,
                                 List<Procedure> procedures, List<Member> members) {
        return new RunnerBrief(SCHEMA_VERSION, deviceId, version, venue, sessions, procedures, members);
    }

    private static void unique(List<String> keys, String what) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                throw new IllegalArgumentException(what + " " + key + " is listed twice");
            }
        }
    }

    public String toJson() {
        return StrictJson.object()
                .field("schemaVersion", schemaVersion)
                .field("deviceId", deviceId)
                .field("version", version)
                .object("venue", w -> w.field("name", venue.name()).field("unit", venue.unit()))
                .objects("sessions", sessions, (w, s) -> w
                        .field("id", s.id())
                        .field("startsAt", s.startsAt().toString())
                        .field("endsAt", s.endsAt().toString())
                        .field("topic", s.topic())
                        .field("audience", s.audience())
                        .field("expectedAttendance", s.expectedAttendance())
                        .field("status", s.status().name())
                        .strings("plannedGuides", s.plannedGuides()))
                .objects("procedures", procedures, (w, p) -> w
                        .field("code", p.code())
                        .field("name", p.name())
                        .strings("flags", p.essential() ? List.of(ESSENTIAL) : List.of()))
                .objects("members", members, (w, m) -> w
                        .field("id", m.id())
                        .field("name", m.name())
                        .field("role", m.role())
                        .field("pinHash", m.pinHash()))
                .end();
    }

    /**
     * @throws IllegalStateException when the brief exceeds {@link #MAX_PAYLOAD_BYTES}; the server must
     *     then send fewer sessions or procedures rather than a payload every agent refuses
     */
    public byte[] toPayload() {
        byte[] payload = toJson().getBytes(StandardCharsets.UTF_8);
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalStateException("runner brief for " + deviceId + " is " + payload.length
                    + " bytes, more than the " + MAX_PAYLOAD_BYTES + " a device accepts");
        }
        return payload;
    }

    public static RunnerBrief fromPayload(byte[] payload) {
        return fromJson(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "runner brief"));
    }

    /** @throws MalformedPayloadException naming what is wrong */
    public static RunnerBrief fromJson(String json) {
        Map<String, Object> parsed = StrictJson.parse(json, StrictJson.MAX_DEPTH);
        JsonFields f = JsonFields.versioned("runner brief", parsed, SCHEMA_VERSION, FIELDS);
        try {
            JsonFields v = f.object("venue").onlyKnown(VENUE_FIELDS);
            Venue venue = new Venue(v.string("name"), v.string("unit"));
            List<Session> sessions = f.objects("sessions").stream().map(s -> {
                s.onlyKnown(SESSION_FIELDS);
                return new Session(s.integer("id"), time(s, "startsAt"), time(s, "endsAt"), s.string("topic"),
                        s.string("audience"), s.int32("expectedAttendance"),
                        s.enumValue("status", SessionStatus.class), s.strings("plannedGuides"));
            }).toList();
            List<Procedure> procedures = f.objects("procedures").stream().map(p -> {
                p.onlyKnown(PROCEDURE_FIELDS);
                return new Procedure(p.string("code"), p.string("name"), p.strings("flags").contains(ESSENTIAL));
            }).toList();
            List<Member> members = f.objects("members").stream().map(m -> {
                m.onlyKnown(MEMBER_FIELDS);
                return new Member(m.string("id"), m.string("name"), m.string("role"), m.string("pinHash"));
            }).toList();
            return new RunnerBrief(SCHEMA_VERSION, f.string("deviceId"), f.integer("version"), venue, sessions,
                    procedures, members);
        } catch (MalformedPayloadException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("invalid runner brief: " + e.getMessage(), e);
        }
    }

    private static LocalDateTime time(JsonFields s, String name) {
        String value = s.string(name);
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedPayloadException(s.what() + " " + name + " \"" + value + "\" is not a local date-time");
        }
    }
}
