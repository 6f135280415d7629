package vn.dvctt.device;

import java.time.Instant;

/**
 * A device as the fleet list shows it. Presence fields are null until the device has reported.
 *
 * @param completePercent content complete against the device's current manifest when the sync feature
 *                        told it ({@code measuredAgainstManifest}), otherwise against what its inventory
 *                        lists; null when there is nothing to measure yet
 */
public record DeviceData(String deviceId, long venueId, String venueName, String unitName, String unitPath,
                         DeviceState state, Instant createdAt, Instant enrolledAt, Instant revokedAt,
                         Instant codeExpiresAt, boolean online, Instant lastSeenAt, String agentVersion,
                         Long freeDiskBytes, Instant lastSyncAt, Integer completePercent,
                         boolean measuredAgainstManifest, int contentComplete, int contentCounted) {

    /** A code was issued and has not run out yet. */
    public boolean codeOutstanding(Instant now) {
        return state == DeviceState.PENDING && codeExpiresAt != null && codeExpiresAt.isAfter(now);
    }
}
