package vn.dvctt.device.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One line of a device's latest inventory. */
@Entity
@Table(name = "device_content")
@IdClass(DeviceContent.Key.class)
public class DeviceContent {

    public record Key(String deviceId, String contentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "device_id")
    private String deviceId;
    @Id
    @Column(name = "content_id")
    private String contentId;
    @Column(name = "bytes_held")
    private long bytesHeld;
    private boolean complete;

    protected DeviceContent() {
    }

    public DeviceContent(String deviceId, String contentId, long bytesHeld, boolean complete) {
        this.deviceId = deviceId;
        this.contentId = contentId;
        this.bytesHeld = bytesHeld;
        this.complete = complete;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public String getContentId() {
        return contentId;
    }

    public long getBytesHeld() {
        return bytesHeld;
    }

    public boolean isComplete() {
        return complete;
    }
}
