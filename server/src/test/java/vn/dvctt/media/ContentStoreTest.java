package vn.dvctt.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvctt.content.Sha256;
import vn.dvctt.shared.InvalidInputException;

class ContentStoreTest {

    @TempDir
    Path dir;

    @Test
    void sameContentIsKeptOnceUnderItsHashAndReadsFromAnOffset() throws Exception {
        ContentStore store = new ContentStore(dir);
        byte[] bytes = "Hướng dẫn nộp hồ sơ khai sinh trực tuyến".getBytes(StandardCharsets.UTF_8);
        StoredContent first = store.put(new ByteArrayInputStream(bytes), 1000);
        StoredContent again = store.put(new ByteArrayInputStream(bytes), 1000);
        assertThat(again).isEqualTo(first);
        assertThat(first.sha256()).isEqualTo(Sha256.hex(bytes));
        assertThat(dir.resolve(first.sha256().substring(0, 2)).resolve(first.sha256().substring(2, 4))
                .resolve(first.sha256())).exists();
        try (InputStream in = store.open(first.sha256(), 10)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 10, bytes.length));
        }
        assertThat(store.size(first.sha256())).isEqualTo(bytes.length);
    }

    @Test
    void aNameThatIsNotAHashCannotReachOutsideTheStore() {
        ContentStore store = newStore();
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStreamPastTheLimitLeavesNothingBehind() throws Exception {
        ContentStore store = new ContentStore(dir);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[5000]), 4096))
                .isInstanceOf(InvalidInputException.class);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).isZero();
        }
    }

    @Test
    void aLargeStreamIsStoredWithoutHoldingItInMemory() throws Exception {
        ContentStore store = new ContentStore(dir);
        long size = 300L * 1024 * 1024;
        Runtime runtime = Runtime.getRuntime();
        InputStream generated = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? (int) (left & 0x7f) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((left - i) & 0x7f);
                }
                left -= n;
                return n;
            }
        };
        StoredContent stored = store.put(generated, Long.MAX_VALUE);
        assertThat(stored.bytes()).isEqualTo(size);
        assertThat(store.size(stored.sha256())).isEqualTo(size);
        // the heap never had room for the file: the test JVM's heap is far below 300 MB of used memory
        assertThat(runtime.totalMemory() - runtime.freeMemory()).isLessThan(size);
        store.delete(stored.sha256());
        assertThat(store.exists(stored.sha256())).isFalse();
    }

    private ContentStore newStore() {
        try {
            return new ContentStore(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
