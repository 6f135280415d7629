package vn.dvctt.device.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.dvctt.device.DeviceState;

@Entity
@Table(name = "device")
public class Device {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "device_id")
    private String deviceId;
    @Column(name = "venue_id")
    private long venueId;
    @Column(name = "venue_name")
    private String venueName;
    @Column(name = "unit_id")
    private long unitId;
    @Column(name = "unit_name")
    private String unitName;
    @Column(name = "unit_path")
    private String unitPath;
    @Enumerated(EnumType.STRING)
    private DeviceState state;
    @Column(name = "code_hash")
    private String codeHash;
    @Column(name = "code_expires_at")
    private Instant codeExpiresAt;
    @Column(name = "code_used_at")
    private Instant codeUsedAt;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "enrolled_at")
    private Instant enrolledAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "broker_pending")
    private boolean brokerPending;
    @Column(name = "expected_at")
    private Instant expectedAt;
    @Version
    private long version;

    protected Device() {
    }

    public Device(String deviceId, long venueId, String venueName, long unitId, String unitName, String unitPath,
                  Instant now) {
        this.deviceId = deviceId;
        this.venueId = venueId;
        this.venueName = venueName;
        this.unitId = unitId;
        this.unitName = unitName;
        this.unitPath = unitPath;
        this.state = DeviceState.PENDING;
        this.createdAt = now;
    }

    /** A new code replaces any earlier one and any credentials: the device starts over. */
    public void issueCode(String hash, Instant expiresAt) {
        state = DeviceState.PENDING;
        codeHash = hash;
        codeExpiresAt = expiresAt;
        codeUsedAt = null;
        passwordHash = null;
        enrolledAt = null;
        revokedAt = null;
    }

    public void revoke(Instant now) {
        state = DeviceState.REVOKED;
        passwordHash = null;
        revokedAt = now;
    }

    public void markBrokerPending(boolean pending) {
        brokerPending = pending;
    }

    public void expectedNow(Instant now) {
        expectedAt = now;
    }

    public void moveVenue(long venueId, String venueName, long unitId, String unitName, String unitPath) {
        this.venueId = venueId;
        this.venueName = venueName;
        this.unitId = unitId;
        this.unitName = unitName;
        this.unitPath = unitPath;
    }

    public Long getId() {
        return id;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public long getVenueId() {
        return venueId;
    }

    public String getVenueName() {
        return venueName;
    }

    public long getUnitId() {
        return unitId;
    }

    public String getUnitName() {
        return unitName;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public DeviceState getState() {
        return state;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public Instant getCodeExpiresAt() {
        return codeExpiresAt;
    }

    public Instant getCodeUsedAt() {
        return codeUsedAt;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isBrokerPending() {
        return brokerPending;
    }

    public Instant getExpectedAt() {
        return expectedAt;
    }
}
