package vn.dvctt.content;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "Send me chunk {@code index} of content {@code contentId}", published by the agent on
 * {@link Channel#CHUNK_REQUEST}. The server answers on the same device's {@link Channel#CHUNK} topic
 * only if the content is in that device's current manifest; the device id that counts is the topic's
 * (the broker's ACL binds it to the client), and a payload naming another device is dropped.
 *
 * @param requestId chosen by the agent, unique per request (a UUID fits), for logs and de-duplication
 *                  on the server; a retry after a timeout gets a new one
 */
public record ChunkRequest(int schemaVersion, String deviceId, String requestId, String contentId, int index) {

    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_PAYLOAD_BYTES = 1024;

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Set<String> FIELDS = Set.of("schemaVersion", "deviceId", "requestId", "contentId", "index");

    public ChunkRequest {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        DeviceIds.requireValid(deviceId);
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new IllegalArgumentException("requestId must be 1..64 of A-Z, a-z, 0-9 and '-', got "
                    + (requestId == null ? "null" : "\"" + requestId + "\""));
        }
        Sha256.requireHex(contentId, "contentId");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
    }

    public static ChunkRequest of(String deviceId, String requestId, String contentId, int index) {
        return new ChunkRequest(SCHEMA_VERSION, deviceId, requestId, contentId, index);
    }

    /** The wire form; field order is fixed so the golden file can pin it byte for byte. */
    public String toJson() {
        return StrictJson.object()
                .field("schemaVersion", schemaVersion)
                .field("deviceId", deviceId)
                .field("requestId", requestId)
                .field("contentId", contentId)
                .field("index", index)
                .end();
    }

    public byte[] toPayload() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    public static ChunkRequest fromPayload(byte[] payload) {
        return fromJson(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "chunk request"));
    }

    /** @throws MalformedPayloadException naming what is wrong, including an unsupported schema version */
    public static ChunkRequest fromJson(String json) {
        JsonFields fields = JsonFields.versioned("chunk request", StrictJson.parseFlat(json), SCHEMA_VERSION, FIELDS);
        String deviceId = fields.string("deviceId");
        String requestId = fields.string("requestId");
        String contentId = fields.string("contentId");
        int index = fields.int32("index");
        try {
            return new ChunkRequest(SCHEMA_VERSION, deviceId, requestId, contentId, index);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("invalid chunk request: " + e.getMessage(), e);
        }
    }
}
