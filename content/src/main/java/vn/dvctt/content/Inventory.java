package vn.dvctt.content;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What content a device holds, published by the agent on {@link Channel#INVENTORY} at QoS 1 on every
 * (re)connect, after applying a manifest, and when a content completes or is deleted. It is a full
 * snapshot, not a delta, so the server keeps the one with the latest {@code at} and a duplicate
 * delivery changes nothing.
 *
 * @param manifestVersion the manifest version the agent last applied; 0 if none yet
 * @param at              epoch milliseconds on the agent's clock when the snapshot was taken
 */
public record Inventory(int schemaVersion, String deviceId, long manifestVersion, long at, List<Item> items) {

    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    /** PARTIAL: some chunks held and verified; COMPLETE: the whole file verified and playable. */
    public enum State { PARTIAL, COMPLETE }

    /** One content on the device's disk. */
    public record Item(String contentId, long bytesHeld, State state) {

        public Item {
            Sha256.requireHex(contentId, "contentId");
            if (bytesHeld < 0) {
                throw new IllegalArgumentException("bytesHeld must be >= 0, got " + bytesHeld);
            }
            Objects.requireNonNull(state, "state");
        }
    }

    private static final Set<String> FIELDS = Set.of("schemaVersion", "deviceId", "manifestVersion", "at", "items");
    private static final Set<String> ITEM_FIELDS = Set.of("contentId", "bytesHeld", "state");

    public Inventory {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        DeviceIds.requireValid(deviceId);
        if (manifestVersion < 0) {
            throw new IllegalArgumentException("manifestVersion must be >= 0, got " + manifestVersion);
        }
        if (at < 0) {
            throw new IllegalArgumentException("at must be epoch milliseconds >= 0, got " + at);
        }
        items = List.copyOf(items);
        Set<String> seen = new HashSet<>();
        for (Item item : items) {
            if (!seen.add(item.contentId())) {
                throw new IllegalArgumentException("content " + item.contentId() + " is listed twice");
            }
        }
    }

    public static Inventory of(String deviceId, long manifestVersion, long at, List<Item> items) {
        return new Inventory(SCHEMA_VERSION, deviceId, manifestVersion, at, items);
    }

    /** The wire form; field order is fixed so the golden file can pin it byte for byte. */
    public String toJson() {
        return StrictJson.object()
                .field("schemaVersion", schemaVersion)
                .field("deviceId", deviceId)
                .field("manifestVersion", manifestVersion)
                .field("at", at)
                .objects("items", items, (w, i) -> w
                        .field("contentId", i.contentId())
                        .field("bytesHeld", i.bytesHeld())
                        .field("state", i.state().name()))
                .end();
    }

    public byte[] toPayload() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    public static Inventory fromPayload(byte[] payload) {
        return fromJson(StrictJson.utf8(payload, MAX_PAYLOAD_BYTES, "inventory"));
    }

    /** @throws MalformedPayloadException naming what is wrong, including an unsupported schema version */
    public static Inventory fromJson(String json) {
        Map<String, Object> parsed = StrictJson.parse(json, 3);
        JsonFields fields = JsonFields.versioned("inventory", parsed, SCHEMA_VERSION, FIELDS);
        String deviceId = fields.string("deviceId");
        long manifestVersion = fields.integer("manifestVersion");
        long at = fields.integer("at");
        List<Item> items = fields.objects("items").stream().map(Inventory::item).toList();
        try {
            return new Inventory(SCHEMA_VERSION, deviceId, manifestVersion, at, items);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("invalid inventory: " + e.getMessage(), e);
        }
    }

    private static Item item(JsonFields i) {
        i.onlyKnown(ITEM_FIELDS);
        String contentId = i.string("contentId");
        long bytesHeld = i.integer("bytesHeld");
        State state = i.enumValue("state", State.class);
        try {
            return new Item(contentId, bytesHeld, state);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("invalid " + i.what() + ": " + e.getMessage(), e);
        }
    }
}
