package vn.dvctt.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * How content is cut into chunks and checked. A file of {@code size} bytes has
 * {@code ceil(size / chunkSize)} chunks; every chunk is {@code chunkSize} bytes except the last,
 * which holds the rest; an empty file has no chunks. Sizes and the default are argued in
 * docs/decisions/0003.
 */
public final class Chunking {

    /** Smaller chunks make the manifest's hash list grow past any use. */
    public static final int MIN_CHUNK_SIZE_BYTES = 4 * 1024;

    /**
     * A frame ({@link Chunk#SLICE_HEADER_BYTES} + chunk) plus topic and MQTT header must stay under the 1 MiB
     * default maximum packet size of EMQX, the smallest default among the brokers we deploy.
     */
    public static final int MAX_CHUNK_SIZE_BYTES = 960 * 1024;

    /** About 1 s at 4 Mbit/s and 4 s at 1 Mbit/s, so a link cut every 30 s wastes at most one small chunk. */
    public static final int DEFAULT_CHUNK_SIZE_BYTES = 512 * 1024;

    private static final int BUFFER_SIZE = 64 * 1024;

    private Chunking() {
    }

    /** The chunk hashes of one content, as a manifest entry carries them. */
    public record ChunkedContent(String contentId, long sizeBytes, int chunkSizeBytes, List<String> chunkHashes) {

        public ChunkedContent {
            Sha256.requireHex(contentId, "contentId");
            chunkHashes = List.copyOf(chunkHashes);
            if (chunkHashes.size() != chunkCount(sizeBytes, chunkSizeBytes)) {
                throw new IllegalArgumentException("expected " + chunkCount(sizeBytes, chunkSizeBytes)
                        + " chunk hashes, got " + chunkHashes.size());
            }
        }

        /** The manifest entry for this content as one guide. */
        public ManifestEntry toEntry(String guideId, String title, int priority) {
            return new ManifestEntry(contentId, guideId, title, sizeBytes, chunkSizeBytes, chunkHashes, priority);
        }
    }

