package vn.dvctt.guide.internal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.dvctt.content.ChunkHasher;
import vn.dvctt.content.Chunking;
import vn.dvctt.media.ContentStore;
import vn.dvctt.media.StoredContent;
import vn.dvctt.shared.InvalidInputException;

/**
 * Streams a video into the content store and computes its chunk list in the same pass: the bytes the
 * store reads go through a {@link ChunkHasher} on their way, so a 2 GB upload costs a 64 KiB buffer, two
 * digests and the hash list, never the file. Only videos recognised by their first bytes are taken:
 * MP4 (an ISO base media file whose first box is {@code ftyp}, image brands such as HEIC/AVIF excluded)
 * and WebM/Matroska (EBML magic {@code 1A 45 DF A3}).
 */
@Component
public class VideoIntake {

    /** Enough for the ftyp box's brand and the EBML header's DocType. */
    private static final int HEAD_BYTES = 64;
    private static final Set<String> IMAGE_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
            "msf1", "avif", "avis");

    private final ContentStore store;
    private final long maxBytes;

    public VideoIntake(ContentStore store, @Value("${dvctt.guides.max-video-bytes:4294967296}") long maxBytes) {
        this.store = store;
        this.maxBytes = maxBytes;
    }

    /** A stored video: its media type and what a manifest entry needs. */
    public record Stored(String mediaType, Chunking.ChunkedContent content) {
    }

    /**
     * @throws InvalidInputException {@code guide.error.notVideo} for anything but MP4 or WebM/Matroska,
     *     {@code media.store.tooLarge} past the limit; nothing is kept then
     */
    public Stored store(InputStream in, String fileName) throws IOException {
        byte[] head = in.readNBytes(HEAD_BYTES);
        String mediaType = mediaType(head).orElseThrow(() -> new InvalidInputException("guide.error.notVideo",
                "Not an MP4 or WebM video: " + fileName, fileName == null ? "" : fileName));
        ChunkHasher hasher = new ChunkHasher(Chunking.DEFAULT_CHUNK_SIZE_BYTES);
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), in);
        StoredContent stored = store.put(new Tee(whole, hasher), maxBytes);
        Chunking.ChunkedContent content = hasher.finish();
        if (!content.contentId().equals(stored.sha256()) || content.sizeBytes() != stored.bytes()) {
            // both saw the same bytes in the same order; a difference is a bug, never a user error
            throw new IllegalStateException("Store and chunk hasher disagree about " + fileName);
        }
        return new Stored(mediaType, content);
    }

    /** The media type the first bytes announce, if a video we take. */
    static Optional<String> mediaType(byte[] head) {
        if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            if (IMAGE_BRANDS.contains(brand)) {
                return Optional.empty();
            }
            return Optional.of(brand.equals("qt  ") ? "video/quicktime" : "video/mp4");
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x1a && (head[1] & 0xff) == 0x45 && (head[2] & 0xff) == 0xdf
                && (head[3] & 0xff) == 0xa3) {
            return Optional.of(ascii(head, 0, head.length).contains("webm") ? "video/webm" : "video/x-matroska");
        }
        return Optional.empty();
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    /** Hands every byte read to the hasher as it passes. */
    private static final class Tee extends FilterInputStream {

        private final ChunkHasher hasher;

        Tee(InputStream in, ChunkHasher hasher) {
            super(in);
            this.hasher = hasher;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                hasher.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                hasher.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) {
            return 0; // a skipped byte would be stored unhashed; the store never skips
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
