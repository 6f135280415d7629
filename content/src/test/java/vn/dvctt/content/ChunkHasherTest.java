package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChunkHasherTest {

    private static final int CHUNK = Chunking.MIN_CHUNK_SIZE_BYTES;

    @ParameterizedTest(name = "{0} bytes written {1} at a time")
    @CsvSource({"0,100", "1,1", "4096,4096", "4097,333", "12288,5000", "20000,1", "20000,65536"})
    void givesWhatChunkingHashGivesHoweverTheBytesAreSplit(int size, int piece) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        ChunkHasher hasher = new ChunkHasher(CHUNK);
        for (int off = 0; off < size; off += piece) {
            hasher.write(content, off, Math.min(piece, size - off));
        }

        assertThat(hasher.size()).isEqualTo(size);
        assertThat(hasher.finish()).isEqualTo(Chunking.hash(new ByteArrayInputStream(content), CHUNK));
    }

    @Test
    void refusesAChunkSizeChunkingDoesNotAllowAndASecondFinish() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChunkHasher(100));
        ChunkHasher hasher = new ChunkHasher(CHUNK);
        hasher.write(7);
        hasher.finish();
        assertThatIllegalStateException().isThrownBy(hasher::finish);
        assertThatIllegalStateException().isThrownBy(() -> hasher.write(1));
    }
}
