package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.content.Golden.CHUNK;
import static vn.dvctt.content.Golden.SLICE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkTest {

    @Test
    void encodingMatchesTheGoldenFile() throws IOException {
        assertThat(CHUNK.toFrame())
                .as("frame layout changed: bump FRAME_VERSION and add a new golden file instead of editing v1")
                .isEqualTo(Golden.resource("/golden/chunk-v1.bin"));
    }

    @Test
    void goldenFileDecodesToTheFixedChunk() throws IOException {
        Chunk chunk = Chunk.fromFrame(Golden.resource("/golden/chunk-v1.bin"));

        assertThat(chunk).isEqualTo(CHUNK);
        assertThat(chunk.bytes()).isEqualTo(Golden.bytes(Golden.CHUNK_TEXT));
        assertThat(chunk.sha256()).isEqualTo(Golden.ONE_CHUNK.contentId());
    }

    @Test
    void frameIsTheHeaderFollowedByTheBytes() {
        byte[] frame = CHUNK.toFrame();

        assertThat(frame).hasSize(Chunk.HEADER_BYTES + CHUNK.length());
        assertThat(Arrays.copyOfRange(frame, 0, 5)).isEqualTo(new byte[] {'D', 'V', 'C', 'K', 1});
    }

    @Test
    void largestChunkRoundTrips() {
        byte[] bytes = new byte[Chunking.MAX_CHUNK_SIZE_BYTES];
        new Random(3).nextBytes(bytes);
        Chunk chunk = Chunk.of(Sha256.hex(new byte[] {1}), 123_456, bytes);

        Chunk decoded = Chunk.fromFrame(chunk.toFrame());

        assertThat(decoded).isEqualTo(chunk);
        assertThat(decoded.index()).isEqualTo(123_456);
    }

    @Test
    void emptyChunkRoundTrips() {
        Chunk empty = Chunk.of(Sha256.hex(new byte[0]), 0, new byte[0]);

        assertThat(Chunk.fromFrame(empty.toFrame())).isEqualTo(empty);
    }

    @ParameterizedTest
    @ValueSource(ints = {Chunk.HEADER_BYTES, Chunk.HEADER_BYTES + 1, 160})
    void rejectsFrameWithBytesMissing(int keep) {
        byte[] truncated = Arrays.copyOf(CHUNK.toFrame(), keep);

        assertThatThrownBy(() -> Chunk.fromFrame(truncated))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("truncated chunk frame: declares 84 bytes, carries " + (keep - Chunk.HEADER_BYTES));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 76})
    void rejectsFrameShorterThanItsHeader(int keep) {
        assertThatThrownBy(() -> Chunk.fromFrame(Arrays.copyOf(CHUNK.toFrame(), keep)))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("truncated chunk frame: " + keep + " bytes, the header alone is 77");
    }

    @Test
    void rejectsFrameWithBytesAfterTheChunk() {
        byte[] frame = CHUNK.toFrame();

        assertThatThrownBy(() -> Chunk.fromFrame(Arrays.copyOf(frame, frame.length + 1)))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("chunk frame carries 1 bytes after the declared 84");
    }

    @Test
    void rejectsFrameLargerThanTheLargestChunk() {
        assertThatThrownBy(() -> Chunk.fromFrame(new byte[Chunk.MAX_FRAME_BYTES + 1]))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessageContaining("is larger than the " + Chunk.MAX_FRAME_BYTES + " allowed");
    }

    @Test
    void rejectsHeaderDeclaringMoreThanTheLargestChunk() {
        byte[] frame = CHUNK.toFrame();
        ByteBuffer.wrap(frame).putInt(41, Chunking.MAX_CHUNK_SIZE_BYTES + 1);

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("chunk frame declares 983041 bytes, more than the 983040 allowed");
    }

    @Test
    void rejectsHeaderDeclaringANegativeLookingLength() {
        byte[] frame = CHUNK.toFrame();
        ByteBuffer.wrap(frame).putInt(41, -1);

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("chunk frame declares 4294967295 bytes, more than the 983040 allowed");
    }

    @Test
    void rejectsFrameWithoutTheMagic() {
        byte[] frame = CHUNK.toFrame();
        frame[0] = '{';

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("not a chunk frame: it does not start with \"DVCK\"");
    }

    @Test
    void rejectsUnknownFrameVersion() {
        byte[] frame = CHUNK.toFrame();
        frame[4] = 3;

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("unsupported chunk frame version 3 (this build reads 1 and 2)");
    }

    // ---- version 2: slices -------------------------------------------------------------------

    @Test
    void sliceEncodingMatchesTheGoldenFile() throws IOException {
        assertThat(SLICE.toFrame())
                .as("frame layout changed: bump the frame version and add a new golden file instead of editing v2")
                .isEqualTo(Golden.resource("/golden/chunk-v2.bin"));
    }

    @Test
    void sliceGoldenFileDecodesToTheFixedSlice() throws IOException {
        Chunk slice = Chunk.fromFrame(Golden.resource("/golden/chunk-v2.bin"));

        assertThat(slice).isEqualTo(SLICE);
        assertThat(slice.isSlice()).isTrue();
        assertThat(slice.frameVersion()).isEqualTo(2);
        assertThat(slice.index()).isZero();
        assertThat(slice.offset()).isEqualTo(20);
        assertThat(slice.bytes()).isEqualTo(Arrays.copyOfRange(Golden.bytes(Golden.CHUNK_TEXT), 20, 52));
        assertThat(slice.sha256()).as("the hash of the slice's bytes, not of the chunk").isEqualTo(Sha256.hex(slice.bytes()));
    }

    @Test
    void aWholeChunkFrameIsNoSliceAndStartsAtZero() throws IOException {
        Chunk chunk = Chunk.fromFrame(Golden.resource("/golden/chunk-v1.bin"));

        assertThat(chunk.isSlice()).isFalse();
        assertThat(chunk.frameVersion()).isEqualTo(1);
        assertThat(chunk.offset()).isZero();
    }

    @Test
    void sliceFrameIsTheLongerHeaderFollowedByTheBytes() {
        byte[] frame = SLICE.toFrame();

        assertThat(frame).hasSize(Chunk.SLICE_HEADER_BYTES + 32);
        assertThat(Arrays.copyOfRange(frame, 0, 5)).isEqualTo(new byte[] {'D', 'V', 'C', 'K', 2});
        assertThat(ByteBuffer.wrap(frame).getInt(41)).as("offset").isEqualTo(20);
        assertThat(ByteBuffer.wrap(frame).getInt(45)).as("length").isEqualTo(32);
    }

    @Test
    void largestSliceAndLastByteRoundTrip() {
        byte[] bytes = new byte[Chunking.MAX_CHUNK_SIZE_BYTES];
        new Random(5).nextBytes(bytes);
        String id = Sha256.hex(new byte[] {2});
        Chunk whole = Chunk.slice(id, 77, 0, bytes);
        Chunk last = Chunk.slice(id, Integer.MAX_VALUE, Chunking.MAX_CHUNK_SIZE_BYTES - 1, new byte[] {9});

        assertThat(Chunk.fromFrame(whole.toFrame())).isEqualTo(whole);
        assertThat(whole.toFrame()).hasSize(Chunk.MAX_FRAME_BYTES);
        assertThat(Chunk.fromFrame(last.toFrame())).isEqualTo(last);
    }

    @Test
    void aSliceAndAWholeChunkOfTheSameBytesAreNotEqual() {
        byte[] bytes = Golden.bytes(Golden.CHUNK_TEXT);

        assertThat(Chunk.slice(CHUNK.contentId(), 0, 0, bytes)).isNotEqualTo(CHUNK);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 80})
    void rejectsSliceFrameShorterThanItsHeader(int keep) {
        assertThatThrownBy(() -> Chunk.fromFrame(Arrays.copyOf(SLICE.toFrame(), keep)))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("truncated chunk frame: " + keep + " bytes, the header alone is " + (keep < 5 ? 77 : 81));
    }

    @ParameterizedTest
    @ValueSource(ints = {Chunk.SLICE_HEADER_BYTES, Chunk.SLICE_HEADER_BYTES + 31})
    void rejectsSliceFrameWithBytesMissing(int keep) {
        assertThatThrownBy(() -> Chunk.fromFrame(Arrays.copyOf(SLICE.toFrame(), keep)))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("truncated chunk frame: declares 32 bytes, carries " + (keep - Chunk.SLICE_HEADER_BYTES));
    }

    @Test
    void rejectsSliceFrameWithBytesAfterTheSlice() {
        byte[] frame = SLICE.toFrame();

        assertThatThrownBy(() -> Chunk.fromFrame(Arrays.copyOf(frame, frame.length + 3)))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("chunk frame carries 3 bytes after the declared 32");
    }

    @Test
    void rejectsSliceWithAFlippedByte() {
        byte[] frame = SLICE.toFrame();
        frame[Chunk.SLICE_HEADER_BYTES + 3] ^= 0x40;

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("slice at 20 of chunk 0 of content " + SLICE.contentId()
                        + " does not match its hash: corrupted in transit");
    }

    @Test
    void theFrameHashCoversTheBytesNotTheOffset() {
        // the hash covers the bytes, not the header: a changed offset passes the frame check, and the
        // chunk check after assembly is what catches it (a test of the agent); here only the bounds hold
        byte[] frame = SLICE.toFrame();
        ByteBuffer.wrap(frame).putInt(41, 21);

        assertThat(Chunk.fromFrame(frame).offset()).isEqualTo(21);
    }

    @Test
    void rejectsEmptySliceFrame() {
        byte[] frame = Arrays.copyOf(SLICE.toFrame(), Chunk.SLICE_HEADER_BYTES);
        ByteBuffer.wrap(frame).putInt(45, 0);

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("slice frame of chunk 0 is out of range: length must be 1..983040, got 0");
    }

    @ParameterizedTest
    @ValueSource(ints = {Chunking.MAX_CHUNK_SIZE_BYTES - 31, Chunking.MAX_CHUNK_SIZE_BYTES, -1})
    void rejectsSliceFrameEndingPastTheLargestChunk(int offset) {
        byte[] frame = SLICE.toFrame();
        ByteBuffer.wrap(frame).putInt(41, offset);

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessageStartingWith("slice frame of chunk 0 is out of range: offset + length must be at most 983040");
    }

    @Test
    void rejectsSliceFrameDeclaringMoreThanTheLargestChunk() {
        byte[] frame = SLICE.toFrame();
        ByteBuffer.wrap(frame).putInt(45, Chunking.MAX_CHUNK_SIZE_BYTES + 1);

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("chunk frame declares 983041 bytes, more than the 983040 allowed");
    }

    @Test
    void refusesToBuildSlicesTheReceiverWouldReject() {
        String id = CHUNK.contentId();
        assertThatIllegalArgumentException().isThrownBy(() -> Chunk.slice(id, 0, 0, new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> Chunk.slice(id, 0, -1, new byte[1]));
        assertThatIllegalArgumentException().isThrownBy(() -> Chunk.slice(id, -1, 0, new byte[1]));
        assertThatIllegalArgumentException().isThrownBy(() -> Chunk.slice(id, 0, 1,
                new byte[Chunking.MAX_CHUNK_SIZE_BYTES]));
        assertThatIllegalArgumentException().isThrownBy(() -> Chunk.slice("abc", 0, 0, new byte[1]));
    }

    @Test
    void rejectsChunkWithAFlippedByte() {
        byte[] frame = CHUNK.toFrame();
        frame[Chunk.HEADER_BYTES + 10] ^= 0x01;

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("chunk 0 of content " + CHUNK.contentId() + " does not match its hash: corrupted in transit");
    }

    @Test
    void rejectsIndexBeyondTheSignedRange() {
        byte[] frame = CHUNK.toFrame();
        ByteBuffer.wrap(frame).putInt(37, -1);

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("chunk index 4294967295 is out of range");
    }

    @Test
    void rejectsNullFrame() {
        assertThatThrownBy(() -> Chunk.fromFrame(null)).isInstanceOf(ChunkRejectedException.class);
    }

    @Test
    void chunkKeepsItsOwnCopyOfTheBytes() throws IOException {
        byte[] bytes = {1, 2, 3};
        Chunk chunk = Chunk.of(Sha256.hex(bytes), 0, bytes);
        bytes[0] = 9;
        chunk.bytes()[1] = 9;
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        chunk.writeTo(out);

        assertThat(out.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void refusesToBuildChunksTheReceiverWouldReject() {
        assertThatIllegalArgumentException().isThrownBy(() -> Chunk.of("abc", 0, new byte[1]));
        assertThatIllegalArgumentException().isThrownBy(() -> Chunk.of(CHUNK.contentId(), -1, new byte[1]));
        assertThatIllegalArgumentException().isThrownBy(() -> Chunk.of(CHUNK.contentId(), 0,
                new byte[Chunking.MAX_CHUNK_SIZE_BYTES + 1]));
    }
}
