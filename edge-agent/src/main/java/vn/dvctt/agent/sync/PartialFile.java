package vn.dvctt.agent.sync;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import vn.dvctt.content.Chunk;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Sha256;

/**
 * A guide being downloaded: chunks are written at their offsets into {@code <id>.part}, and a small
 * progress record {@code <id>.progress} (a bitmap of the chunks held) is replaced atomically after
 * the part file was forced to disk. So the record never claims a chunk that a power cut could have
 * lost; at worst the chunks received since the last flush are fetched again.
 *
 * <p>A chunk may arrive in slices (content/docs/decisions/0005): each is written at its place at once,
 * but the chunk is held only when all its slices are on file and the chunk read back from the file
 * matches the manifest's hash. Which slices are on file is known in memory only, so after a restart a
 * half-received chunk is fetched again: at most one chunk per chunk being received.
 */
final class PartialFile implements Closeable {

    private static final int MAGIC = 0x44565047; // "DVPG"
    private static final int FORMAT = 1;
    /** The read-back of a chunk goes through this much heap at a time: the agent runs in 16 MB. */
    private static final int READ_BACK_BYTES = 16 * 1024;

    private final ManifestEntry entry;
    private final Path part;
    private final Path progress;
    private final FileChannel channel;
    private final OutputStream out;
    private final BitSet have;
    /** Slices on file of chunks not yet held, by chunk index; numbered by offset / slice size. */
    private final Map<Integer, BitSet> slices = new HashMap<>();
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
        slices.remove(chunk.index());
        markHeld(chunk.index());
    }

    private void markHeld(int index) {
        have.set(index);
        held++;
        sinceFlush++;
    }

    /** Whether slice number {@code slice} of chunk {@code index}, not yet held, is on file. */
    boolean hasSlice(int index, int slice) {
        BitSet on = slices.get(index);
        return on != null && on.get(slice);
    }

    /**
     * Writes a slice at its place (the chunk's offset plus the slice's): its range was checked against
     * the entry, and its number is its place on the requester's grid.
     *
     * @return how many slices of its chunk are now on file
     */
    int writeSlice(Chunk slice, int number) throws IOException {
        channel.position((long) slice.index() * entry.chunkSizeBytes() + slice.offset());
        slice.writeTo(out);
        BitSet on = slices.computeIfAbsent(slice.index(), i -> new BitSet());
        on.set(number);
        return on.cardinality();
    }

    /**
     * Every slice of chunk {@code index} is on file: reads the chunk back from the file, a small buffer at
     * a time, and holds it if it matches the manifest's hash. Otherwise its slices are forgotten, so they
     * are asked again.
     *
     * @return whether the chunk is now held
     */
    boolean completeFromSlices(int index) throws IOException {
        slices.remove(index);
        MessageDigest digest = Sha256.newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(READ_BACK_BYTES);
        long position = (long) index * entry.chunkSizeBytes();
        long end = position + entry.chunkLength(index);
        while (position < end) {
            buffer.clear().limit((int) Math.min(READ_BACK_BYTES, end - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                return false; // the file is shorter: a slice was never written
            }
            digest.update(buffer.array(), 0, n);
            position += n;
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(entry.chunkHashes().get(index))) {
            return false;
        }
        markHeld(index);
        return true;
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
