package vn.dvctt.content;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One chunk of content as sent on {@link Channel#CHUNK}: a binary frame, because base64 in JSON would
 * cost a third more of a slow link. Layout of version 1, all integers unsigned big-endian:
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
 * A decoded chunk has arrived intact (its hash matches); whether it is the chunk the manifest expects
 * is {@link Chunking#verify}'s question.
 */
public final class Chunk {

    public static final int FRAME_VERSION = 1;
    public static final int HEADER_BYTES = 77;
    /** Largest frame a receiver accepts: header plus the largest chunk. */
    public static final int MAX_FRAME_BYTES = HEADER_BYTES + Chunking.MAX_CHUNK_SIZE_BYTES;

    private static final byte[] MAGIC = "DVCK".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final String contentId;
    private final int index;
    private final byte[] bytes;
    private final String sha256;

    private Chunk(String contentId, int index, byte[] bytes, String sha256) {
        this.contentId = contentId;
        this.index = index;
        this.bytes = bytes;
        this.sha256 = sha256;
    }

    /**
     * A chunk of {@code bytes}, which are copied.
     *
     * @throws IllegalArgumentException for a bad content id, a negative index or more than
     *         {@link Chunking#MAX_CHUNK_SIZE_BYTES} bytes
     */
    public static Chunk of(String contentId, int index, byte[] bytes) {
        Sha256.requireHex(contentId, "contentId");
        if (index < 0) {
            throw new IllegalArgumentException("chunk index must be >= 0, got " + index);
        }
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > Chunking.MAX_CHUNK_SIZE_BYTES) {
            throw new IllegalArgumentException("chunk of " + bytes.length + " bytes is larger than "
                    + Chunking.MAX_CHUNK_SIZE_BYTES);
        }
        byte[] copy = bytes.clone();
        return new Chunk(contentId, index, copy, Sha256.hex(copy));
    }

    public String contentId() {
        return contentId;
    }

    public int index() {
        return index;
    }

    public int length() {
        return bytes.length;
    }

    /** SHA-256 hex of the bytes. */
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
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + bytes.length);
        frame.put(MAGIC)
                .put((byte) FRAME_VERSION)
                .put(HEX.parseHex(contentId))
                .putInt(index)
                .putInt(bytes.length)
                .put(HEX.parseHex(sha256))
                .put(bytes);
        return frame.array();
    }

    /**
     * Reads a frame and checks that its bytes match the hash it carries.
     *
     * @throws ChunkRejectedException for anything but a complete, intact version-1 frame: too short,
     *         not starting with the magic, another version, a length over the maximum, bytes missing or
     *         extra after the chunk, or a hash mismatch
     */
    public static Chunk fromFrame(byte[] frame) {
        if (frame == null) {
            throw new ChunkRejectedException("chunk frame is null");
        }
        if (frame.length > MAX_FRAME_BYTES) {
            throw new ChunkRejectedException("chunk frame of " + frame.length + " bytes is larger than the "
                    + MAX_FRAME_BYTES + " allowed");
        }
        if (frame.length < HEADER_BYTES) {
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
        if (version != FRAME_VERSION) {
            throw new ChunkRejectedException("unsupported chunk frame version " + version + " (this build reads "
                    + FRAME_VERSION + ")");
        }
        String contentId = HEX.formatHex(frame, in.position(), in.position() + 32);
        in.position(in.position() + 32);
        long index = Integer.toUnsignedLong(in.getInt());
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
        if (in.remaining() < length) {
            throw new ChunkRejectedException("truncated chunk frame: declares " + length + " bytes, carries "
                    + in.remaining());
        }
        if (in.remaining() > length) {
            throw new ChunkRejectedException("chunk frame carries " + (in.remaining() - length)
                    + " bytes after the declared " + length);
        }
        byte[] bytes = Arrays.copyOfRange(frame, HEADER_BYTES, frame.length);
        String actualSha256 = Sha256.hex(bytes);
        if (!actualSha256.equals(declaredSha256)) {
            throw new ChunkRejectedException("chunk " + index + " of content " + contentId
                    + " does not match its hash: corrupted in transit");
        }
        return new Chunk(contentId, (int) index, bytes, actualSha256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chunk other && index == other.index && contentId.equals(other.contentId)
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentId, index, sha256);
    }

    @Override
    public String toString() {
        return "Chunk[contentId=" + contentId + ", index=" + index + ", length=" + bytes.length + ", sha256=" + sha256 + "]";
    }
}
