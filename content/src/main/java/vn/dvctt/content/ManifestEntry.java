package vn.dvctt.content;

import java.util.List;
import java.util.Objects;

/**
 * One guide the device should hold: a video addressed by the SHA-256 of the whole file, cut into
 * chunks of {@code chunkSizeBytes} (see {@link Chunking}), each listed with its own SHA-256 so a chunk
 * can be checked the moment it arrives.
 *
 * @param contentId      SHA-256 hex of the whole file; also the file's name in the agent's store
 * @param guideId        the server's guide id, for reports and the session page
 * @param title          shown on the session page
 * @param chunkHashes    SHA-256 hex of each chunk in order; {@code ceil(sizeBytes / chunkSizeBytes)} of them
 * @param priority       0 first; the agent fetches lower numbers first and, short of disk, evicts higher ones first
 */
public record ManifestEntry(String contentId, String guideId, String title, long sizeBytes, int chunkSizeBytes,
                            List<String> chunkHashes, int priority) {

    public static final int MAX_GUIDE_ID_LENGTH = 64;
    public static final int MAX_TITLE_LENGTH = 200;

    private static final String EMPTY_CONTENT_ID = Sha256.hex(new byte[0]);

    public ManifestEntry {
        Sha256.requireHex(contentId, "contentId");
        requireText(guideId, "guideId", MAX_GUIDE_ID_LENGTH);
        requireText(title, "title", MAX_TITLE_LENGTH);
        Objects.requireNonNull(chunkHashes, "chunkHashes");
        int count = Chunking.chunkCount(sizeBytes, chunkSizeBytes);
        if (chunkHashes.size() != count) {
            throw new IllegalArgumentException("content " + contentId + " of " + sizeBytes + " bytes in chunks of "
                    + chunkSizeBytes + " has " + count + " chunks, but " + chunkHashes.size() + " hashes are listed");
        }
        for (int i = 0; i < chunkHashes.size(); i++) {
            Sha256.requireHex(chunkHashes.get(i), "chunkHashes[" + i + "]");
        }
        // cheap consistency checks that catch a manifest built from the wrong file
        if (count == 1 && !chunkHashes.get(0).equals(contentId)) {
            throw new IllegalArgumentException("content " + contentId + " is one chunk, so its chunk hash must equal it");
        }
        if (count == 0 && !contentId.equals(EMPTY_CONTENT_ID)) {
            throw new IllegalArgumentException("empty content must have the SHA-256 of no bytes as contentId");
        }
        if (priority < 0) {
            throw new IllegalArgumentException("priority must be >= 0, got " + priority);
        }
        chunkHashes = List.copyOf(chunkHashes);
    }

    public int chunkCount() {
        return chunkHashes.size();
    }

    /** The length chunk {@code index} must have. */
    public int chunkLength(int index) {
        return Chunking.chunkLength(sizeBytes, chunkSizeBytes, index);
    }

    static void requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters, got "
                    + value.length());
        }
    }
}
