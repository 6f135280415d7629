package vn.dvctt.content;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The guides one device should hold, published retained on {@link Channel#MANIFEST}. The agent
 * downloads what it lacks, inside {@code downloadWindow}, in priority order, and deletes content no
 * longer listed; a guide becomes playable only when every chunk and the whole file verify.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}; any change to the fields bumps it
 * @param version       increases with every manifest the server issues for this device; the agent
 *                      ignores one not newer than the version it applied (a retained copy seen again)
 * @param generatedAt   epoch milliseconds on the server's clock
 * @param quotaBytes    disk the device may use for content; the entries never exceed it
 */
public record Manifest(int schemaVersion, String deviceId, long version, long generatedAt, long quotaBytes,
                       DownloadWindow downloadWindow, List<ManifestEntry> entries) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * Largest encoded manifest: under EMQX's default 1 MiB maximum packet with room for topic and
     * header. At the default chunk size that is roughly 6 GB of listed content per device.
     */
    public static final int MAX_PAYLOAD_BYTES = 900 * 1024;

    private static final Set<String> FIELDS = Set.of("schemaVersion", "deviceId", "version", "generatedAt",
            "quotaBytes", "downloadWindow", "entries");
    private static final Set<String> WINDOW_FIELDS = Set.of("start", "end");
    private static final Set<String> ENTRY_FIELDS = Set.of("contentId", "guideId", "title", "sizeBytes",
            "chunkSizeBytes", "chunkHashes", "priority");

    public Manifest {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        DeviceIds.requireValid(deviceId);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        if (generatedAt < 0) {
            throw new IllegalArgumentException("generatedAt must be epoch milliseconds >= 0, got " + generatedAt);
        }
        if (quotaBytes < 0) {
            throw new IllegalArgumentException("quotaBytes must be >= 0, got " + quotaBytes);
        }
        Objects.requireNonNull(downloadWindow, "downloadWindow");
        entries = List.copyOf(entries);
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (ManifestEntry entry : entries) {
            if (!seen.add(entry.contentId())) {
                throw new IllegalArgumentException("content " + entry.contentId() + " is listed twice");
            }
            total += entry.sizeBytes();
        }
        if (total > quotaBytes) {
            throw new IllegalArgumentException("entries total " + total + " bytes, more than the quota of "
                    + quotaBytes);
        }
    }

    public static Manifest of(String deviceId, long version, long generatedAt, long quotaBytes,
                              DownloadWindow downloadWindow, List<ManifestEntry> entries) {
        return new Manifest(SCHEMA_VERSION, deviceId, version, generatedAt, quotaBytes, downloadWindow, entries);
    }

    /** The wire form; field order is fixed so the golden file can pin it byte for byte. */
    public String toJson() {
        return StrictJson.object()
                .field("schemaVersion", schemaVersion)
                .field("deviceId", deviceId)
                .field("version", version)
                .field("generatedAt", generatedAt)
                .field("quotaBytes", quotaBytes)
                .object("downloadWindow", w -> w.field("start", downloadWindow.startText())
                        .field("end", downloadWindow.endText()))
                .objects("entries", entries, (w, e) -> w
                        .field("contentId", e.contentId())
                        .field("guideId", e.guideId())
                        .field("title", e.title())
                        .field("sizeBytes", e.sizeBytes())
                        .field("chunkSizeBytes", e.chunkSizeBytes())
                        .strings("chunkHashes", e.chunkHashes())
                        .field("priority", e.priority()))
                .end();
    }

    /**
     * The MQTT payload: {@link #toJson()} as UTF-8.
     *
     * @throws IllegalStateException when it exceeds {@link #MAX_PAYLOAD_BYTES}; the server must then list
     *         fewer guides, never publish something devices will refuse
     */
    public byte[] toPayload() {
        byte[] payload = toJson().getBytes(StandardCharsets.UTF_8);
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalStateException("manifest for " + deviceId + " is " + payload.length
                    + " bytes, more than the " + MAX_PAYLOAD_BYTES + " a device accepts");
        }
        return payload;
    }

    /** @throws MalformedPayloadException also for a payload over {@link #MAX_PAYLOAD_BYTES} */
    public static Manifest fromPayload(byte[] payload) {
        return fromJson(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "manifest"));
    }

    /**
     * Reads the wire form strictly and checks every invariant (hash forms, chunk counts, unique content,
     * quota).
     *
     * @throws MalformedPayloadException naming what is wrong, including an unsupported schema version
     */
    public static Manifest fromJson(String json) {
        Map<String, Object> parsed = StrictJson.parse(json, StrictJson.MAX_DEPTH);
        JsonFields fields = JsonFields.versioned("manifest", parsed, SCHEMA_VERSION, FIELDS);
        JsonFields window = fields.object("downloadWindow").onlyKnown(WINDOW_FIELDS);
        try {
            DownloadWindow downloadWindow = DownloadWindow.of(window.string("start"), window.string("end"));
            List<ManifestEntry> entries = fields.objects("entries").stream().map(Manifest::entry).toList();
            return new Manifest(SCHEMA_VERSION, fields.string("deviceId"), fields.integer("version"),
                    fields.integer("generatedAt"), fields.integer("quotaBytes"), downloadWindow, entries);
        } catch (MalformedPayloadException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("invalid manifest: " + e.getMessage(), e);
        }
    }

    private static ManifestEntry entry(JsonFields e) {
        e.onlyKnown(ENTRY_FIELDS);
        String contentId = e.string("contentId");
        String guideId = e.string("guideId");
        String title = e.string("title");
        long sizeBytes = e.integer("sizeBytes");
        int chunkSizeBytes = e.int32("chunkSizeBytes");
        List<String> chunkHashes = e.strings("chunkHashes");
        int priority = e.int32("priority");
        try {
            return new ManifestEntry(contentId, guideId, title, sizeBytes, chunkSizeBytes, chunkHashes, priority);
        } catch (IllegalArgumentException e2) {
            throw new MalformedPayloadException("invalid " + e.what() + ": " + e2.getMessage(), e2);
        }
    }
}
