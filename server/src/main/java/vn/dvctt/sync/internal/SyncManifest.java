package vn.dvctt.sync.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "sync_manifest")
public class SyncManifest {

    @Id
    @Column(name = "device_id")
    private String deviceId;
    private long version;
    @Column(name = "generated_at")
    private Instant generatedAt;
    @Column(name = "content_hash")
    private String contentHash;
    @Column(name = "manifest_json")
    private String manifestJson;
    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SyncManifest() {
    }

    public SyncManifest(String deviceId) {
        this.deviceId = deviceId;
    }

    public void issue(long version, Instant generatedAt, String contentHash, String manifestJson) {
        this.version = version;
        this.generatedAt = generatedAt;
        this.contentHash = contentHash;
        this.manifestJson = manifestJson;
        this.retiredAt = null;
    }

    public void retire(Instant at) {
        this.retiredAt = at;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public long getVersion() {
        return version;
    }

    public String getContentHash() {
        return contentHash;
    }

    public String getManifestJson() {
        return manifestJson;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }
}
