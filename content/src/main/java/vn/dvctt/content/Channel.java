package vn.dvctt.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * The last topic level of a device topic, with how it is published. The QoS, retained flag and
 * direction here are the contract; {@code src/main/resources/asyncapi/dvctt-device-link.yaml} describes
 * the same channels for people and tools, and a test keeps the two from drifting apart.
 *
 * <p>The one rule for content bytes (docs/decisions/0003): the broker never stores them for an offline
 * device. Chunks and chunk requests are QoS 0 and never retained, chunks carry a short MQTT 5 message
 * expiry ({@link #CHUNK_MESSAGE_EXPIRY_SECONDS}), and the agent connects with clean start and session
 * expiry 0, so there is no session for the broker to queue into. Only the small, retained
 * {@link #MANIFEST} waits for a device, and it is replaced, never accumulated.
 */
public enum Channel {

    /** Device → server. Retained ONLINE/OFFLINE {@link DeviceStatus}; OFFLINE also arrives as the agent's Last Will. */
    STATUS("status", Direction.DEVICE_TO_SERVER, 1, true),

    /**
     * Server → device. Retained {@link Manifest}: the guides the device should hold. QoS 1 so a
     * connected device gets each new version; retained so a device that was away gets the latest one
     * on subscribe. Only a retired device's manifest is cleared (an empty retained payload); the agent
     * treats a zero-length payload as "no manifest" rather than parsing it. A manifest without entries
     * is a real manifest: delete everything.
     */
    MANIFEST("manifest", Direction.SERVER_TO_DEVICE, 1, true),

    /**
     * Device → server. {@link ChunkRequest}: "send me chunk i of content X". QoS 0: the agent retries
     * on its own timeout, and a request replayed after a cut would make the server send bytes nobody
     * waits for over the link that is scarce. Servers subscribe through
     * {@link Topics#serverSubscription(Channel)} so exactly one instance answers.
     */
    CHUNK_REQUEST("chunk-req", Direction.DEVICE_TO_SERVER, 0, false),

    /**
     * Server → device. Binary {@link Chunk} frame answering one request. QoS 0, never retained, with
     * message expiry {@link #CHUNK_MESSAGE_EXPIRY_SECONDS}: a lost chunk is re-requested, never queued.
     */
    CHUNK("chunk", Direction.SERVER_TO_DEVICE, 0, false),

    /** Device → server. {@link Inventory}: per content id the bytes held and whether it is complete. */
    INVENTORY("inventory", Direction.DEVICE_TO_SERVER, 1, false),

    /** Device → server. Periodic {@link Heartbeat}: agent version, free disk, last sync. A lost one is harmless. */
    HEARTBEAT("heartbeat", Direction.DEVICE_TO_SERVER, 0, false),

    /**
     * Device → server. {@link EventBatch} of journalled session-runner events, oldest first. QoS 1 and
     * not retained: the agent keeps every event until an {@link #EVENT_ACK} names it, so a batch lost
     * anywhere (broker restart, server crash before commit) is simply sent again (docs/decisions/0004).
     */
    EVENTS("events", Direction.DEVICE_TO_SERVER, 1, false),

    /**
     * Server → device. {@link EventAck} naming the events now stored (or refused for good), published
     * after the database commit. QoS 1, not retained: a lost ack only means the events are sent again
     * and found already stored.
     */
    EVENT_ACK("event-ack", Direction.SERVER_TO_DEVICE, 1, false),

    /**
     * Server → device. Retained {@link RunnerBrief}: the venue's schedule, the procedure catalogue and
     * the team members' PIN hashes, so the session runner works offline. Replaced whole on change.
     */
    BRIEF("brief", Direction.SERVER_TO_DEVICE, 1, true);

    /** Who publishes on a channel; the other side subscribes. */
    public enum Direction { DEVICE_TO_SERVER, SERVER_TO_DEVICE }

    /**
     * MQTT 5 message expiry the server sets on every chunk publish, a second guard (after QoS 0) against a
     * broker configured to queue QoS 0 messages: a chunk older than this is useless to the agent, which
     * has timed out and asked again.
     */
    public static final long CHUNK_MESSAGE_EXPIRY_SECONDS = 60;

    private final String wireName;
    private final Direction direction;
    private final int qos;
    private final boolean retained;

    Channel(String wireName, Direction direction, int qos, boolean retained) {
        this.wireName = wireName;
        this.direction = direction;
        this.qos = qos;
        this.retained = retained;
    }

    /** The topic level as it appears on the wire; never derived from the Java constant name. */
    public String wireName() {
        return wireName;
    }

    public Direction direction() {
        return direction;
    }

    /** The QoS to publish with and to subscribe with; the effective QoS is the lower of the two. */
    public int qos() {
        return qos;
    }

    /** Whether the publisher sets the retained flag. */
    public boolean retained() {
        return retained;
    }

    public static Optional<Channel> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
    }
}
