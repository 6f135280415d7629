package vn.dvctt.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * The fixed payloads pinned by {@code src/test/resources/golden/*-v1.*}: change one only together with
 * its file, and never edit a v1 file; a changed wire form gets a new schema version and a new file.
 */
final class Golden {

    static final String DEVICE = "hg-vixuyen-001";
    static final String CHUNK_TEXT = "Xin chào thôn Vị Xuyên — đây là đoạn đầu của clip hướng dẫn.\n";

    /** Three chunks of the default size; hashes are stand-ins, the entry only checks their form. */
    static final ManifestEntry THREE_CHUNKS = new ManifestEntry(
            Sha256.hex(bytes("guide-nop-ho-so.mp4")), "guide-17", "Nộp hồ sơ trực tuyến trên Cổng DVC quốc gia",
            1_200_000L, Chunking.DEFAULT_CHUNK_SIZE_BYTES,
            IntStream.range(0, 3).mapToObj(i -> Sha256.hex(bytes("chunk-" + i))).toList(), 0);

    /** One chunk: its hash is the content id. */
    static final ManifestEntry ONE_CHUNK = new ManifestEntry(
            Sha256.hex(bytes(CHUNK_TEXT)), "guide-18", "Thanh toán \"trực tuyến\" phí, lệ phí",
            bytes(CHUNK_TEXT).length, Chunking.DEFAULT_CHUNK_SIZE_BYTES, List.of(Sha256.hex(bytes(CHUNK_TEXT))), 1);

    static final Manifest MANIFEST = Manifest.of(DEVICE, 7, 1_717_200_000_000L, 2_000_000_000L,
            DownloadWindow.of("22:00", "05:00"), List.of(THREE_CHUNKS, ONE_CHUNK));

    static final ChunkRequest CHUNK_REQUEST = ChunkRequest.of(DEVICE, "5f0c2d4e-8a1b-4c3d-9e7f-001122334455",
            THREE_CHUNKS.contentId(), 2);

    static final Chunk CHUNK = Chunk.of(ONE_CHUNK.contentId(), 0, bytes(CHUNK_TEXT));

    static final Inventory INVENTORY = Inventory.of(DEVICE, 7, 1_717_203_600_000L, List.of(
            new Inventory.Item(THREE_CHUNKS.contentId(), 1_048_576L, Inventory.State.PARTIAL),
            new Inventory.Item(ONE_CHUNK.contentId(), ONE_CHUNK.sizeBytes(), Inventory.State.COMPLETE)));

    static final Heartbeat HEARTBEAT = Heartbeat.of(DEVICE, "0.1.0", 1_717_203_600_000L, 52_428_800_000L,
            OptionalLong.of(1_717_196_400_000L));

    private Golden() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = Golden.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
