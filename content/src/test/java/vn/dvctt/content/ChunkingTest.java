package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkingTest {

    private static final int CHUNK = Chunking.MIN_CHUNK_SIZE_BYTES;

    @TempDir
    Path dir;

    @Test
    void hashesFileWhoseSizeIsNotAMultipleOfTheChunkSize() throws IOException {
        byte[] content = random(2 * CHUNK + 1000);
        Path file = Files.write(dir.resolve("guide.mp4"), content);

        Chunking.ChunkedContent chunked = Chunking.hash(file, CHUNK);

        assertThat(chunked.contentId()).isEqualTo(Sha256.hex(content));
        assertThat(chunked.sizeBytes()).isEqualTo(content.length);
        assertThat(chunked.chunkHashes()).containsExactly(
                Sha256.hex(Arrays.copyOfRange(content, 0, CHUNK)),
                Sha256.hex(Arrays.copyOfRange(content, CHUNK, 2 * CHUNK)),
                Sha256.hex(Arrays.copyOfRange(content, 2 * CHUNK, content.length)));
    }

    @Test
    void hashesFileOfExactlyTwoChunksIntoTwoHashes() throws IOException {
        byte[] content = random(2 * CHUNK);

        Chunking.ChunkedContent chunked = Chunking.hash(new ByteArrayInputStream(content), CHUNK);

        assertThat(chunked.chunkHashes()).hasSize(2);
        assertThat(chunked.chunkHashes().get(1)).isEqualTo(Sha256.hex(Arrays.copyOfRange(content, CHUNK, 2 * CHUNK)));
    }

    @Test
    void zeroLengthFileHasNoChunksAndTheHashOfNothing() throws IOException {
        Path file = Files.write(dir.resolve("empty.mp4"), new byte[0]);

        Chunking.ChunkedContent chunked = Chunking.hash(file, CHUNK);

        assertThat(chunked.contentId()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(chunked.sizeBytes()).isZero();
        assertThat(chunked.chunkHashes()).isEmpty();
        assertThat(chunked.toEntry("g", "empty", 0).chunkCount()).isZero();
    }

    @Test
    void streamedHashingMatchesHashingTheBytesWhateverTheReadSizes() throws IOException {
        byte[] content = random(5 * CHUNK + 17);
        InputStream trickle = new ByteArrayInputStream(content) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 777)); // reads that straddle chunk boundaries
            }

            @Override
            public synchronized byte[] readAllBytes() {
                throw new AssertionError("must not read the whole stream into memory");
            }
        };

        Chunking.ChunkedContent chunked = Chunking.hash(trickle, CHUNK);

        List<String> expected = IntStream.range(0, 6)
                .mapToObj(i -> Sha256.hex(Arrays.copyOfRange(content, i * CHUNK, Math.min(content.length, (i + 1) * CHUNK))))
                .toList();
        assertThat(chunked.chunkHashes()).isEqualTo(expected);
        assertThat(chunked.contentId()).isEqualTo(Sha256.hex(content));
    }

    @Test
    void singleChunkContentHasItsContentIdAsChunkHash() throws IOException {
        byte[] content = random(100);

        Chunking.ChunkedContent chunked = Chunking.hash(new ByteArrayInputStream(content), CHUNK);

        assertThat(chunked.chunkHashes()).containsExactly(chunked.contentId());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "4096, 1", "4097, 2", "8192, 2", "1200000, 293"})
    void countsChunksAsSizeOverChunkSizeRoundedUp(long size, int count) {
        assertThat(Chunking.chunkCount(size, CHUNK)).isEqualTo(count);
    }

    @Test
    void lastChunkHoldsTheRest() {
        assertThat(Chunking.chunkLength(10_000, CHUNK, 0)).isEqualTo(CHUNK);
        assertThat(Chunking.chunkLength(10_000, CHUNK, 2)).isEqualTo(10_000 - 2 * CHUNK);
        assertThatIllegalArgumentException().isThrownBy(() -> Chunking.chunkLength(10_000, CHUNK, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> Chunking.chunkLength(10_000, CHUNK, -1));
    }

    @Test
    void refusesChunkSizesOutsideTheAllowedRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> Chunking.chunkCount(1, Chunking.MIN_CHUNK_SIZE_BYTES - 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Chunking.chunkCount(1, Chunking.MAX_CHUNK_SIZE_BYTES + 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Chunking.hash(InputStream.nullInputStream(), 0));
    }

    @Test
    void defaultChunkTakesAboutASecondAtFourMegabitsAndFitsTheBrokerPacketLimit() {
        double secondsAtFourMbit = Chunking.DEFAULT_CHUNK_SIZE_BYTES * 8 / 4_000_000.0;

        assertThat(secondsAtFourMbit).isBetween(0.5, 2.0);
        assertThat(Chunk.MAX_FRAME_BYTES + 200).isLessThanOrEqualTo(1024 * 1024);
    }

    @Test
    void acceptsEveryChunkOfTheContentTheEntryDescribes() throws IOException {
        byte[] content = random(2 * CHUNK + 1000);
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(content), CHUNK).toEntry("g", "t", 0);

        for (int i = 0; i < entry.chunkCount(); i++) {
            byte[] bytes = Arrays.copyOfRange(content, i * CHUNK, Math.min(content.length, (i + 1) * CHUNK));
            Chunk received = Chunk.fromFrame(Chunk.of(entry.contentId(), i, bytes).toFrame());

            Chunking.verify(entry, received);
        }
        assertThat(Chunking.matches(entry, new ByteArrayInputStream(content))).isTrue();
    }

    @Test
    void rejectsChunkWithAFlippedByteEvenWhenItsFrameHashWasRecomputed() throws IOException {
        byte[] content = random(2 * CHUNK);
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(content), CHUNK).toEntry("g", "t", 0);
        byte[] bytes = Arrays.copyOfRange(content, CHUNK, 2 * CHUNK);
        bytes[100] ^= (byte) 0x80;
        Chunk wrong = Chunk.of(entry.contentId(), 1, bytes); // a consistent frame of the wrong bytes

        assertThatThrownBy(() -> Chunking.verify(entry, wrong))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("chunk 1 of content " + entry.contentId() + " does not match the manifest's hash");
    }

    @Test
    void rejectsChunkOfAnotherContentAnIndexTheEntryLacksOrTheWrongLength() throws IOException {
        byte[] content = random(CHUNK + 10);
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(content), CHUNK).toEntry("g", "t", 0);

        assertThatThrownBy(() -> Chunking.verify(entry, Chunk.of(Sha256.hex(new byte[] {7}), 0, new byte[CHUNK])))
                .isInstanceOf(ChunkRejectedException.class).hasMessageContaining("does not belong to content");
        assertThatThrownBy(() -> Chunking.verify(entry, Chunk.of(entry.contentId(), 2, new byte[10])))
                .isInstanceOf(ChunkRejectedException.class).hasMessageContaining("chunk index 2 outside content");
        assertThatThrownBy(() -> Chunking.verify(entry, Chunk.of(entry.contentId(), 1, new byte[11])))
                .isInstanceOf(ChunkRejectedException.class).hasMessageEndingWith("is 11 bytes, the manifest says 10");
    }

    @Test
    void aSliceMustLieInsideItsChunkWhateverItsBytes() throws IOException {
        byte[] content = random(CHUNK + 10);
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(content), CHUNK).toEntry("g", "t", 0);

        Chunking.verifySlice(entry, Chunk.slice(entry.contentId(), 0, CHUNK - 100, new byte[100]));
        Chunking.verifySlice(entry, Chunk.slice(entry.contentId(), 1, 0, new byte[10]));
        assertThatThrownBy(() -> Chunking.verifySlice(entry, Chunk.slice(entry.contentId(), 1, 5, new byte[6])))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("slice of 6 bytes at 5 ends past chunk 1 of content " + entry.contentId() + ", which is 10 bytes");
        assertThatThrownBy(() -> Chunking.verifySlice(entry, Chunk.slice(entry.contentId(), 2, 0, new byte[1])))
                .isInstanceOf(ChunkRejectedException.class).hasMessageContaining("chunk index 2 outside content");
        assertThatThrownBy(() -> Chunking.verifySlice(entry, Chunk.slice(Sha256.hex(new byte[] {7}), 0, 0, new byte[1])))
                .isInstanceOf(ChunkRejectedException.class).hasMessageContaining("does not belong to content");
    }

    @Test
    void aSliceCoveringItsWholeChunkIsVerifiedLikeAChunkAndAPartialOneIsNot() throws IOException {
        byte[] content = random(CHUNK + 10);
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(content), CHUNK).toEntry("g", "t", 0);

        Chunking.verify(entry, Chunk.slice(entry.contentId(), 1, 0, Arrays.copyOfRange(content, CHUNK, CHUNK + 10)));
        assertThatThrownBy(() -> Chunking.verify(entry, Chunk.slice(entry.contentId(), 1, 5,
                Arrays.copyOfRange(content, CHUNK + 5, CHUNK + 10))))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("slice at 5 of chunk 1 of content " + entry.contentId() + " is not the whole chunk");
        assertThatThrownBy(() -> Chunking.verify(entry, Chunk.slice(entry.contentId(), 0, 0,
                Arrays.copyOfRange(content, 0, 100))))
                .isInstanceOf(ChunkRejectedException.class).hasMessageEndingWith("is 100 bytes, the manifest says " + CHUNK);
    }

    @Test
    void wholeContentWithOneByteChangedDoesNotMatchItsEntry() throws IOException {
        byte[] content = random(3 * CHUNK);
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(content), CHUNK).toEntry("g", "t", 0);
        content[2 * CHUNK + 5] ^= 1;

        assertThat(Chunking.matches(entry, new ByteArrayInputStream(content))).isFalse();
        assertThat(Chunking.matches(entry, new ByteArrayInputStream(Arrays.copyOf(content, 2 * CHUNK)))).isFalse();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
