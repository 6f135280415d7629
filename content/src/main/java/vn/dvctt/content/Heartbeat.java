package vn.dvctt.content;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Periodic health of a device, published by the agent on {@link Channel#HEARTBEAT} at QoS 0; a lost
 * one is simply superseded by the next.
 *
 * @param at            epoch milliseconds on the agent's clock when sent
 * @param freeDiskBytes free space on the content store's disk
 * @param lastSyncAt    epoch milliseconds when the agent last held every guide of its manifest; absent
 *                      (the field is left out on the wire) if it never has
 */
public record Heartbeat(int schemaVersion, String deviceId, String agentVersion, long at, long freeDiskBytes,
                        OptionalLong lastSyncAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_PAYLOAD_BYTES = 1024;

    private static final Set<String> FIELDS = Set.of("schemaVersion", "deviceId", "agentVersion", "at",
            "freeDiskBytes", "lastSyncAt");

    public Heartbeat {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        DeviceIds.requireValid(deviceId);
        ManifestEntry.requireText(agentVersion, "agentVersion", 64);
        if (at < 0) {
            throw new IllegalArgumentException("at must be epoch milliseconds >= 0, got " + at);
        }
        if (freeDiskBytes < 0) {
            throw new IllegalArgumentException("freeDiskBytes must be >= 0, got " + freeDiskBytes);
        }
        if (lastSyncAt == null) {
            throw new IllegalArgumentException("lastSyncAt must be a value or empty, not null");
        }
        if (lastSyncAt.isPresent() && lastSyncAt.getAsLong() < 0) {
            throw new IllegalArgumentException("lastSyncAt must be epoch milliseconds >= 0, got " + lastSyncAt.getAsLong());
        }
    }

    public static Heartbeat of(String deviceId, String agentVersion, long at, long freeDiskBytes, OptionalLong lastSyncAt) {
        return new Heartbeat(SCHEMA_VERSION, deviceId, agentVersion, at, freeDiskBytes, lastSyncAt);
    }

    /** The wire form; field order is fixed so the golden file can pin it byte for byte. */
    public String toJson() {
        StrictJson.Writer w = StrictJson.object()
                .field("schemaVersion", schemaVersion)
                .field("deviceId", deviceId)
                .field("agentVersion", agentVersion)
                .field("at", at)
                .field("freeDiskBytes", freeDiskBytes);
        lastSyncAt.ifPresent(t -> w.field("lastSyncAt", t));
        return w.end();
    }

    public byte[] toPayload() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    public static Heartbeat fromPayload(byte[] payload) {
        return fromJson(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "heartbeat"));
    }

    /** @throws MalformedPayloadException naming what is wrong, including an unsupported schema version */
    public static Heartbeat fromJson(String json) {
        JsonFields fields = JsonFields.versioned("heartbeat", StrictJson.parseFlat(json), SCHEMA_VERSION, FIELDS);
        String deviceId = fields.string("deviceId");
        String agentVersion = fields.string("agentVersion");
        long at = fields.integer("at");
        long freeDiskBytes = fields.integer("freeDiskBytes");
        OptionalLong lastSyncAt = fields.optionalInteger("lastSyncAt");
        try {
            return new Heartbeat(SCHEMA_VERSION, deviceId, agentVersion, at, freeDiskBytes, lastSyncAt);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("invalid heartbeat: " + e.getMessage(), e);
        }
    }
}
