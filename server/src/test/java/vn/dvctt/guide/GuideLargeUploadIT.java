package vn.dvctt.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.content.Chunking;
import vn.dvctt.media.ContentStore;
import vn.dvctt.support.Fixture;

/**
 * A 2.2 GB video streams into the store on a server JVM with a 512 MB heap (Failsafe's
 * {@code large-upload} execution runs this class alone with {@code -Xmx512m}), with the SHA-256 and
 * chunk hashes computed independently here as the bytes are generated. The bytes exist only in a
 * 64 KiB buffer at a time; had anything kept the file in memory the JVM would have run out.
 */
@SpringBootTest(properties = "dvctt.guides.max-video-bytes=4294967296")
@ActiveProfiles("test")
class GuideLargeUploadIT {

    private static final long SIZE = 2_200_000_000L + 12_345; // past 2^31, and not a whole number of chunks
    private static final long MB = 1024 * 1024;

    @Autowired
    Fixture fixture;
    @Autowired
    GuideService guides;
    @Autowired
    ContentStore store;
    private String stored;

    @AfterEach
    void removeTheBigFile() throws IOException {
        if (stored != null) {
            store.delete(stored);
        }
    }

    @Test
    void aVideoLargerThanTheHeapStreamsIntoTheStoreWithItsHashes() throws IOException {
        long maxHeap = Runtime.getRuntime().maxMemory();
        // Failsafe's large-upload execution gives it -Xmx512m; a run picking it into the default JVM
        // (-Dit.test=...) proves nothing about the heap, so it leaves it to that execution
        assumeTrue(maxHeap <= 512 * MB, "runs in the -Xmx512m execution large-upload");
        fixture.load();
        GuideId id = fixture.as("qn.organizer", () -> guides.create(new GuideInput(null, "Clip dài hai gigabyte",
                "", List.of(), false, GuideLanguage.VI, 3600))).id();
        GeneratedVideo video = new GeneratedVideo(SIZE, Chunking.DEFAULT_CHUNK_SIZE_BYTES);
        HeapWatch heap = new HeapWatch();

        GuideFileData file = fixture.as("qn.organizer", () -> {
            try (InputStream in = heap.watching(video)) {
                return guides.uploadVideo(id, in, "dai.mp4");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        stored = file.contentId();

        assertThat(video.generated).isEqualTo(SIZE);
        assertThat(file.status()).isEqualTo(FileStatus.COMPLETE);
        assertThat(file.sizeBytes()).isEqualTo(SIZE);
        assertThat(store.size(file.contentId())).isEqualTo(SIZE);
        assertThat(file.contentId()).isEqualTo(video.wholeHash());
        assertThat(file.chunkSizeBytes()).isEqualTo(Chunking.DEFAULT_CHUNK_SIZE_BYTES);
        assertThat(file.chunkHashes()).hasSize(Chunking.chunkCount(SIZE, Chunking.DEFAULT_CHUNK_SIZE_BYTES))
                .isEqualTo(video.chunkHashes);
        // the chunk list (4,197 hashes) is the only thing that grows with the file
        assertThat(heap.maxUsed).as("heap used during the upload").isLessThan(maxHeap);
        assertThat(fixture.as("qn.organizer", () -> guides.find(id)).orElseThrow().currentFile().contentId())
                .isEqualTo(file.contentId());
    }

    /** Pseudo-random bytes behind an MP4 header, hashed as they are handed out. */
    private static final class GeneratedVideo extends InputStream {

        private static final byte[] HEAD = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0};
        private final long size;
        private final int chunkSize;
        private final MessageDigest whole = sha256();
        private final MessageDigest chunk = sha256();
        private final List<String> chunkHashes = new ArrayList<>();
        private long generated;
        private int inChunk;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedVideo(long size, int chunkSize) {
            this.size = size;
            this.chunkSize = chunkSize;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (generated >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - generated);
            for (int i = 0; i < n; i++) {
                long position = generated + i;
                if (position < HEAD.length) {
                    b[off + i] = HEAD[(int) position];
                } else {
                    state ^= state << 13; // xorshift64: fast, deterministic, incompressible enough
                    state ^= state >>> 7;
                    state ^= state << 17;
                    b[off + i] = (byte) state;
                }
            }
            whole.update(b, off, n);
            int done = 0;
            while (done < n) {
                int take = Math.min(n - done, chunkSize - inChunk);
                chunk.update(b, off + done, take);
                done += take;
                inChunk += take;
                if (inChunk == chunkSize) {
                    chunkHashes.add(HexFormat.of().formatHex(chunk.digest()));
                    inChunk = 0;
                }
            }
            generated += n;
            if (generated == size && inChunk > 0) {
                chunkHashes.add(HexFormat.of().formatHex(chunk.digest()));
                inChunk = 0;
            }
            return n;
        }

        String wholeHash() {
            return HexFormat.of().formatHex(whole.digest());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Samples the heap in use every 64 MB read. */
    private static final class HeapWatch {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private long maxUsed;

        InputStream watching(InputStream in) {
            return new java.io.FilterInputStream(in) {
                private long read;
                private long nextSample;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        read += n;
                        if (read >= nextSample) {
                            maxUsed = Math.max(maxUsed, memory.getHeapMemoryUsage().getUsed());
                            nextSample = read + 64 * MB;
                        }
                    }
                    return n;
                }
            };
        }
    }
}
