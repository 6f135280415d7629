package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {

    // FIPS 180-2 test vectors
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesBytesToKnownLowercaseHex() {
        assertThat(Sha256.hex(new byte[0])).isEqualTo(EMPTY);
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
    }

    @Test
    void hashesStreamToKnownHex() throws IOException {
        assertThat(Sha256.hex(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ABC);
        assertThat(Sha256.hex(InputStream.nullInputStream())).isEqualTo(EMPTY);
    }

    @Test
    void streamLargerThanTheBufferHashesLikeItsBytes() throws IOException {
        byte[] content = new byte[3 * 64 * 1024 + 17];
        new Random(42).nextBytes(content);

        assertThat(Sha256.hex(new TrickleStream(content))).isEqualTo(Sha256.hex(content));
    }

    @Test
    void hashesStreamWithoutReadingItWhole() throws IOException {
        byte[] content = new byte[200_000];
        new Random(7).nextBytes(content);
        TrickleStream in = new TrickleStream(content);

        Sha256.hex(in);

        assertThat(in.largestRead).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void acceptsOnlySixtyFourLowercaseHexDigitsAsWireForm() {
        assertThat(Sha256.isHex(ABC)).isTrue();
        assertThat(Sha256.isHex(ABC.toUpperCase())).isFalse();
        assertThat(Sha256.isHex(ABC.substring(1))).isFalse();
        assertThat(Sha256.isHex(ABC + "0")).isFalse();
        assertThat(Sha256.isHex(ABC.replace('a', 'g'))).isFalse();
        assertThat(Sha256.isHex(null)).isFalse();
    }

    @Test
    void leavesTheStreamOpenForItsOwner() throws IOException {
        TrickleStream in = new TrickleStream(new byte[10]);

        Sha256.hex(in);

        assertThat(in.closed).isFalse();
    }

    /**
     * Returns at most 1000 bytes per read, as a network or file stream may, records the largest
     * request, and refuses the whole-stream shortcuts.
     */
    private static final class TrickleStream extends InputStream {

        private final ByteArrayInputStream delegate;
        int largestRead;
        boolean closed;

        TrickleStream(byte[] content) {
            this.delegate = new ByteArrayInputStream(content);
        }

        @Override
        public int read() {
            return delegate.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            largestRead = Math.max(largestRead, len);
            return delegate.read(b, off, Math.min(len, 1000));
        }

        @Override
        public byte[] readAllBytes() {
            throw new AssertionError("must not read the whole stream into memory");
        }

        @Override
        public byte[] readNBytes(int len) {
            throw new AssertionError("must not read the whole stream into memory");
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
