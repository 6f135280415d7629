package vn.dvctt.content;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Bytes of one chunk of content as sent on {@link Channel#CHUNK}: a binary frame, because base64 in JSON
 * would cost a third more of a slow link. All integers unsigned big-endian. Version 1 carries a whole
 * chunk:
 *
 * <pre>
 * offset size  field
 *      0    4  magic "DVCK"
 *      4    1  frame version (1)
 *      5   32  contentId, SHA-256 of the whole content, raw bytes
 *     37    4  chunk index
 *     41    4  length of the chunk bytes
 *     45   32  SHA-256 of the chunk bytes, raw
 *     77    n  the chunk bytes; the frame ends exactly here
 * </pre>
 *
 * Version 2 carries a <em>slice</em>: the bytes at an offset inside the chunk, the answer to a version 2
 * {@link ChunkRequest} (docs/decisions/0005). Its hash covers the slice's bytes only, so it proves the
 * frame arrived intact; that the assembled chunk is the one the manifest lists is checked when every
 * slice of it is in.
 *
 * <pre>
 * offset size  field
 *      0    4  magic "DVCK"
 *      4    1  frame version (2)
 *      5   32  contentId, SHA-256 of the whole content, raw bytes
 *     37    4  chunk index
 *     41    4  offset of these bytes inside the chunk
 *     45    4  length n of these bytes, 1..983040; offset + n at most 983040
 *     49   32  SHA-256 of these n bytes, raw
 *     81    n  the bytes; the frame ends exactly here
 * </pre>
 *
 * A decoded frame has arrived intact (its hash matches); whether a whole chunk is the chunk the
 * manifest expects is {@link Chunking#verify}'s question, whether a slice lies inside its chunk
 * {@link Chunking#verifySlice}'s.
 */
public final class Chunk {

    /** The whole-chunk frame. */
    public static final int FRAME_VERSION = 1;
    /** The slice frame. */
    public static final int SLICE_FRAME_VERSION = 2;
    public static final int HEADER_BYTES = 77;
    public static final int SLICE_HEADER_BYTES = 81;
    /** Largest frame a receiver accepts: the larger header plus the largest chunk. */
    public static final int MAX_FRAME_BYTES = SLICE_HEADER_BYTES + Chunking.MAX_CHUNK_SIZE_BYTES;

    private static final byte[] MAGIC = "DVCK".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final int version;
    private final String contentId;
    private final int index;
    private final int offset;
    private final byte[] bytes;
    private final String sha256;

    private Chunk(int version, String contentId, int index, int offset, byte[] bytes, String sha256) {
        this.version = version;
        this.contentId = contentId;
        this.index = index;
        this.offset = offset;
        this.bytes = bytes;
        this.sha256 = sha256;
    }

    /**
     * A whole chunk of {@code bytes}, which are copied (a version 1 frame).
     *
     * @throws IllegalArgumentException for a bad content id, a negative index or more than
     *         {@link Chunking#MAX_CHUNK_SIZE_BYTES} bytes
     */
    public static Chunk of(String contentId, int index, byte[] bytes) {
        requireHeader(contentId, index);
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > Chunking.MAX_CHUNK_SIZE_BYTES) {
            throw new IllegalArgumentException("chunk of " + bytes.length + " bytes is larger than "
                    + Chunking.MAX_CHUNK_SIZE_BYTES);
        }
        byte[] copy = bytes.clone();
        return new Chunk(FRAME_VERSION, contentId, index, 0, copy, Sha256.hex(copy));
    }

    /**
     * The {@code bytes} at {@code offset} inside chunk {@code index}, which are copied (a version 2 frame).
     *
     * @throws IllegalArgumentException for a bad content id, a negative index or offset, no bytes, or a
     *         slice ending past {@link Chunking#MAX_CHUNK_SIZE_BYTES}
     */
    public static Chunk slice(String contentId, int index, int offset, byte[] bytes) {
        requireHeader(contentId, index);
        Objects.requireNonNull(bytes, "bytes");
        ChunkRequest.requireSlice(offset, bytes.length);
        byte[] copy = bytes.clone();
        return new Chunk(SLICE_FRAME_VERSION, contentId, index, offset, copy, Sha256.hex(copy));
    }

    private static void requireHeader(String contentId, int index) {
        Sha256.requireHex(contentId, "contentId");
        if (index < 0) {
            throw new IllegalArgumentException("chunk index must be >= 0, got " + index);
        }
    }

    /** {@link #FRAME_VERSION} for a whole chunk, {@link #SLICE_FRAME_VERSION} for a slice. */
    public int frameVersion() {
        return version;
    }

    /** True for a slice frame (version 2), even one that happens to cover its whole chunk. */
    public boolean isSlice() {
        return version == SLICE_FRAME_VERSION;
    }

    public String contentId() {
        return contentId;
    }

    public int index() {
        return index;
    }

    /** Where these bytes start inside the chunk: 0 for a whole chunk. */
    public int offset() {
        return offset;
    }

    public int length() {
        return bytes.length;
    }

    /** SHA-256 hex of the bytes (of the slice's bytes, for a slice). */
    public String sha256() {
        return sha256;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Writes the bytes without copying them, e.g. into the agent's partial file. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    /** The MQTT payload. */
    public byte[] toFrame() {
        boolean slice = isSlice();
        ByteBuffer frame = ByteBuffer.allocate((slice ? SLICE_HEADER_BYTES : HEADER_BYTES) + bytes.length);
        frame.put(MAGIC)
                .put((byte) version)
                .put(HEX.parseHex(contentId))
                .putInt(index);
        if (slice) {
            frame.putInt(offset);
        }
        frame.putInt(bytes.length)
                .put(HEX.parseHex(sha256))
                .put(bytes);
        return frame.array();
    }

    /**
     * Reads a frame of either version and checks that its bytes match the hash it carries.
     *
     * @throws ChunkRejectedException for anything but a complete, intact version 1 or 2 frame: too short,
     *         not starting with the magic, another version, a length over the maximum, a slice that is
     *         empty or ends past the largest chunk, bytes missing or extra after the declared ones, or a
     *         hash mismatch
     */
    public static Chunk fromFrame(byte[] frame) {
        if (frame == null) {
            throw new ChunkRejectedException("chunk frame is null");
        }
        if (frame.length > MAX_FRAME_BYTES) {
            throw new ChunkRejectedException("chunk frame of " + frame.length + " bytes is larger than the "
                    + MAX_FRAME_BYTES + " allowed");
        }
        if (frame.length < MAGIC.length + 1) {
            throw new ChunkRejectedException("truncated chunk frame: " + frame.length + " bytes, the header alone is "
                    + HEADER_BYTES);
        }
        ByteBuffer in = ByteBuffer.wrap(frame);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ChunkRejectedException("not a chunk frame: it does not start with \"DVCK\"");
        }
        int version = Byte.toUnsignedInt(in.get());
        if (version != FRAME_VERSION && version != SLICE_FRAME_VERSION) {
            throw new ChunkRejectedException("unsupported chunk frame version " + version + " (this build reads "
                    + FRAME_VERSION + " and " + SLICE_FRAME_VERSION + ")");
        }
        boolean slice = version == SLICE_FRAME_VERSION;
        int headerBytes = slice ? SLICE_HEADER_BYTES : HEADER_BYTES;
        if (frame.length < headerBytes) {
            throw new ChunkRejectedException("truncated chunk frame: " + frame.length + " bytes, the header alone is "
                    + headerBytes);
        }
        String contentId = HEX.formatHex(frame, in.position(), in.position() + 32);
        in.position(in.position() + 32);
        long index = Integer.toUnsignedLong(in.getInt());
        long offset = slice ? Integer.toUnsignedLong(in.getInt()) : 0;
        long length = Integer.toUnsignedLong(in.getInt());
        String declaredSha256 = HEX.formatHex(frame, in.position(), in.position() + 32);
        in.position(in.position() + 32);
        if (index > Integer.MAX_VALUE) {
            throw new ChunkRejectedException("chunk index " + index + " is out of range");
        }
        if (length > Chunking.MAX_CHUNK_SIZE_BYTES) {
            throw new ChunkRejectedException("chunk frame declares " + length + " bytes, more than the "
                    + Chunking.MAX_CHUNK_SIZE_BYTES + " allowed");
        }
        if (slice) {
            try {
                ChunkRequest.requireSlice(offset, length);
            } catch (IllegalArgumentException e) {
                throw new ChunkRejectedException("slice frame of chunk " + index + " is out of range: " + e.getMessage());
            }
        }
        if (in.remaining() < length) {
            throw new ChunkRejectedException("truncated chunk frame: declares " + length + " bytes, carries "
                    + in.remaining());
        }
        if (in.remaining() > length) {
            throw new ChunkRejectedException("chunk frame carries " + (in.remaining() - length)
                    + " bytes after the declared " + length);
        }
        byte[] bytes = Arrays.copyOfRange(frame, headerBytes, frame.length);
        String actualSha256 = Sha256.hex(bytes);
        if (!actualSha256.equals(declaredSha256)) {
            throw new ChunkRejectedException((slice ? "slice at " + offset + " of chunk " : "chunk ") + index
                    + " of content " + contentId + " does not match its hash: corrupted in transit");
        }
        return new Chunk(version, contentId, (int) index, (int) offset, bytes, actualSha256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chunk other && version == other.version && index == other.index && offset == other.offset
                && contentId.equals(other.contentId) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, contentId, index, offset, sha256);
    }

    @Override
    public String toString() {
        return "Chunk[version=" + version + ", contentId=" + contentId + ", index=" + index + ", offset=" + offset
                + ", length=" + bytes.length + ", sha256=" + sha256 + "]";
    }
}
