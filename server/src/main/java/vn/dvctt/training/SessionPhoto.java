package vn.dvctt.training;

import java.time.Instant;

/** A photo of a session, by its content hash in the media store. */
public record SessionPhoto(long id, long sessionId, String sha256, String thumbnailSha256, String mediaType, int width,
                           int height, Instant uploadedAt, String uploadedBy) {
}
