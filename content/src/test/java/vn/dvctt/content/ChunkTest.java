package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dvctt.content.Golden.CHUNK;

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
        frame[4] = 2;

        assertThatThrownBy(() -> Chunk.fromFrame(frame))
                .isInstanceOf(ChunkRejectedException.class)
                .hasMessage("unsupported chunk frame version 2 (this build reads 1)");
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
