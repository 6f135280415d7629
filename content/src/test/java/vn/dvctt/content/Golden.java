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

    /** The last slice of the last chunk of {@link #THREE_CHUNKS} (1,200,000 bytes: that chunk is 151,424). */
    static final ChunkRequest SLICE_REQUEST = ChunkRequest.slice(DEVICE, "7a1e3b5c-2d4f-4e6a-8b9c-00aabbccddee",
            THREE_CHUNKS.contentId(), 2, 131_072, 20_352);

    /** Bytes 20..51 of the one chunk of {@link #ONE_CHUNK}. */
    static final Chunk SLICE = Chunk.slice(ONE_CHUNK.contentId(), 0, 20,
            java.util.Arrays.copyOfRange(bytes(CHUNK_TEXT), 20, 52));

    static final Inventory INVENTORY = Inventory.of(DEVICE, 7, 1_717_203_600_000L, List.of(
            new Inventory.Item(THREE_CHUNKS.contentId(), 1_048_576L, Inventory.State.PARTIAL),
            new Inventory.Item(ONE_CHUNK.contentId(), ONE_CHUNK.sizeBytes(), Inventory.State.COMPLETE)));

    static final Heartbeat HEARTBEAT = Heartbeat.of(DEVICE, "0.1.0", 1_717_203_600_000L, 52_428_800_000L,
            OptionalLong.of(1_717_196_400_000L));

    static final String SESSION = "0b9c6f1e-3d2a-4c5b-8e7f-6a5b4c3d2e1f";
    static final String MEMBER = "m-12";

    static final EventBatch EVENT_BATCH = EventBatch.of(DEVICE, List.of(
            new AgentEvent("1f0e2d3c-4b5a-4697-8877-665544332211", 1, 1_717_232_400_000L, SESSION, MEMBER,
                    new AgentEvent.SessionStarted(42L, null)),
            new AgentEvent("2f0e2d3c-4b5a-4697-8877-665544332211", 2, 1_717_232_460_000L, SESSION, MEMBER,
                    new AgentEvent.AttendanceChanged(1, AgentEvent.Gender.FEMALE, AgentEvent.AgeBand.FROM_60)),
            new AgentEvent("3f0e2d3c-4b5a-4697-8877-665544332211", 3, 1_717_232_470_000L, SESSION, MEMBER,
                    new AgentEvent.AttendanceChanged(-1, null, null)),
            new AgentEvent("4f0e2d3c-4b5a-4697-8877-665544332211", 4, 1_717_233_000_000L, SESSION, MEMBER,
                    new AgentEvent.SubmissionRecorded("1.001612", "H22.101-240601-0007")),
            new AgentEvent("5f0e2d3c-4b5a-4697-8877-665544332211", 5, 1_717_233_100_000L, SESSION, MEMBER,
                    new AgentEvent.SubmissionWithdrawn("4f0e2d3c-4b5a-4697-8877-665544332211")),
            new AgentEvent("6f0e2d3c-4b5a-4697-8877-665544332211", 6, 1_717_233_900_000L, SESSION, MEMBER,
                    new AgentEvent.GuidePlayed(THREE_CHUNKS.contentId(), "guide-17", THREE_CHUNKS.title(),
                            1_717_233_300_000L, 540_000L)),
            new AgentEvent("7f0e2d3c-4b5a-4697-8877-665544332211", 7, 1_717_236_000_000L, SESSION, MEMBER,
                    new AgentEvent.SessionEnded("Bà con hỏi nhiều về \"cấp đổi CCCD\"."))));

    static final EventAck EVENT_ACK = EventAck.of(DEVICE,
            List.of("1f0e2d3c-4b5a-4697-8877-665544332211", "2f0e2d3c-4b5a-4697-8877-665544332211"),
            List.of(new EventAck.Rejection("3f0e2d3c-4b5a-4697-8877-665544332211",
                    "session 43 is not scheduled at this device's venue")));

    static final String PIN_2468 = "pbkdf2-sha256$100000$xdAuwt7gMVloHOKBcfZofw$oO/fx5xmtf5QlpekJxKP+DqpYLrdhUpbULLlBMt34L4";

    static final RunnerBrief RUNNER_BRIEF = RunnerBrief.of(DEVICE, 1_717_200_000_000L,
            new RunnerBrief.Venue("Nhà văn hóa thôn Nà Sì", "Xã Vị Xuyên, tỉnh Tuyên Quang"),
            List.of(new RunnerBrief.Session(42, java.time.LocalDateTime.of(2024, 6, 1, 19, 30),
                    java.time.LocalDateTime.of(2024, 6, 1, 21, 0), "Hướng dẫn nộp hồ sơ trực tuyến", "Bà con thôn",
                    40, RunnerBrief.SessionStatus.PLANNED, List.of(THREE_CHUNKS.title()))),
            List.of(new RunnerBrief.Procedure("1.001612", "Đăng ký khai sinh", true),
                    new RunnerBrief.Procedure("2.000908", "Cấp bản sao trích lục hộ tịch", false)),
            List.of(new RunnerBrief.Member(MEMBER, "Hoàng Thị Mai", "Tổ trưởng", PIN_2468)));

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
