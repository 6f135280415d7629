package vn.dvctt.agent.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.dvctt.content.Channel;
import vn.dvctt.content.Chunk;
import vn.dvctt.content.ChunkRequest;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.Heartbeat;
import vn.dvctt.content.Inventory;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Topics;

/** One agent's engine on a fake link and a fake clock, with a fake server holding the content. */
final class SyncHarness {

    static final String DEVICE = "test-dev-1";
    static final int CHUNK = Chunking.MIN_CHUNK_SIZE_BYTES;

    final Path dataDir;
    final SyncSettings settings;
    final FakeBrokerLink link = new FakeBrokerLink();
    final MutableClock clock;
    final Map<String, byte[]> server = new HashMap<>();
    SyncEngine engine;
    private int readRequests;

    SyncHarness(Path dataDir, SyncSettings settings, Instant now) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.clock = new MutableClock(now);
        start();
    }

    SyncHarness(Path dataDir, SyncSettings settings) {
        this(dataDir, settings, ZonedDateTime.of(2025, 6, 1, 23, 0, 0, 0, SyncSettings.VIETNAM).toInstant());
    }

    /** A fresh engine over the same folder: what an agent restart is. */
    void start() {
        link.forgetSubscribers();
        engine = new SyncEngine(DEVICE, "test", link, new ContentFolder(dataDir), settings, clock);
        engine.start(Runnable::run);
        readRequests = link.published.size();
    }

    /** Random bytes the fake server can serve, as one guide. */
    ManifestEntry guide(String guideId, int size, int priority) {
        byte[] bytes = new byte[size];
        new Random(guideId.hashCode()).nextBytes(bytes);
        try {
            Chunking.ChunkedContent hashed = Chunking.hash(new ByteArrayInputStream(bytes), CHUNK);
            server.put(hashed.contentId(), bytes);
            return hashed.toEntry(guideId, "Hướng dẫn " + guideId, priority);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Manifest manifest(long version, List<ManifestEntry> entries) {
        return manifest(version, 1L << 30, DownloadWindow.ALL_DAY, entries);
    }

    Manifest manifest(long version, long quota, DownloadWindow window, List<ManifestEntry> entries) {
        return Manifest.of(DEVICE, version, clock.millis(), quota, window, entries);
    }

    void publish(Manifest manifest) {
        deliverManifest(manifest.toPayload());
    }

    void deliverManifest(byte[] payload) {
        link.deliver(Topics.device(DEVICE, Channel.MANIFEST), payload);
    }

    void deliverChunk(byte[] frame) {
        link.deliver(Topics.device(DEVICE, Channel.CHUNK), frame);
    }

    /** Chunk requests published since the last call. */
    List<ChunkRequest> newRequests() {
        List<ChunkRequest> requests = new ArrayList<>();
        String topic = Topics.device(DEVICE, Channel.CHUNK_REQUEST);
        List<FakeBrokerLink.Published> all = link.published;
        for (int i = readRequests; i < all.size(); i++) {
            if (all.get(i).topic().equals(topic)) {
                requests.add(ChunkRequest.fromPayload(all.get(i).payload()));
            }
        }
        readRequests = all.size();
        return requests;
    }

    /** The server's answer: the whole chunk for a version 1 request, the slice asked for a version 2 one. */
    Chunk chunkFor(ChunkRequest request) {
        if (request.wholeChunk()) {
            return wholeChunk(request.contentId(), request.index());
        }
        byte[] bytes = server.get(request.contentId());
        int from = request.index() * CHUNK + request.offset();
        return Chunk.slice(request.contentId(), request.index(), request.offset(),
                Arrays.copyOfRange(bytes, from, from + request.length()));
    }

    /** Chunk {@code index} whole, as a version 1 frame carries it. */
    Chunk wholeChunk(String contentId, int index) {
        byte[] bytes = server.get(contentId);
        int from = index * CHUNK;
        return Chunk.of(contentId, index, Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK)));
    }

    void answer(ChunkRequest request) {
        deliverChunk(chunkFor(request).toFrame());
    }

    /** Answers every request, and those they lead to, until the agent asks for nothing more. */
    List<ChunkRequest> serveAll() {
        List<ChunkRequest> served = new ArrayList<>();
        for (List<ChunkRequest> batch = newRequests(); !batch.isEmpty(); batch = newRequests()) {
            for (ChunkRequest request : batch) {
                answer(request);
                served.add(request);
            }
        }
        return served;
    }

    void advance(Duration duration) {
        clock.advance(duration);
        engine.tick();
    }

    List<Inventory> inventories() {
        String topic = Topics.device(DEVICE, Channel.INVENTORY);
        return link.published.stream().filter(p -> p.topic().equals(topic))
                .map(p -> Inventory.fromPayload(p.payload())).toList();
    }

    Inventory lastInventory() {
        List<Inventory> all = inventories();
        return all.get(all.size() - 1);
    }

    List<Heartbeat> heartbeats() {
        String topic = Topics.device(DEVICE, Channel.HEARTBEAT);
        return link.published.stream().filter(p -> p.topic().equals(topic))
                .map(p -> Heartbeat.fromPayload(p.payload())).toList();
    }

    Path complete(ManifestEntry entry) {
        return dataDir.resolve("content").resolve(entry.contentId());
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
