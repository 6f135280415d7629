package vn.dvctt.content;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "Send me bytes of chunk {@code index} of content {@code contentId}", published by the agent on
 * {@link Channel#CHUNK_REQUEST}. The server answers on the same device's {@link Channel#CHUNK} topic
 * only if the content is in that device's current manifest; the device id that counts is the topic's
 * (the broker's ACL binds it to the client), and a payload naming another device is dropped.
 *
 * <p>Two schema versions are read and written (docs/decisions/0005): version 1 asks for the whole
 * chunk (it has no range on the wire: {@code offset} and {@code length} are 0 in the record), version 2
 * for the {@code length} bytes at {@code offset} inside the chunk, a <em>slice</em>. Servers keep
 * answering version 1, which agents already in the field send.
 *
 * @param requestId chosen by the agent, unique per request (a UUID fits), for logs and de-duplication
 *                  on the server; a retry after a timeout gets a new one
 * @param offset    version 2: where the slice starts inside the chunk, from 0; version 1: 0
 * @param length    version 2: the slice's length, 1..{@link Chunking#MAX_CHUNK_SIZE_BYTES}, ending at most
 *                  at {@link Chunking#MAX_CHUNK_SIZE_BYTES}; version 1: 0 (the whole chunk). Whether the
 *                  range lies inside the chunk depends on the manifest entry: the server's check.
 */
public record ChunkRequest(int schemaVersion, String deviceId, String requestId, String contentId, int index,
                           int offset, int length) {

    /** The whole-chunk request. */
    public static final int WHOLE_CHUNK_SCHEMA_VERSION = 1;
    /** The ranged request; the newest version this build reads. */
    public static final int SCHEMA_VERSION = 2;
    public static final int MAX_PAYLOAD_BYTES = 1024;

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Set<String> FIELDS_V1 = Set.of("schemaVersion", "deviceId", "requestId", "contentId", "index");
    private static final Set<String> FIELDS_V2 = Set.of("schemaVersion", "deviceId", "requestId", "contentId", "index",
            "offset", "length");

    public ChunkRequest {
        if (schemaVersion != WHOLE_CHUNK_SCHEMA_VERSION && schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + WHOLE_CHUNK_SCHEMA_VERSION + " or "
                    + SCHEMA_VERSION + ", got " + schemaVersion);
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
        if (schemaVersion == WHOLE_CHUNK_SCHEMA_VERSION) {
            if (offset != 0 || length != 0) {
                throw new IllegalArgumentException("a version 1 request has no range, got offset " + offset
                        + " and length " + length);
            }
        } else {
            requireSlice(offset, length);
        }
    }

    /** Checks a slice's range against what any chunk could hold. */
    static void requireSlice(long offset, long length) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if (length < 1 || length > Chunking.MAX_CHUNK_SIZE_BYTES) {
            throw new IllegalArgumentException("length must be 1.." + Chunking.MAX_CHUNK_SIZE_BYTES + ", got " + length);
        }
        if (offset + length > Chunking.MAX_CHUNK_SIZE_BYTES) {
            throw new IllegalArgumentException("offset + length must be at most " + Chunking.MAX_CHUNK_SIZE_BYTES
                    + ", got " + (offset + length));
        }
    }

    /** A request for the whole chunk (version 1). */
    public static ChunkRequest of(String deviceId, String requestId, String contentId, int index) {
        return new ChunkRequest(WHOLE_CHUNK_SCHEMA_VERSION, deviceId, requestId, contentId, index, 0, 0);
    }

    /** A request for {@code length} bytes at {@code offset} inside the chunk (version 2). */
    public static ChunkRequest slice(String deviceId, String requestId, String contentId, int index, int offset,
                                     int length) {
        return new ChunkRequest(SCHEMA_VERSION, deviceId, requestId, contentId, index, offset, length);
    }

    /** True for a version 1 request: the whole chunk, whatever its length. */
    public boolean wholeChunk() {
        return schemaVersion == WHOLE_CHUNK_SCHEMA_VERSION;
    }

    /** The wire form; field order is fixed so the golden files can pin it byte for byte. */
    public String toJson() {
        StrictJson.Writer json = StrictJson.object()
                .field("schemaVersion", schemaVersion)
                .field("deviceId", deviceId)
                .field("requestId", requestId)
                .field("contentId", contentId)
                .field("index", index);
        if (!wholeChunk()) {
            json.field("offset", offset).field("length", length);
        }
        return json.end();
    }

    public byte[] toPayload() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    public static ChunkRequest fromPayload(byte[] payload) {
        return fromJson(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "chunk request"));
    }

    /** @throws MalformedPayloadException naming what is wrong, including an unsupported schema version */
    public static ChunkRequest fromJson(String json) {
        var parsed = StrictJson.parseFlat(json);
        int version = JsonFields.version("chunk request", parsed, WHOLE_CHUNK_SCHEMA_VERSION, SCHEMA_VERSION);
        JsonFields fields = new JsonFields("chunk request", parsed)
                .onlyKnown(version == WHOLE_CHUNK_SCHEMA_VERSION ? FIELDS_V1 : FIELDS_V2);
        String deviceId = fields.string("deviceId");
        String requestId = fields.string("requestId");
        String contentId = fields.string("contentId");
        int index = fields.int32("index");
        int offset = version == WHOLE_CHUNK_SCHEMA_VERSION ? 0 : fields.int32("offset");
        int length = version == WHOLE_CHUNK_SCHEMA_VERSION ? 0 : fields.int32("length");
        try {
            return new ChunkRequest(version, deviceId, requestId, contentId, index, offset, length);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("invalid chunk request: " + e.getMessage(), e);
        }
    }
}
