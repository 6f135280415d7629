package vn.dvctt.sync;

/** A device's retained manifest was cleared: it downloads nothing more, and is served no chunk. */
public record ManifestRetired(String deviceId) {
}
