package vn.dvctt.device.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One content the device's current manifest lists. */
@Entity
@Table(name = "device_expected_content")
@IdClass(DeviceContent.Key.class)
public class ExpectedContent {

    @Id
    @Column(name = "device_id")
    private String deviceId;
    @Id
    @Column(name = "content_id")
    private String contentId;

    protected ExpectedContent() {
    }

    public ExpectedContent(String deviceId, String contentId) {
        this.deviceId = deviceId;
        this.contentId = contentId;
    }

    public String getContentId() {
        return contentId;
    }
}
