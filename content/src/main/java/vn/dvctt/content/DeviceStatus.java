package vn.dvctt.content;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a device's agent is connected, published retained on {@link Channel#STATUS}.
 *
 * <p>ONLINE is published by the agent on every (re)connect. OFFLINE comes either from the agent on
 * a clean shutdown or from the broker as the agent's Last Will; in the Will case {@code at} is the
 * time the Will was registered (the connect), not the time the link died, so receivers that need
 * the moment of loss should use their own receive time.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}; any change to the fields bumps it
 * @param at            epoch milliseconds on the agent's clock
 */
public record DeviceStatus(int schemaVersion, String deviceId, State state, String agentVersion, long at) {

    public static final int SCHEMA_VERSION = 1;

    public enum State { ONLINE, OFFLINE }

    private static final Set<String> FIELDS = Set.of("schemaVersion", "deviceId", "state", "agentVersion", "at");

    public DeviceStatus {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        DeviceIds.requireValid(deviceId);
        Objects.requireNonNull(state, "state");
        if (agentVersion == null || agentVersion.isBlank()) {
            throw new IllegalArgumentException("agentVersion must not be blank");
        }
        if (at < 0) {
            throw new IllegalArgumentException("at must be epoch milliseconds >= 0, got " + at);
        }
    }

    public static DeviceStatus online(String deviceId, String agentVersion, long at) {
        return new DeviceStatus(SCHEMA_VERSION, deviceId, State.ONLINE, agentVersion, at);
    }

    public static DeviceStatus offline(String deviceId, String agentVersion, long at) {
        return new DeviceStatus(SCHEMA_VERSION, deviceId, State.OFFLINE, agentVersion, at);
    }

    /** The wire form; field order is fixed so the golden file can pin it byte for byte. */
    public String toJson() {
        return StrictJson.object()
                .field("schemaVersion", schemaVersion)
                .field("deviceId", deviceId)
                .field("state", state.name())
                .field("agentVersion", agentVersion)
                .field("at", at)
                .end();
    }

    /** The MQTT payload: {@link #toJson()} as UTF-8. */
    public byte[] toPayload() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    public static DeviceStatus fromPayload(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return fromJson(StrictJson.utf8(payload));
    }

    /**
     * Reads the wire form strictly: every field present, none unknown, right types.
     *
     * @throws MalformedPayloadException naming what is wrong, including an unsupported schema version
     */
    public static DeviceStatus fromJson(String json) {
        Map<String, Object> fields = StrictJson.parseFlat(json);
        // the version is checked before the shape, so a newer payload is reported as newer, not as garbage
        long version = integer(fields, "schemaVersion");
        if (version != SCHEMA_VERSION) {
            throw new MalformedPayloadException("unsupported device status schemaVersion " + version
                    + " (this build reads " + SCHEMA_VERSION + ")");
        }
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw new MalformedPayloadException("unknown device status field(s) " + unknown);
        }
        String stateName = string(fields, "state");
        State state;
        try {
            state = State.valueOf(stateName);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("unknown device status state \"" + stateName + "\"", e);
        }
        String deviceId = string(fields, "deviceId");
        String agentVersion = string(fields, "agentVersion");
        long at = integer(fields, "at");
        try {
            return new DeviceStatus((int) version, deviceId, state, agentVersion, at);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("invalid device status: " + e.getMessage(), e);
        }
    }

    private static String string(Map<String, Object> fields, String name) {
        Object value = present(fields, name);
        if (!(value instanceof String s)) {
            throw new MalformedPayloadException("device status field \"" + name + "\" must be a string");
        }
        return s;
    }

    private static long integer(Map<String, Object> fields, String name) {
        Object value = present(fields, name);
        if (!(value instanceof Long l)) {
            throw new MalformedPayloadException("device status field \"" + name + "\" must be an integer");
        }
        return l;
    }

    private static Object present(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new MalformedPayloadException("device status field \"" + name + "\" is missing");
        }
        return value;
    }
}
