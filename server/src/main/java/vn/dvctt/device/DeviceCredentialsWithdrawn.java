package vn.dvctt.device;

/**
 * A device's credentials stopped being valid (revoked, or replaced by a new enrollment code); the
 * broker must drop its live connection. Published inside the transaction, acted on after commit.
 */
public record DeviceCredentialsWithdrawn(String deviceId) {
}
