package vn.dvctt.device;

/** A device exchanged its code for credentials; the sync feature may publish its manifest now. */
public record DeviceEnrolled(String deviceId, long venueId) {
}
