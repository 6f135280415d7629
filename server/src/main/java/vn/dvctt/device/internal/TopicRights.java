package vn.dvctt.device.internal;

import java.util.Arrays;
import java.util.List;
import vn.dvctt.content.Channel;
import vn.dvctt.content.DeviceIds;
import vn.dvctt.content.Topics;

/**
 * What a device may do on the broker, derived from {@link Channel}: publish on its own device → server
 * channels, subscribe (exactly, no wildcards) to its own server → device channels, nothing else. A
 * channel added to {@link Channel} (such as the coming {@code events}) is covered by its direction,
 * with no change here.
 */
public final class TopicRights {

    private TopicRights() {
    }

    public static boolean mayPublish(String deviceId, String topic) {
        return Topics.parse(topic)
                .filter(t -> t.deviceId().equals(deviceId) && t.channel().direction() == Channel.Direction.DEVICE_TO_SERVER)
                .isPresent();
    }

    /** Only the exact topic: a filter with '+' or '#' is no device topic and is refused. */
    public static boolean maySubscribe(String deviceId, String topicFilter) {
        return Topics.parse(topicFilter)
                .filter(t -> t.deviceId().equals(deviceId) && t.channel().direction() == Channel.Direction.SERVER_TO_DEVICE)
                .isPresent();
    }

    /** The concrete topics a device publishes to, for brokers configured by lists (Mosquitto). */
    public static List<String> publishTopics(String deviceId) {
        return topics(deviceId, Channel.Direction.DEVICE_TO_SERVER);
    }

    /** The concrete topics a device subscribes to. */
    public static List<String> subscribeTopics(String deviceId) {
        return topics(deviceId, Channel.Direction.SERVER_TO_DEVICE);
    }

    private static List<String> topics(String deviceId, Channel.Direction direction) {
        DeviceIds.requireValid(deviceId);
        return Arrays.stream(Channel.values()).filter(c -> c.direction() == direction)
                .map(c -> Topics.device(deviceId, c)).toList();
    }
}
