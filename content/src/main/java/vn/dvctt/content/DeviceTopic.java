package vn.dvctt.content;

import java.util.Objects;

/** A concrete topic of one device, as produced by {@link Topics#device} and read by {@link Topics#parse}. */
public record DeviceTopic(String deviceId, Channel channel) {

    public DeviceTopic {
        DeviceIds.requireValid(deviceId);
        Objects.requireNonNull(channel, "channel");
    }

    /** The topic string, e.g. {@code dvctt/v1/dev/hn-001/status}. */
    public String topic() {
        return Topics.device(deviceId, channel);
    }
}
