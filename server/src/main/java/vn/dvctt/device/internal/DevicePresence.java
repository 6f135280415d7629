package vn.dvctt.device.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "device_presence")
public class DevicePresence {

    @Id
    @Column(name = "device_id")
    private String deviceId;
    private boolean online;
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;
    @Column(name = "agent_version")
    private String agentVersion;
    @Column(name = "free_disk_bytes")
    private Long freeDiskBytes;
    @Column(name = "last_sync_at")
    private Instant lastSyncAt;
    @Column(name = "inventory_at")
    private Long inventoryAt;
    @Column(name = "manifest_version")
    private Long manifestVersion;

    protected DevicePresence() {
    }

    public DevicePresence(String deviceId, Instant now) {
        this.deviceId = deviceId;
        this.lastSeenAt = now;
    }

    public void status(boolean online, String agentVersion, Instant now) {
        this.online = online;
        this.agentVersion = agentVersion;
        this.statusChangedAt = now;
        this.lastSeenAt = now;
    }

    public void heartbeat(String agentVersion, long freeDiskBytes, Instant lastSyncAt, Instant now) {
        this.online = true;
        this.agentVersion = agentVersion;
        this.freeDiskBytes = freeDiskBytes;
        if (lastSyncAt != null) {
            this.lastSyncAt = lastSyncAt;
        }
        this.lastSeenAt = now;
    }

    /** @return false when the snapshot is older than the one held (a late duplicate) */
    public boolean inventory(long at, long manifestVersion, Instant now) {
        if (inventoryAt != null && at < inventoryAt) {
            return false;
        }
        this.inventoryAt = at;
        this.manifestVersion = manifestVersion;
        this.lastSeenAt = now;
        return true;
    }

    public void offline(Instant now) {
        this.online = false;
        this.statusChangedAt = now;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public boolean isOnline() {
        return online;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public String getAgentVersion() {
        return agentVersion;
    }

    public Long getFreeDiskBytes() {
        return freeDiskBytes;
    }

    public Instant getLastSyncAt() {
        return lastSyncAt;
    }
}
