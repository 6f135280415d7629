package vn.dvctt.guide;

import java.time.Instant;
import java.util.List;
import vn.dvctt.content.ManifestEntry;

/**
 * One version of a guide's video. Size, content id (SHA-256 of the whole file), chunk size and chunk
 * hashes are set when the upload is COMPLETE and null/empty before; {@code failure} says why a FAILED
 * upload stopped.
 */
public record GuideFileData(long id, GuideId guide, int version, FileStatus status, String fileName, String mediaType,
                            Long sizeBytes, String contentId, Integer chunkSizeBytes, List<String> chunkHashes,
                            String failure, String uploadedBy, Instant startedAt, Instant completedAt) {

    public GuideFileData {
        chunkHashes = chunkHashes == null ? List.of() : List.copyOf(chunkHashes);
    }

    public boolean complete() {
        return status == FileStatus.COMPLETE;
    }

    /** This file as a device should fetch it. */
    public ManifestEntry toEntry(String title, int priority) {
        if (!complete()) {
            throw new IllegalStateException("File " + id + " is " + status);
        }
        return new ManifestEntry(contentId, guide.toString(), title, sizeBytes, chunkSizeBytes, chunkHashes, priority);
    }
}
