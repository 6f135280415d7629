package vn.dvctt.content;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Journalled events the agent sends on {@link Channel#EVENTS}, oldest first, at QoS 1. A batch is a
 * transport unit only: the server stores each event by its id and answers with an {@link EventAck};
 * the agent re-sends whatever stays unacknowledged, in any batching.
 */
public record EventBatch(int schemaVersion, String deviceId, List<AgentEvent> events) {

    public static final int SCHEMA_VERSION = 1;
    /** Bounds the server's work per message; a journal drains in many batches. */
    public static final int MAX_EVENTS = 500;
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private static final Set<String> FIELDS = Set.of("schemaVersion", "deviceId", "events");

    public EventBatch {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        DeviceIds.requireValid(deviceId);
        events = List.copyOf(events);
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_EVENTS + " events, got " + events.size());
        }
        Set<String> ids = new HashSet<>();
        for (AgentEvent event : events) {
            if (!ids.add(event.id())) {
                throw new IllegalArgumentException("event " + event.id() + " is listed twice");
            }
        }
    }

    public static EventBatch of(String deviceId, List<AgentEvent> events) {
        return new EventBatch(SCHEMA_VERSION, deviceId, events);
    }

    public String toJson() {
        return StrictJson.object()
                .field("schemaVersion", schemaVersion)
                .field("deviceId", deviceId)
                .objects("events", events, (w, e) -> e.write(w))
                .end();
    }

    public byte[] toPayload() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws MalformedPayloadException also for a payload over {@link #MAX_PAYLOAD_BYTES} */
    public static EventBatch fromPayload(byte[] payload) {
        return fromJson(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "event batch"));
    }

    /**
     * Reads a whole batch or nothing: one malformed event rejects the batch, because the agent built it
     * from its own journal and a bad event there means a bug or a forgery, not noise to skip.
     *
     * @throws MalformedPayloadException naming what is wrong
     */
    public static EventBatch fromJson(String json) {
        Map<String, Object> parsed = StrictJson.parse(json, 3);
        JsonFields fields = JsonFields.versioned("event batch", parsed, SCHEMA_VERSION, FIELDS);
        String deviceId = fields.string("deviceId");
        List<AgentEvent> events = fields.objects("events").stream().map(AgentEvent::read).toList();
        try {
            return new EventBatch(SCHEMA_VERSION, deviceId, events);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("invalid event batch: " + e.getMessage(), e);
        }
    }
}
