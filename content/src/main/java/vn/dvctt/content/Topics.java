package vn.dvctt.content;

import java.util.Objects;
import java.util.Optional;

/**
 * The topic scheme {@code dvctt/v1/dev/{deviceId}/{channel}}. The {@code v1} level versions the
 * scheme itself, so a future layout can run beside this one during a migration.
 */
public final class Topics {

    public static final String DEVICE_PREFIX = "dvctt/v1/dev/";

    /** The share group every server instance joins for device → server channels. */
    public static final String SERVER_SHARE_GROUP = "servers";

    private static final int DEVICE_TOPIC_LEVELS = 5;

    private Topics() {
    }

    /** The topic of one device's channel. */
    public static String device(String deviceId, Channel channel) {
        DeviceIds.requireValid(deviceId);
        Objects.requireNonNull(channel, "channel");
        return DEVICE_PREFIX + deviceId + "/" + channel.wireName();
    }

    /** A subscription filter matching one channel of every device: {@code dvctt/v1/dev/+/{channel}}. */
    public static String allDevices(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        return DEVICE_PREFIX + "+/" + channel.wireName();
    }

    /**
     * An MQTT 5 shared subscription {@code $share/{group}/{filter}}: the broker hands each message to
     * one member of the group, which is how several server instances split ingestion.
     */
    public static String sharedSubscription(String group, String filter) {
        if (group == null || group.isEmpty()) {
            throw new IllegalArgumentException("share group must not be empty");
        }
        if (group.contains("/") || group.contains("+") || group.contains("#")) {
            throw new IllegalArgumentException("share group must not contain '/', '+' or '#', got \"" + group + "\"");
        }
        if (filter == null || filter.isEmpty()) {
            throw new IllegalArgumentException("topic filter must not be empty");
        }
        return "$share/" + group + "/" + filter;
    }

    /**
     * What a server instance subscribes to for a device → server channel:
     * {@code $share/servers/dvctt/v1/dev/+/{channel}}, so each message is handled by one instance.
     *
     * @throws IllegalArgumentException for a server → device channel, which servers publish, not read
     */
    public static String serverSubscription(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.direction() != Channel.Direction.DEVICE_TO_SERVER) {
            throw new IllegalArgumentException(channel + " is published by the server, not read by it");
        }
        return sharedSubscription(SERVER_SHARE_GROUP, allDevices(channel));
    }

    /**
     * Reads a concrete device topic. Returns empty for anything that is not exactly
     * prefix, a valid device id and a known channel, so a receiver can drop stray messages without
     * exception handling.
     */
    public static Optional<DeviceTopic> parse(String topic) {
        if (topic == null || !topic.startsWith(DEVICE_PREFIX)) {
            return Optional.empty();
        }
        // limit -1 keeps trailing empty levels, so "dvctt/v1/dev/a/status/" is rejected, not trimmed
        String[] levels = topic.split("/", -1);
        if (levels.length != DEVICE_TOPIC_LEVELS) {
            return Optional.empty();
        }
        String deviceId = levels[3];
        if (!DeviceIds.isValid(deviceId)) {
            return Optional.empty();
        }
        return Channel.fromWireName(levels[4]).map(channel -> new DeviceTopic(deviceId, channel));
    }
}
