package vn.dvctt.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvctt.content.Chunk;
import vn.dvctt.content.ChunkRequest;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.Inventory;
import vn.dvctt.content.ManifestEntry;

class SyncEngineTest {

    private static final SyncSettings SETTINGS = SyncSettings.DEFAULTS.withRequestTimeout(Duration.ofSeconds(10));

    @TempDir
    Path dir;

    @Test
    void downloadsEveryGuideAndMakesItPlayableOnlyWhenWhole() throws IOException {
        SyncHarness h = new SyncHarness(dir, SETTINGS);
        ManifestEntry a = h.guide("a", 5 * SyncHarness.CHUNK + 100, 0);
        ManifestEntry b = h.guide("b", 3 * SyncHarness.CHUNK, 1);
        h.publish(h.manifest(1, List.of(a, b)));

        List<ChunkRequest> first = h.newRequests();
        h.answer(first.get(0));
        assertThat(h.complete(a)).as("nothing partial is playable").doesNotExist();

        first.stream().skip(1).forEach(h::answer);
        h.serveAll();

        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
        assertThat(Files.readAllBytes(h.complete(b))).isEqualTo(h.server.get(b.contentId()));
        assertThat(h.lastInventory().items()).extracting(Inventory.Item::contentId, Inventory.Item::bytesHeld,
                        Inventory.Item::state)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(a.contentId(), a.sizeBytes(), Inventory.State.COMPLETE),
                        org.assertj.core.groups.Tuple.tuple(b.contentId(), b.sizeBytes(), Inventory.State.COMPLETE));
        assertThat(h.lastInventory().manifestVersion()).isEqualTo(1);
        assertThat(h.engine.stats().requestsSent()).isEqualTo(a.chunkCount() + b.chunkCount());
        try (var partial = Files.list(dir.resolve("content/.partial"))) {
            assertThat(partial).isEmpty();
        }
    }

    @Test
    void keepsNoMoreRequestsInFlightThanConfiguredAndFetchesInPriorityOrder() {
        SyncHarness h = new SyncHarness(dir, SETTINGS.withRequestsInFlight(3));
        ManifestEntry later = h.guide("later", 10 * SyncHarness.CHUNK, 5);
        ManifestEntry first = h.guide("first", 10 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(later, first)));

        List<ChunkRequest> requests = h.newRequests();
        assertThat(requests).extracting(ChunkRequest::contentId).containsOnly(first.contentId());
        assertThat(requests).extracting(ChunkRequest::index).containsExactly(0, 1, 2);

        h.answer(requests.get(0));
        assertThat(h.newRequests()).as("one answered, one more asked").extracting(ChunkRequest::index).containsExactly(3);
    }

    @Test
    void asksAgainForALostChunkAfterItsTimeoutWithANewRequestId() throws IOException {
        SyncHarness h = new SyncHarness(dir, SETTINGS);
        ManifestEntry a = h.guide("a", 4 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        List<ChunkRequest> sent = h.newRequests();
        ChunkRequest lost = sent.get(0);
        h.answer(sent.get(1));
        h.newRequests().forEach(h::answer); // chunk 2
        h.newRequests().forEach(h::answer); // chunk 3
        assertThat(h.newRequests()).as("chunk 0 is still awaited").isEmpty();

        h.advance(Duration.ofSeconds(9));
        assertThat(h.newRequests()).isEmpty();
        h.advance(Duration.ofSeconds(2));

        List<ChunkRequest> retry = h.newRequests();
        assertThat(retry).extracting(ChunkRequest::index).containsExactly(0);
        assertThat(retry.get(0).requestId()).isNotEqualTo(lost.requestId());
        h.answer(retry.get(0));
        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
        assertThat(h.engine.stats().requestsRetried()).isEqualTo(1);
    }

    @Test
    void aDuplicateChunkIsCountedAndChangesNothing() throws IOException {
        SyncHarness h = new SyncHarness(dir, SETTINGS);
        ManifestEntry a = h.guide("a", 3 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        List<ChunkRequest> sent = h.newRequests();
        h.answer(sent.get(0));
        h.answer(sent.get(0));
        h.answer(sent.get(1));

        h.serveAll();

        assertThat(h.engine.stats().chunksDuplicate()).isEqualTo(1);
        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
    }

    @Test
    void rejectsACorruptedFrameAndAChunkTheManifestDoesNotListThenFetchesItAgain() throws IOException {
        SyncHarness h = new SyncHarness(dir, SETTINGS.withRequestsInFlight(1));
        ManifestEntry a = h.guide("a", 2 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        ChunkRequest request = h.newRequests().get(0);

        byte[] corrupted = h.chunkFor(request).toFrame();
        corrupted[corrupted.length - 1] ^= 1; // a bit flipped in transit
        h.deliverChunk(corrupted);
        byte[] wrong = new byte[SyncHarness.CHUNK]; // an intact frame of bytes the manifest does not list
        h.deliverChunk(Chunk.of(a.contentId(), 0, wrong).toFrame());
        h.deliverChunk("not a chunk".getBytes(StandardCharsets.UTF_8));

        assertThat(h.engine.stats().chunksRejected()).isEqualTo(3);
        assertThat(h.engine.stats().chunksWritten()).isZero();
        h.advance(Duration.ofSeconds(11));
        h.serveAll();
        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
    }

    @Test
    void resumesAfterACrashFromTheLastRecordedChunkWithoutFetchingItAgain() throws IOException {
        SyncSettings settings = SETTINGS.withRequestsInFlight(1).withProgressFlushChunks(1);
        SyncHarness h = new SyncHarness(dir, settings);
        ManifestEntry a = h.guide("a", 10 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(7, List.of(a)));
        for (int i = 0; i < 4; i++) {
            h.newRequests().forEach(h::answer);
        }
        h.newRequests(); // chunk 4 requested when the power goes: never answered

        h.start(); // no close(): a crash
        h.publish(h.manifest(7, List.of(a))); // the retained manifest again, same version
        h.link.reconnect();
        List<ChunkRequest> served = h.serveAll();

        assertThat(served).extracting(ChunkRequest::index).containsExactly(4, 5, 6, 7, 8, 9);
        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
        assertThat(h.lastInventory().manifestVersion()).isEqualTo(7);
    }

    @Test
    void aCutLinkIsResumedAtOnceOnReconnectAndAnInventoryIsSent() {
        SyncHarness h = new SyncHarness(dir, SETTINGS);
        ManifestEntry a = h.guide("a", 6 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        h.newRequests().forEach(h::answer);
        h.newRequests();
        h.link.cut();
        int inventories = h.inventories().size();

        h.link.reconnect();

        assertThat(h.inventories()).hasSize(inventories + 1);
        assertThat(h.lastInventory().items()).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo(Inventory.State.PARTIAL);
            assertThat(i.bytesHeld()).isEqualTo(2L * SyncHarness.CHUNK);
        });
        assertThat(h.newRequests()).as("no wait for the lost requests to time out")
                .extracting(ChunkRequest::index).containsExactly(2, 3);
    }

    @Test
    void deletesContentNoLongerListed() {
        SyncHarness h = new SyncHarness(dir, SETTINGS);
        ManifestEntry a = h.guide("a", SyncHarness.CHUNK, 0);
        ManifestEntry b = h.guide("b", SyncHarness.CHUNK, 1);
        ManifestEntry c = h.guide("c", 4 * SyncHarness.CHUNK, 2);
        h.publish(h.manifest(1, List.of(a, b, c)));
        h.serveAll();
        assertThat(h.complete(a)).exists();

        h.publish(h.manifest(2, List.of(b)));

        assertThat(h.complete(a)).doesNotExist();
        assertThat(h.complete(c)).doesNotExist();
        assertThat(h.complete(b)).exists();
        assertThat(h.lastInventory().items()).extracting(Inventory.Item::contentId).containsExactly(b.contentId());
        assertThat(h.lastInventory().manifestVersion()).isEqualTo(2);
    }

    @Test
    void ignoresAManifestNotNewerThanTheOneApplied() {
        SyncHarness h = new SyncHarness(dir, SETTINGS);
        ManifestEntry a = h.guide("a", SyncHarness.CHUNK, 0);
        ManifestEntry b = h.guide("b", SyncHarness.CHUNK, 0);
        h.publish(h.manifest(5, List.of(a)));
        h.serveAll();

        h.publish(h.manifest(4, List.of(b)));
        h.publish(h.manifest(5, List.of(b)));

        assertThat(h.complete(a)).exists();
        assertThat(h.newRequests()).isEmpty();
        assertThat(h.engine.appliedVersion()).isEqualTo(5);
    }

    @Test
    void anEmptyManifestPayloadStopsDownloadsAndKeepsWhatIsHeld() {
        SyncHarness h = new SyncHarness(dir, SETTINGS.withRequestsInFlight(1));
        ManifestEntry a = h.guide("a", SyncHarness.CHUNK, 0);
        ManifestEntry b = h.guide("b", 3 * SyncHarness.CHUNK, 1);
        h.publish(h.manifest(1, List.of(a, b)));
        h.newRequests().forEach(h::answer);
        h.newRequests();

        h.deliverManifest(new byte[0]);
        h.advance(Duration.ofSeconds(30));

        assertThat(h.newRequests()).isEmpty();
        assertThat(h.complete(a)).exists();
        assertThat(h.engine.stats().manifestsRejected()).isZero();
    }

    @Test
    void aMalformedManifestOrOneForAnotherDeviceIsCountedAndTheNextGoodOneApplies() {
        SyncHarness h = new SyncHarness(dir, SETTINGS);
        ManifestEntry a = h.guide("a", SyncHarness.CHUNK, 0);
        h.deliverManifest("{\"schemaVersion\":1,".getBytes(StandardCharsets.UTF_8));
        h.deliverManifest(vn.dvctt.content.Manifest.of("other-dev", 9, 0, 1 << 20, DownloadWindow.ALL_DAY, List.of(a))
                .toPayload());
        h.deliverManifest(new byte[] {(byte) 0xff, 0x00});
        assertThat(h.engine.stats().manifestsRejected()).isEqualTo(3);
        assertThat(h.newRequests()).isEmpty();

        h.publish(h.manifest(1, List.of(a)));
        h.serveAll();
        assertThat(h.complete(a)).exists();
    }

    @Test
    void chunksOfContentNotListedAreIgnored() {
        SyncHarness h = new SyncHarness(dir, SETTINGS);
        ManifestEntry a = h.guide("a", SyncHarness.CHUNK, 0);
        ManifestEntry stranger = h.guide("stranger", SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));

        h.deliverChunk(Chunk.of(stranger.contentId(), 0, h.server.get(stranger.contentId())).toFrame());

        assertThat(h.engine.stats().chunksUnexpected()).isEqualTo(1);
        assertThat(h.complete(stranger)).doesNotExist();
    }

    @Test
    void neverHoldsMoreThanTheQuotaEvictingTheHighestPriorityNumbersFirst() throws IOException {
        int size = 4 * SyncHarness.CHUNK;
        SyncHarness h = new SyncHarness(dir, SETTINGS.withMaxContentBytes(2L * size + 10));
        ManifestEntry old = h.guide("old", size, 0);
        h.publish(h.manifest(1, List.of(old)));
        h.serveAll();
        assertThat(h.complete(old)).exists();

        ManifestEntry a = h.guide("a", size, 0);
        ManifestEntry b = h.guide("b", size, 1);
        ManifestEntry oldLast = new ManifestEntry(old.contentId(), old.guideId(), old.title(), old.sizeBytes(),
                old.chunkSizeBytes(), old.chunkHashes(), 2);
        h.publish(h.manifest(2, List.of(oldLast, b, a)));
        List<ChunkRequest> served = h.serveAll();

        assertThat(h.complete(old)).as("evicted: no room for priority 2").doesNotExist();
        assertThat(h.complete(a)).exists();
        assertThat(h.complete(b)).exists();
        assertThat(served).extracting(ChunkRequest::contentId).doesNotContain(old.contentId());
        long held;
        try (var files = Files.list(dir.resolve("content"))) {
            held = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(held).isLessThanOrEqualTo(2L * size + 10);
    }

    @Test
    void downloadsOnlyInsideTheManifestsWindowUnlessTold() {
        ZonedDateTime noon = ZonedDateTime.of(2025, 6, 2, 12, 0, 0, 0, SyncSettings.VIETNAM);
        SyncHarness h = new SyncHarness(dir, SETTINGS, noon.toInstant());
        ManifestEntry a = h.guide("a", 2 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, 1 << 20, DownloadWindow.of("22:00", "05:00"), List.of(a)));
        assertThat(h.newRequests()).isEmpty();

        h.advance(Duration.ofHours(9)); // 21:00
        assertThat(h.newRequests()).isEmpty();
        h.advance(Duration.ofMinutes(61)); // 22:01
        assertThat(h.newRequests()).isNotEmpty();

        SyncHarness always = new SyncHarness(dir.resolve("other"), SETTINGS.withIgnoreDownloadWindow(true),
                noon.toInstant());
        always.guide("a", 2 * SyncHarness.CHUNK, 0);
        always.publish(always.manifest(1, 1 << 20, DownloadWindow.of("22:00", "05:00"), List.of(a)));
        assertThat(always.newRequests()).isNotEmpty();
    }

    @Test
    void theBandwidthCapSpacesRequestsOut() {
        long rate = 2L * SyncHarness.CHUNK; // two chunks a second
        SyncHarness h = new SyncHarness(dir, SETTINGS.withRequestsInFlight(64).withBandwidth(rate));
        ManifestEntry a = h.guide("a", 40 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        int requested = h.newRequests().size();
        for (int i = 0; i < 40; i++) {
            h.advance(Duration.ofMillis(250));
            requested += h.newRequests().size();
        }
        // 10 s at two chunks a second, plus the first second's burst
        assertThat(requested).isBetween(20, 23);
    }

    @Test
    void heartbeatsCarryFreeDiskAndTheLastCompleteSync() {
        SyncHarness h = new SyncHarness(dir, SETTINGS);
        h.engine.publishHeartbeat();
        assertThat(h.heartbeats().get(0).lastSyncAt()).isEmpty();
        ManifestEntry a = h.guide("a", SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        h.serveAll();

        h.engine.publishHeartbeat();

        var beat = h.heartbeats().get(1);
        assertThat(beat.freeDiskBytes()).isPositive();
        assertThat(beat.lastSyncAt()).hasValue(h.clock.millis());
        assertThat(beat.deviceId()).isEqualTo(SyncHarness.DEVICE);
    }

    @Test
    void anEmptyGuideIsCompleteWithoutAnyRequest() {
        SyncHarness h = new SyncHarness(dir, SETTINGS);
        ManifestEntry empty = h.guide("empty", 0, 0);
        h.publish(h.manifest(1, List.of(empty)));
        assertThat(h.newRequests()).isEmpty();
        assertThat(h.complete(empty)).exists();
    }

    @Test
    void inventoriesDuringADownloadAreSpacedByTheInterval() {
        SyncHarness h = new SyncHarness(dir, SETTINGS.withRequestsInFlight(1));
        ManifestEntry a = h.guide("a", 30 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        int before = h.inventories().size();
        for (int i = 0; i < 10; i++) {
            h.newRequests().forEach(h::answer);
        }
        assertThat(h.inventories()).as("no inventory per chunk").hasSize(before);
        h.advance(Duration.ofSeconds(5));
        assertThat(h.inventories()).hasSize(before + 1);
        Set<Integer> indexes = IntStream.range(0, 10).boxed().collect(Collectors.toSet());
        assertThat(indexes).hasSize(10);
    }
}
