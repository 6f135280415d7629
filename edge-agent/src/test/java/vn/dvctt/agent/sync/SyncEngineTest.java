package vn.dvctt.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

    /**
     * The harness's chunks (4 KiB) are shorter than the default slice, so each is asked in one request;
     * two in flight, as these tests were written for.
     */
    private static final SyncSettings SETTINGS = SyncSettings.DEFAULTS.withRequestTimeout(Duration.ofSeconds(10))
            .withRequestsInFlight(2);
    /** Four slices of 1 KiB per chunk. */
    private static final SyncSettings SLICED = SETTINGS.withSliceBytes(1024);
    private static final int SLICE = 1024;

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

    // ---- slices ------------------------------------------------------------------------------

    @Test
    void slicesAreAssembledIntoAChunkThatIsHeldOnlyOnceItMatchesTheManifest() throws IOException {
        SyncHarness h = new SyncHarness(dir, SLICED.withRequestsInFlight(6));
        ManifestEntry a = h.guide("a", 3 * SyncHarness.CHUNK + 100, 0);
        h.publish(h.manifest(1, List.of(a)));

        List<ChunkRequest> first = h.newRequests();
        assertThat(first).allSatisfy(r -> assertThat(r.wholeChunk()).isFalse());
        assertThat(first).extracting(ChunkRequest::index, ChunkRequest::offset, ChunkRequest::length).containsExactly(
                tuple(0, 0, SLICE), tuple(0, SLICE, SLICE), tuple(0, 2 * SLICE, SLICE), tuple(0, 3 * SLICE, SLICE),
                tuple(1, 0, SLICE), tuple(1, SLICE, SLICE));
        first.subList(0, 3).forEach(h::answer);
        assertThat(h.engine.stats().chunksWritten()).as("three slices of four are no chunk").isZero();
        h.answer(first.get(3));
        assertThat(h.engine.stats().chunksWritten()).isEqualTo(1);

        first.subList(4, 6).forEach(h::answer);
        List<ChunkRequest> rest = h.serveAll();

        assertThat(rest).last().satisfies(r -> {
            assertThat(r.index()).isEqualTo(3);
            assertThat(r.offset()).isZero();
            assertThat(r.length()).as("the last chunk is one short slice").isEqualTo(100);
        });
        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
        assertThat(h.engine.stats().slicesWritten()).as("the last chunk came whole, in one short slice").isEqualTo(12);
        assertThat(h.engine.stats().chunksWritten()).isEqualTo(4);
        assertThat(h.engine.stats().requestsSent()).isEqualTo(13);
        assertThat(h.engine.stats().chunksRejected()).isZero();
    }

    @Test
    void aSliceOfWrongBytesMakesItsChunkFetchedAgainAndNothingPartialBecomesPlayable() throws IOException {
        SyncHarness h = new SyncHarness(dir, SLICED.withRequestsInFlight(8));
        ManifestEntry a = h.guide("a", 2 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        List<ChunkRequest> sent = h.newRequests();
        assertThat(sent).hasSize(8);

        // an intact frame (its own hash matches) of bytes that are not the content's
        byte[] wrong = h.chunkFor(sent.get(1)).bytes();
        wrong[7] ^= 0x10;
        h.deliverChunk(Chunk.slice(a.contentId(), 0, SLICE, wrong).toFrame());
        sent.stream().filter(r -> r != sent.get(1)).forEach(h::answer);

        assertThat(h.engine.stats().chunksRejected()).isEqualTo(1);
        assertThat(h.engine.stats().chunksWritten()).as("chunk 1 is held, chunk 0 is not").isEqualTo(1);
        assertThat(h.complete(a)).as("nothing partial is playable").doesNotExist();
        h.advance(Duration.ofSeconds(5)); // an inventory is due
        assertThat(h.lastInventory().items()).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo(Inventory.State.PARTIAL);
            assertThat(i.bytesHeld()).as("only the chunk that matched").isEqualTo(SyncHarness.CHUNK);
        });
        List<ChunkRequest> again = h.newRequests();
        assertThat(again).as("every slice of the chunk, asked again at once")
                .extracting(ChunkRequest::index, ChunkRequest::offset)
                .containsExactly(tuple(0, 0), tuple(0, SLICE), tuple(0, 2 * SLICE), tuple(0, 3 * SLICE));
        assertThat(again).extracting(ChunkRequest::requestId)
                .doesNotContainAnyElementsOf(sent.stream().map(ChunkRequest::requestId).toList());

        again.forEach(h::answer);

        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
        assertThat(h.engine.stats().wholeFileMismatches()).isZero();
    }

    @Test
    void aCutMidChunkAsksAgainOnlyTheSlicesNotYetIn() throws IOException {
        SyncHarness h = new SyncHarness(dir, SLICED.withRequestsInFlight(4));
        ManifestEntry a = h.guide("a", 2 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        List<ChunkRequest> sent = h.newRequests();
        h.answer(sent.get(0));
        h.answer(sent.get(1));
        assertThat(h.newRequests()).as("the window refilled from the next chunk")
                .extracting(ChunkRequest::index, ChunkRequest::offset).containsExactly(tuple(1, 0), tuple(1, SLICE));
        h.link.cut();

        h.link.reconnect();

        List<ChunkRequest> again = h.newRequests();
        assertThat(again).as("the two slices of chunk 0 on file are not asked again")
                .extracting(ChunkRequest::index, ChunkRequest::offset)
                .containsExactly(tuple(0, 2 * SLICE), tuple(0, 3 * SLICE), tuple(1, 0), tuple(1, SLICE));
        again.forEach(h::answer);
        h.serveAll();

        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
        assertThat(h.engine.stats().slicesWritten()).as("no slice written twice").isEqualTo(8);
        assertThat(h.engine.stats().chunksDuplicate()).isZero();
    }

    @Test
    void aLostSliceAloneIsAskedAgainAfterItsTimeout() {
        SyncHarness h = new SyncHarness(dir, SLICED.withRequestsInFlight(4));
        ManifestEntry a = h.guide("a", SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        List<ChunkRequest> sent = h.newRequests();
        h.answer(sent.get(0));
        h.answer(sent.get(1));
        h.answer(sent.get(3));

        h.advance(Duration.ofSeconds(11));

        List<ChunkRequest> retry = h.newRequests();
        assertThat(retry).extracting(ChunkRequest::index, ChunkRequest::offset).containsExactly(tuple(0, 2 * SLICE));
        h.answer(retry.get(0));
        assertThat(h.complete(a)).exists();
        assertThat(h.engine.stats().requestsRetried()).isEqualTo(1);
    }

    @Test
    void aRestartMidChunkFetchesThatChunkAgainButNoChunkAlreadyHeld() throws IOException {
        SyncHarness h = new SyncHarness(dir, SLICED.withRequestsInFlight(4).withProgressFlushChunks(1));
        ManifestEntry a = h.guide("a", 3 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        h.newRequests().forEach(h::answer); // chunk 0, held and recorded
        List<ChunkRequest> second = h.newRequests();
        h.answer(second.get(0));
        h.answer(second.get(1)); // half of chunk 1 on file, in memory only

        h.start(); // a crash
        h.publish(h.manifest(1, List.of(a)));
        h.link.reconnect();
        List<ChunkRequest> served = h.serveAll();

        assertThat(served).extracting(ChunkRequest::index, ChunkRequest::offset).containsExactly(
                tuple(1, 0), tuple(1, SLICE), tuple(1, 2 * SLICE), tuple(1, 3 * SLICE),
                tuple(2, 0), tuple(2, SLICE), tuple(2, 2 * SLICE), tuple(2, 3 * SLICE));
        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
    }

    @Test
    void aWholeChunkFrameIsStillAcceptedForAChunkAskedInSlices() throws IOException {
        SyncHarness h = new SyncHarness(dir, SLICED.withRequestsInFlight(4));
        ManifestEntry a = h.guide("a", 2 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        List<ChunkRequest> sent = h.newRequests();
        h.answer(sent.get(0));

        h.deliverChunk(h.wholeChunk(a.contentId(), 0).toFrame()); // a version 1 frame

        assertThat(h.engine.stats().chunksWritten()).isEqualTo(1);
        List<ChunkRequest> next = h.newRequests();
        assertThat(next).as("the chunk's slice requests are settled: the window moves on")
                .extracting(ChunkRequest::index).containsExactly(1, 1, 1, 1);
        sent.subList(1, 4).forEach(h::answer); // late answers to the slices: nothing to write
        assertThat(h.engine.stats().chunksDuplicate()).isEqualTo(3);
        next.forEach(h::answer);
        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
    }

    @Test
    void withSlicesOffItAsksWholeChunksWithVersion1Requests() throws IOException {
        SyncHarness h = new SyncHarness(dir, SETTINGS.withSliceBytes(0));
        ManifestEntry a = h.guide("a", 3 * SyncHarness.CHUNK + 7, 0);
        h.publish(h.manifest(1, List.of(a)));

        List<ChunkRequest> served = h.serveAll();

        assertThat(served).hasSize(4).allSatisfy(r -> assertThat(r.wholeChunk()).isTrue());
        assertThat(Files.readAllBytes(h.complete(a))).isEqualTo(h.server.get(a.contentId()));
        assertThat(h.engine.stats().slicesWritten()).isZero();
    }

    @Test
    void aSliceOffThisAgentsGridOrPastItsChunkIsNotWritten() {
        SyncHarness h = new SyncHarness(dir, SLICED.withRequestsInFlight(1));
        ManifestEntry a = h.guide("a", SyncHarness.CHUNK + 100, 0);
        h.publish(h.manifest(1, List.of(a)));
        byte[] content = h.server.get(a.contentId());

        h.deliverChunk(Chunk.slice(a.contentId(), 0, 512, java.util.Arrays.copyOfRange(content, 512, 512 + SLICE)).toFrame());
        h.deliverChunk(Chunk.slice(a.contentId(), 1, 0, new byte[101]).toFrame()); // chunk 1 is 100 bytes

        assertThat(h.engine.stats().chunksUnexpected()).isEqualTo(1);
        assertThat(h.engine.stats().chunksRejected()).isEqualTo(1);
        assertThat(h.engine.stats().slicesWritten()).isZero();
        assertThat(h.engine.stats().bytesWritten()).isZero();
    }

    @Test
    void theBandwidthCapCountsSliceBytes() {
        long rate = 4L * SLICE; // four 1 KiB slices a second
        SyncHarness h = new SyncHarness(dir, SLICED.withRequestsInFlight(64).withBandwidth(rate));
        ManifestEntry a = h.guide("a", 40 * SyncHarness.CHUNK, 0);
        h.publish(h.manifest(1, List.of(a)));
        int requested = h.newRequests().size();
        for (int i = 0; i < 40; i++) {
            h.advance(Duration.ofMillis(250));
            requested += h.newRequests().size();
        }
        // 10 s at four slices a second, plus the first second's burst
        assertThat(requested).isBetween(40, 46);
    }
}