    /**
     * @throws IllegalArgumentException for a chunk size outside
     *         [{@link #MIN_CHUNK_SIZE_BYTES}, {@link #MAX_CHUNK_SIZE_BYTES}] or a negative size
     */
    public static int chunkCount(long sizeBytes, int chunkSizeBytes) {
        requireChunkSize(chunkSizeBytes);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, got " + sizeBytes);
        }
        long count = (sizeBytes + chunkSizeBytes - 1) / chunkSizeBytes;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("content of " + sizeBytes + " bytes has too many chunks");
        }
        return (int) count;
    }

    /** The length of chunk {@code index}: the chunk size, or the rest for the last chunk. */
    public static int chunkLength(long sizeBytes, int chunkSizeBytes, int index) {
        int count = chunkCount(sizeBytes, chunkSizeBytes);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("chunk index " + index + " outside 0.." + (count - 1));
        }
        return (int) Math.min(chunkSizeBytes, sizeBytes - (long) index * chunkSizeBytes);
    }

    public static int requireChunkSize(int chunkSizeBytes) {
        if (chunkSizeBytes < MIN_CHUNK_SIZE_BYTES || chunkSizeBytes > MAX_CHUNK_SIZE_BYTES) {
            throw new IllegalArgumentException("chunkSizeBytes must be " + MIN_CHUNK_SIZE_BYTES + ".."
                    + MAX_CHUNK_SIZE_BYTES + ", got " + chunkSizeBytes);
        }
        return chunkSizeBytes;
    }

    /**
     * Hashes the stream to its end in one pass through a fixed buffer: the whole content and each chunk.
     * Memory does not grow with the content. The stream is left open for its owner.
     */
    public static ChunkedContent hash(InputStream in, int chunkSizeBytes) throws IOException {
        requireChunkSize(chunkSizeBytes);
        Objects.requireNonNull(in, "in");
        MessageDigest whole = Sha256.newDigest();
        MessageDigest chunk = Sha256.newDigest();
        HexFormat hex = HexFormat.of();
        List<String> chunkHashes = new ArrayList<>();
        byte[] buffer = new byte[BUFFER_SIZE];
        long size = 0;
        int inChunk = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            whole.update(buffer, 0, n);
            size += n;
            int off = 0;
            while (off < n) {
                int take = Math.min(n - off, chunkSizeBytes - inChunk);
                chunk.update(buffer, off, take);
                off += take;
                inChunk += take;
                if (inChunk == chunkSizeBytes) {
                    chunkHashes.add(hex.formatHex(chunk.digest())); // digest() also resets it
                    inChunk = 0;
                }
            }
        }
        if (inChunk > 0) {
            chunkHashes.add(hex.formatHex(chunk.digest()));
        }
        return new ChunkedContent(hex.formatHex(whole.digest()), size, chunkSizeBytes, chunkHashes);
    }

    public static ChunkedContent hash(Path file, int chunkSizeBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hash(in, chunkSizeBytes);
        }
    }

    /**
     * Checks a received whole chunk against the manifest entry it belongs to: same content, an index the
     * entry has, the length that index must have and the hash the manifest lists for it. A slice frame
     * that covers its whole chunk passes too. The manifest
     * is the authority; the hash inside the frame only proves the frame arrived intact.
     *
     * @throws ChunkRejectedException saying which check failed
     */
    public static void verify(ManifestEntry entry, Chunk chunk) {
        requirePlace(entry, chunk);
        int expectedLength = entry.chunkLength(chunk.index());
        if (chunk.offset() != 0) {
            throw new ChunkRejectedException("slice at " + chunk.offset() + " of chunk " + chunk.index() + " of content "
                    + entry.contentId() + " is not the whole chunk");
        }
        if (chunk.length() != expectedLength) {
            throw new ChunkRejectedException("chunk " + chunk.index() + " of content " + entry.contentId() + " is "
                    + chunk.length() + " bytes, the manifest says " + expectedLength);
        }
        if (!entry.chunkHashes().get(chunk.index()).equals(chunk.sha256())) {
            throw new ChunkRejectedException("chunk " + chunk.index() + " of content " + entry.contentId()
                    + " does not match the manifest's hash");
        }
    }

    /**
     * Checks a received slice against the manifest entry: same content, an index the entry has, and a
     * range inside that chunk's length. Its bytes cannot be checked alone (the manifest hashes whole
     * chunks); the receiver checks the chunk when every slice of it is in (docs/decisions/0005).
     *
     * @throws ChunkRejectedException saying which check failed
     */
    public static void verifySlice(ManifestEntry entry, Chunk slice) {
        requirePlace(entry, slice);
        int chunkLength = entry.chunkLength(slice.index());
        if ((long) slice.offset() + slice.length() > chunkLength) {
            throw new ChunkRejectedException("slice of " + slice.length() + " bytes at " + slice.offset() + " ends past chunk "
                    + slice.index() + " of content " + entry.contentId() + ", which is " + chunkLength + " bytes");
        }
    }

    private static void requirePlace(ManifestEntry entry, Chunk chunk) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(chunk, "chunk");
        if (!entry.contentId().equals(chunk.contentId())) {
            throw new ChunkRejectedException("chunk of content " + chunk.contentId() + " does not belong to content "
                    + entry.contentId());
        }
        if (chunk.index() >= entry.chunkCount()) {
            throw new ChunkRejectedException("chunk index " + chunk.index() + " outside content " + entry.contentId()
                    + " of " + entry.chunkCount() + " chunks");
        }
    }

    /**
     * Whether a stored content is exactly what the entry describes (size, every chunk, the whole hash);
     * the agent checks this before a guide becomes playable.
     */
    public static boolean matches(ManifestEntry entry, InputStream content) throws IOException {
        ChunkedContent actual = hash(content, entry.chunkSizeBytes());
        return actual.contentId().equals(entry.contentId())
                && actual.sizeBytes() == entry.sizeBytes()
                && actual.chunkHashes().equals(entry.chunkHashes());
    }
}
