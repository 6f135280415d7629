package vn.dvctt.media;

/** Bytes kept in the content store, named by their SHA-256. */
public record StoredContent(String sha256, long bytes) {
}
