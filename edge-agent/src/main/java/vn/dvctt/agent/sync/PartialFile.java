package vn.dvctt.agent.sync;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import vn.dvctt.content.Chunk;
import vn.dvctt.content.ManifestEntry;

/**
 * A guide being downloaded: chunks are written at their offsets into {@code <id>.part}, and a small
 * progress record {@code <id>.progress} (a bitmap of the chunks held) is replaced atomically after
 * the part file was forced to disk. So the record never claims a chunk that a power cut could have
 * lost; at worst the chunks received since the last flush are fetched again.
 */
final class PartialFile implements Closeable {

    private static final int MAGIC = 0x44565047; // "DVPG"
    private static final int FORMAT = 1;

    private final ManifestEntry entry;
    private final Path part;
    private final Path progress;
    private final FileChannel channel;
    private final OutputStream out;
    private final BitSet have;
    private int held;
    private int sinceFlush;

    private PartialFile(ManifestEntry entry, Path part, Path progress, FileChannel channel, BitSet have) {
        this.entry = entry;
        this.part = part;
        this.progress = progress;
        this.channel = channel;
        this.out = Channels.newOutputStream(channel);
        this.have = have;
        this.held = have.cardinality();
    }

    /** Opens the partial download of {@code entry}, resuming from its progress record when it matches. */
    static PartialFile open(ManifestEntry entry, Path part, Path progress) throws IOException {
        BitSet have = readProgress(entry, progress);
        if (have.isEmpty()) {
            Files.deleteIfExists(progress);
            Files.deleteIfExists(part); // bytes without a record are not trusted
        }
        FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new PartialFile(entry, part, progress, channel, have);
    }

    /** The chunks recorded as held, or none when there is no record or it does not describe this entry. */
    static BitSet readProgress(ManifestEntry entry, Path progress) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(progress))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readLong() != entry.sizeBytes()
                    || in.readInt() != entry.chunkSizeBytes() || in.readInt() != entry.chunkCount()) {
                return new BitSet();
            }
            byte[] bits = in.readAllBytes();
            BitSet have = BitSet.valueOf(bits);
            return have.length() > entry.chunkCount() ? new BitSet() : have;
        } catch (NoSuchFileException e) {
            return new BitSet();
        } catch (IOException e) {
            return new BitSet(); // truncated or unreadable: start this guide over
        }
    }

    ManifestEntry entry() {
        return entry;
    }

    boolean has(int index) {
        return have.get(index);
    }

    /** The first chunk at or after {@code from} not held, or {@code chunkCount} when none. */
    int nextMissing(int from) {
        return Math.min(have.nextClearBit(from), entry.chunkCount());
    }

    boolean isComplete() {
        return held == entry.chunkCount();
    }

    int chunksHeld() {
        return held;
    }

    long bytesHeld() {
        if (held == 0) {
            return 0;
        }
        int last = entry.chunkCount() - 1;
        long full = (long) (have.get(last) ? held - 1 : held) * entry.chunkSizeBytes();
        return full + (have.get(last) ? entry.chunkLength(last) : 0);
    }

    int chunksSinceFlush() {
        return sinceFlush;
    }

    Path path() {
        return part;
    }

    /** Writes a chunk already verified against the entry at its offset; not durable until {@link #flush()}. */
    void write(Chunk chunk) throws IOException {
        channel.position((long) chunk.index() * entry.chunkSizeBytes());
        chunk.writeTo(out);
        have.set(chunk.index());
        held++;
        sinceFlush++;
    }

    /** Forces the chunks to disk, then records them: the record must never run ahead of the data. */
    void flush() throws IOException {
        if (sinceFlush == 0 && Files.exists(progress)) {
            return;
        }
        channel.force(false);
        Path temp = progress.resolveSibling(progress.getFileName() + ".tmp");
        try (FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             DataOutputStream data = new DataOutputStream(Channels.newOutputStream(file))) {
            data.writeInt(MAGIC);
            data.writeInt(FORMAT);
            data.writeLong(entry.sizeBytes());
            data.writeInt(entry.chunkSizeBytes());
            data.writeInt(entry.chunkCount());
            data.write(have.toByteArray());
            data.flush();
            file.force(true);
        }
        Files.move(temp, progress, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        sinceFlush = 0;
    }

    /** Reads the part file from the start, for the whole-file check. */
    InputStream read() throws IOException {
        return Files.newInputStream(part);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Forgets everything: the part file and its record are deleted. */
    void discard() throws IOException {
        close();
        Files.deleteIfExists(part);
        Files.deleteIfExists(progress);
    }
}
