package vn.dvctt.media;

/**
 * An accepted image: the cleaned full-size file and its thumbnail, both addressed by SHA-256 in
 * the content store. The stored bytes carry no EXIF, GPS, XMP or text metadata.
 */
public record StoredImage(String sha256, String thumbnailSha256, String mediaType, int width, int height,
                          long bytes) {
}
