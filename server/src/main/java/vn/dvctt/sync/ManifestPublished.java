package vn.dvctt.sync;

/** A device was issued a new manifest version (published retained to the broker). */
public record ManifestPublished(String deviceId, long version, int guides, long totalBytes) {
}
