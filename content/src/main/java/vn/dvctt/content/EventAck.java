package vn.dvctt.content;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's answer on {@link Channel#EVENT_ACK}, published only after the database commit: the
 * agent may forget an event once it is listed here, and only then. {@code stored} lists events now
 * held by the server, whether this delivery stored them or an earlier one did; {@code rejected} those
 * the server will never take (say, a session of another venue), with the reason, so the agent stops
 * re-sending them and keeps them for a person to look at.
 */
public record EventAck(int schemaVersion, String deviceId, List<String> stored, List<Rejection> rejected) {

    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    public static final int MAX_REASON = 300;

    public record Rejection(String event, String reason) {
        public Rejection {
            AgentEvent.requireUuid(event, "event");
            AgentEvent.requireText(reason, "reason", MAX_REASON);
        }
    }

    private static final Set<String> FIELDS = Set.of("schemaVersion", "deviceId", "stored", "rejected");
    private static final Set<String> REJECTION_FIELDS = Set.of("event", "reason");

    public EventAck {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        DeviceIds.requireValid(deviceId);
        stored = List.copyOf(stored);
        stored.forEach(id -> AgentEvent.requireUuid(id, "stored event"));
        rejected = List.copyOf(rejected);
    }

    public static EventAck of(String deviceId, List<String> stored, List<Rejection> rejected) {
        return new EventAck(SCHEMA_VERSION, deviceId, stored, rejected);
    }

    public String toJson() {
        return StrictJson.object()
                .field("schemaVersion", schemaVersion)
                .field("deviceId", deviceId)
                .strings("stored", stored)
                .objects("rejected", rejected, (w, r) -> w.field("event", r.event()).field("reason", r.reason()))
                .end();
    }

    public byte[] toPayload() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    public static EventAck fromPayload(byte[] payload) {
        return fromJson(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "event ack"));
    }

    /** @throws MalformedPayloadException naming what is wrong */
    public static EventAck fromJson(String json) {
        Map<String, Object> parsed = StrictJson.parse(json, 3);
        JsonFields fields = JsonFields.versioned("event ack", parsed, SCHEMA_VERSION, FIELDS);
        try {
            List<Rejection> rejected = fields.objects("rejected").stream().map(r -> {
                r.onlyKnown(REJECTION_FIELDS);
                return new Rejection(r.string("event"), r.string("reason"));
            }).toList();
            return new EventAck(SCHEMA_VERSION, fields.string("deviceId"), fields.strings("stored"), rejected);
        } catch (MalformedPayloadException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("invalid event ack: " + e.getMessage(), e);
        }
    }
}
