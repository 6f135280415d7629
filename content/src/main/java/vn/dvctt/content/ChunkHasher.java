package vn.dvctt.content;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@link Chunking#hash(java.io.InputStream, int)} for bytes that pass by rather than a stream it may read:
 * a server storing an upload feeds each buffer it writes here, so the store's copy and the chunk list
 * come from one pass over the bytes. Memory stays one digest per chunk in progress plus the hex list.
 * Not thread-safe; {@link #finish()} once.
 */
public final class ChunkHasher extends OutputStream {

    private final int chunkSizeBytes;
    private final MessageDigest whole = Sha256.newDigest();
    private final MessageDigest chunk = Sha256.newDigest();
    private final HexFormat hex = HexFormat.of();
    private final List<String> chunkHashes = new ArrayList<>();
    private long size;
    private int inChunk;
    private boolean finished;

    /** @throws IllegalArgumentException for a chunk size {@link Chunking} does not allow */
    public ChunkHasher(int chunkSizeBytes) {
        this.chunkSizeBytes = Chunking.requireChunkSize(chunkSizeBytes);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("already finished");
        }
        whole.update(buffer, offset, length);
        size += length;
        int off = offset;
        int end = offset + length;
        while (off < end) {
            int take = Math.min(end - off, chunkSizeBytes - inChunk);
            chunk.update(buffer, off, take);
            off += take;
            inChunk += take;
            if (inChunk == chunkSizeBytes) {
                chunkHashes.add(hex.formatHex(chunk.digest())); // digest() also resets it
                inChunk = 0;
            }
        }
    }

    /** Bytes seen so far. */
    public long size() {
        return size;
    }

    /** The content id, size and chunk hashes of everything written; the same as {@link Chunking#hash}. */
    public Chunking.ChunkedContent finish() {
        if (finished) {
            throw new IllegalStateException("already finished");
        }
        finished = true;
        if (inChunk > 0) {
            chunkHashes.add(hex.formatHex(chunk.digest()));
        }
        return new Chunking.ChunkedContent(hex.formatHex(whole.digest()), size, chunkSizeBytes, chunkHashes);
    }
}
