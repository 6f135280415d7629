package vn.dvctt.agent.sync;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import vn.dvctt.agent.BrokerLink;
import vn.dvctt.agent.Log;
import vn.dvctt.content.Channel;
import vn.dvctt.content.Chunk;
import vn.dvctt.content.ChunkRejectedException;
import vn.dvctt.content.ChunkRequest;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.Heartbeat;
import vn.dvctt.content.Inventory;
import vn.dvctt.content.MalformedPayloadException;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Topics;

/**
 * Keeps the content store equal to the device's manifest (docs/decisions/0003 in content/).
 *
 * <p>On a manifest newer than the one applied it deletes content no longer listed, admits the listed
 * guides in priority order while they fit the quota (and the local disk), evicting the rest, and
 * pulls the missing chunks in slices (content/docs/decisions/0005): a window of slice requests in
 * flight, each asked again after its own timeout. A slice is written at its place in a part file as
 * it arrives; its chunk is held once all its slices are in and the chunk read back from the file
 * matches the manifest's hash, else all its slices are asked again. A whole chunk (a version 1
 * frame) is checked against the manifest the moment it arrives. The guide is renamed into place only
 * when the whole file matches its SHA-256.
 *
 * <p>Threading: every method that touches state runs on the one thread behind the {@link Executor}
 * given to {@link #start}; the broker link's handlers only hand messages over. A bad message is
 * logged and counted, never thrown back into the MQTT client.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Log log = Log.of(SyncEngine.class);

    /** Space left free on the disk whatever the quota, so the OS and the log can still write. */
    static final long DISK_RESERVE_BYTES = 64L * 1024 * 1024;

    private final String deviceId;
    private final String agentVersion;
    private final BrokerLink link;
    private final ContentFolder folder;
    private final SyncSettings settings;
    private final Clock clock;
    private final TokenBucket bucket;
    private final SyncStats stats = new SyncStats();
    private final String requestTopic;
    private final String inventoryTopic;
    private final String heartbeatTopic;
    private final AtomicReference<byte[]> pendingManifest = new AtomicReference<>();

    private Executor events;
    private Manifest applied;
    private boolean suspended; // an empty manifest: the device was retired, fetch nothing
    private final List<ManifestEntry> admitted = new ArrayList<>();
    private final Map<String, ManifestEntry> admittedById = new HashMap<>();
    private final Map<String, PartialFile> partials = new HashMap<>();
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
    private OptionalLong lastSyncAt = OptionalLong.empty();
    private boolean inventoryDirty;
    private long lastInventoryAt = Long.MIN_VALUE / 2;
    private long lastFlushAt;

    /** One request awaiting its answer; {@code offset} is where its slice starts in the chunk (0 for a whole chunk). */
    private record InFlight(String contentId, int index, int offset, String requestId, long sentAt) {
    }

    public SyncEngine(String deviceId, String agentVersion, BrokerLink link, ContentFolder folder,
                      SyncSettings settings, Clock clock) {
        this.deviceId = deviceId;
        this.agentVersion = agentVersion;
        this.link = link;
        this.folder = folder;
        this.settings = settings;
        this.clock = clock;
        this.bucket = new TokenBucket(settings.bandwidthBytesPerSecond(), clock::millis);
        this.requestTopic = Topics.device(deviceId, Channel.CHUNK_REQUEST);
        this.inventoryTopic = Topics.device(deviceId, Channel.INVENTORY);
        this.heartbeatTopic = Topics.device(deviceId, Channel.HEARTBEAT);
    }

    /**
     * Loads the manifest applied before a restart and subscribes. Call once, before the link connects
     * (or at any time: subscriptions are renewed on every connect).
     *
     * @param events runs the engine's work, one task at a time, in order
     * @return completes when the broker first granted both subscriptions
     */
    public CompletableFuture<Void> start(Executor events) {
        this.events = events;
        lastSyncAt = folder.readLastSync();
        try {
            Optional<byte[]> saved = folder.readManifest();
            if (saved.isPresent()) {
                Manifest manifest = Manifest.fromPayload(saved.get());
                if (manifest.deviceId().equals(deviceId)) {
                    apply(manifest);
                    log.info("Resuming manifest version {} ({} guides)", manifest.version(), manifest.entries().size());
                }
            }
        } catch (IOException | MalformedPayloadException e) {
            log.warn("Ignoring the saved manifest: {}", e.getMessage());
        }
        CompletableFuture<Void> manifests = link.subscribe(Topics.device(deviceId, Channel.MANIFEST), Channel.MANIFEST.qos(), (topic, payload) -> {
            // only the latest matters: a burst of manifests collapses into the newest one
            pendingManifest.set(payload);
            submit(this::drainManifest);
        });
        CompletableFuture<Void> chunks = link.subscribe(Topics.device(deviceId, Channel.CHUNK), Channel.CHUNK.qos(),
                (topic, payload) -> submit(() -> onChunk(payload)));
        link.onConnected(() -> submit(this::onConnected));
        return CompletableFuture.allOf(manifests, chunks);
    }

    private void submit(Runnable task) {
        try {
            events.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Sync step failed; carrying on", e);
                }
            });
        } catch (RejectedExecutionException e) {
            stats.messagesDropped.incrementAndGet();
        }
    }

    public SyncStats stats() {
        return stats;
    }

    /** The version applied, 0 before any. For tests and the heartbeat log; read on any thread. */
    public synchronized long appliedVersion() {
        return applied == null ? 0 : applied.version();
    }

    // ---- manifests ---------------------------------------------------------------------------

    void drainManifest() {
        byte[] payload = pendingManifest.getAndSet(null);
        if (payload != null) {
            onManifest(payload);
        }
    }

    void onManifest(byte[] payload) {
        if (payload.length == 0) {
            // a retired device: stop fetching, keep what is held and the version applied (decision 0003)
            if (!suspended) {
                log.info("The manifest was cleared: no more downloads until a new one arrives");
            }
            suspended = true;
            inFlight.clear();
            return;
        }
        Manifest manifest;
        try {
            manifest = Manifest.fromPayload(payload);
        } catch (MalformedPayloadException e) {
            stats.manifestsRejected.incrementAndGet();
            log.warn("Ignoring a malformed manifest: {}", e.getMessage());
            return;
        }
        if (!manifest.deviceId().equals(deviceId)) {
            stats.manifestsRejected.incrementAndGet();
            log.warn("Ignoring a manifest for device {} on this device's topic", manifest.deviceId());
            return;
        }
        if (applied != null && manifest.version() <= applied.version()) {
            log.debug("Manifest version {} is not newer than the applied {}", manifest.version(), applied.version());
            return;
        }
        try {
            folder.writeManifest(payload);
        } catch (IOException e) {
            log.error("Cannot save manifest version {}; applying it anyway: {}", manifest.version(), e.toString());
        }
        apply(manifest);
        stats.manifestsApplied.incrementAndGet();
        log.info("Applied manifest version {}: {} guides, {} admitted, quota {} bytes", manifest.version(),
                manifest.entries().size(), admitted.size(), manifest.quotaBytes());
        publishInventory();
        pump();
    }

    private void apply(Manifest manifest) {
        synchronized (this) {
            applied = manifest;
        }
        suspended = false;
        List<ManifestEntry> byPriority = new ArrayList<>(manifest.entries());
        byPriority.sort(Comparator.comparingInt(ManifestEntry::priority)); // stable: listing order breaks ties
        long budget = manifest.quotaBytes();
        if (settings.maxContentBytes() > 0) {
            budget = Math.min(budget, settings.maxContentBytes());
        }
        long held = 0;
        for (ManifestEntry entry : byPriority) {
            held += folder.bytesOnDisk(entry);
        }
        budget = Math.min(budget, Math.max(0, folder.usableSpace() + held - DISK_RESERVE_BYTES));

        admitted.clear();
        admittedById.clear();
        long planned = 0;
        boolean full = false;
        for (ManifestEntry entry : byPriority) {
            // strictly by priority: once one does not fit, every later one is evicted or skipped
            if (!full && planned + entry.sizeBytes() <= budget) {
                planned += entry.sizeBytes();
                admitted.add(entry);
                admittedById.put(entry.contentId(), entry);
            } else {
                full = true;
            }
        }
        if (admitted.size() < byPriority.size()) {
            log.warn("Only {} of {} guides fit in {} bytes; the rest are skipped", admitted.size(), byPriority.size(), budget);
        }
        Set<String> onDisk = new HashSet<>(folder.completeIds());
        onDisk.addAll(folder.partialIds());
        onDisk.addAll(partials.keySet());
        for (String contentId : onDisk) {
            if (!admittedById.containsKey(contentId)) {
                delete(contentId);
            }
        }
        inFlight.values().removeIf(r -> !admittedById.containsKey(r.contentId()));
        checkAllHeld();
    }

    private void delete(String contentId) {
        PartialFile partial = partials.remove(contentId);
        try {
            if (partial != null) {
                partial.discard();
            }
            folder.delete(contentId);
            stats.contentsDeleted.incrementAndGet();
            inventoryDirty = true;
            log.info("Deleted content {}: no longer listed or no room for it", contentId);
        } catch (IOException e) {
            log.error("Cannot delete content {}: {}", contentId, e.toString());
        }
    }

    // ---- chunks ------------------------------------------------------------------------------

    void onChunk(byte[] frame) {
        Chunk chunk;
        try {
            chunk = Chunk.fromFrame(frame);
        } catch (ChunkRejectedException e) {
            stats.chunksRejected.incrementAndGet();
            log.warn("Dropping a chunk: {}", e.getMessage());
            return;
        }
        ManifestEntry entry = admittedById.get(chunk.contentId());
        if (entry == null || folder.isComplete(entry.contentId())) {
            stats.chunksUnexpected.incrementAndGet();
            return;
        }
        try {
            Chunking.verifySlice(entry, chunk); // content, index and range; a whole chunk is a slice too
        } catch (ChunkRejectedException e) {
            stats.chunksRejected.incrementAndGet();
            log.warn("Dropping a chunk: {}", e.getMessage());
            return;
        }
        boolean whole = chunk.offset() == 0 && chunk.length() == entry.chunkLength(chunk.index());
        if (whole) {
            onWholeChunk(entry, chunk);
        } else {
            onSlice(entry, chunk);
        }
        maybePublishInventory();
        pump();
    }

    /** A version 1 frame, or a slice that is its whole chunk: checked against the manifest at once. */
    private void onWholeChunk(ManifestEntry entry, Chunk chunk) {
        try {
            Chunking.verify(entry, chunk);
        } catch (ChunkRejectedException e) {
            stats.chunksRejected.incrementAndGet();
            log.warn("Dropping a chunk: {}", e.getMessage());
            return; // still in flight: asked again when its timeout passes
        }
        try {
            PartialFile partial = partial(entry);
            if (partial.has(chunk.index())) {
                stats.chunksDuplicate.incrementAndGet();
                settle(entry.contentId(), chunk.index(), chunk.offset());
                return;
            }
            partial.write(chunk);
            settleChunk(entry.contentId(), chunk.index());
            stats.bytesWritten.addAndGet(chunk.length());
            held(partial);
        } catch (IOException e) {
            log.error("Cannot write chunk {} of {}: {}", chunk.index(), entry.contentId(), e.toString());
            settleChunk(entry.contentId(), chunk.index()); // asked again on the next pump
        }
    }

    /**
     * A slice: written at its place at once; when it is the last of its chunk, the chunk is read back and
     * checked, and held or asked again whole.
     */
    private void onSlice(ManifestEntry entry, Chunk slice) {
        int step = sliceStep(entry, slice.index());
        int length = entry.chunkLength(slice.index());
        if (slice.offset() % step != 0 || slice.length() != Math.min(step, length - slice.offset())) {
            // intact and inside the chunk, but not a range this agent asks for (another slice size)
            stats.chunksUnexpected.incrementAndGet();
            log.debug("Ignoring a slice of {} bytes at {} of chunk {}: not on this agent's grid of {} bytes",
                    slice.length(), slice.offset(), slice.index(), step);
            return;
        }
        int number = slice.offset() / step;
        try {
            PartialFile partial = partial(entry);
            if (partial.has(slice.index()) || partial.hasSlice(slice.index(), number)) {
                stats.chunksDuplicate.incrementAndGet();
                settle(entry.contentId(), slice.index(), slice.offset());
                return;
            }
            int onFile = partial.writeSlice(slice, number);
            settle(entry.contentId(), slice.index(), slice.offset());
            stats.slicesWritten.incrementAndGet();
            stats.bytesWritten.addAndGet(slice.length());
            if (onFile < sliceCount(entry, slice.index())) {
                return;
            }
            if (partial.completeFromSlices(slice.index())) {
                held(partial);
            } else {
                stats.chunksRejected.incrementAndGet();
                log.warn("Chunk {} of {} assembled from slices does not match the manifest's hash; asking for it again",
                        slice.index(), entry.contentId());
            }
        } catch (IOException e) {
            log.error("Cannot write a slice of chunk {} of {}: {}", slice.index(), entry.contentId(), e.toString());
            settle(entry.contentId(), slice.index(), slice.offset()); // asked again on the next pump
        }
    }

    /** A chunk was just marked held: record progress now and then, finish the guide when it was the last. */
    private void held(PartialFile partial) throws IOException {
        stats.chunksWritten.incrementAndGet();
        inventoryDirty = true;
        if (partial.chunksSinceFlush() >= settings.progressFlushChunks()) {
            partial.flush();
            lastFlushAt = clock.millis();
        }
        if (partial.isComplete()) {
            finish(partial);
        }
    }

    /** Bytes per request for chunk {@code index}: the slice size, or the whole chunk. */
    private int sliceStep(ManifestEntry entry, int index) {
        int length = entry.chunkLength(index);
        return settings.wholeChunks() ? Math.max(1, length) : Math.max(1, Math.min(settings.sliceBytes(), length));
    }

    private int sliceCount(ManifestEntry entry, int index) {
        int step = sliceStep(entry, index);
        return (entry.chunkLength(index) + step - 1) / step;
    }

    private void settle(String contentId, int index, int offset) {
        inFlight.remove(key(contentId, index, offset));
    }

    /** Every request for the chunk is answered (a whole chunk may come for slices asked, or the reverse). */
    private void settleChunk(String contentId, int index) {
        inFlight.values().removeIf(r -> r.index() == index && r.contentId().equals(contentId));
    }

    private PartialFile partial(ManifestEntry entry) throws IOException {
        PartialFile partial = partials.get(entry.contentId());
        if (partial == null) {
            partial = folder.openPartial(entry);
            partials.put(entry.contentId(), partial);
        }
        return partial;
    }

    /** Every chunk is held: check the whole file, then make it playable, or start it over. */
    private void finish(PartialFile partial) throws IOException {
        ManifestEntry entry = partial.entry();
        partial.flush();
        boolean matches;
        try (InputStream in = partial.read()) {
            matches = Chunking.matches(entry, in);
        }
        partials.remove(entry.contentId());
        if (matches) {
            folder.promote(partial);
            stats.contentsCompleted.incrementAndGet();
            log.info("Content {} ({}) complete and playable", entry.contentId(), entry.title());
        } else {
            stats.wholeFileMismatches.incrementAndGet();
            log.error("Content {} does not match its SHA-256 although every chunk did; fetching it again", entry.contentId());
            partial.discard();
        }
        checkAllHeld();
        publishInventory();
    }

    private void checkAllHeld() {
        if (applied == null) {
            return;
        }
        for (ManifestEntry entry : admitted) {
            if (!folder.isComplete(entry.contentId())) {
                return;
            }
        }
        if (admitted.isEmpty() && !applied.entries().isEmpty()) {
            return;
        }
        long now = clock.millis();
        if (lastSyncAt.isEmpty() || lastSyncAt.getAsLong() < now) {
            lastSyncAt = OptionalLong.of(now);
            try {
                folder.writeLastSync(now);
            } catch (IOException e) {
                log.warn("Cannot save the last sync time: {}", e.toString());
            }
        }
    }

    // ---- requests ----------------------------------------------------------------------------

    /** Sends requests until the window is full, the bandwidth cap says wait, or nothing is missing. */
    void pump() {
        if (applied == null || suspended || !link.isConnected() || !inDownloadWindow()) {
            return;
        }
        for (ManifestEntry entry : admitted) {
            if (inFlight.size() >= settings.requestsInFlight()) {
                return;
            }
            if (folder.isComplete(entry.contentId())) {
                continue;
            }
            PartialFile partial;
            try {
                partial = partial(entry);
                if (partial.isComplete()) {
                    finish(partial); // empty content, or a part completed before a crash
                    continue;
                }
            } catch (IOException e) {
                log.error("Cannot open the part file of {}: {}", entry.contentId(), e.toString());
                continue;
            }
            for (int index = partial.nextMissing(0); index < entry.chunkCount(); index = partial.nextMissing(index + 1)) {
                int length = entry.chunkLength(index);
                int step = sliceStep(entry, index);
                for (int offset = 0; offset < length; offset += step) {
                    if (inFlight.size() >= settings.requestsInFlight()) {
                        return;
                    }
                    if (partial.hasSlice(index, offset / step)) {
                        continue;
                    }
                    String key = key(entry.contentId(), index, offset);
                    if (inFlight.containsKey(key)) {
                        continue;
                    }
                    int sliceLength = Math.min(step, length - offset);
                    if (!bucket.tryTake(sliceLength)) {
                        return; // the next tick tries again
                    }
                    request(entry.contentId(), index, offset, sliceLength, key);
                }
            }
        }
    }

    private void request(String contentId, int index, int offset, int length, String key) {
        String requestId = UUID.randomUUID().toString();
        inFlight.put(key, new InFlight(contentId, index, offset, requestId, clock.millis()));
        stats.requestsSent.incrementAndGet();
        ChunkRequest request = settings.wholeChunks()
                ? ChunkRequest.of(deviceId, requestId, contentId, index)
                : ChunkRequest.slice(deviceId, requestId, contentId, index, offset, length);
        link.publish(requestTopic, request.toPayload(), Channel.CHUNK_REQUEST.qos(), Channel.CHUNK_REQUEST.retained())
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        log.debug("Chunk request {} not sent: {}", requestId, failure.getMessage());
                    }
                });
    }

    boolean inDownloadWindow() {
        return settings.ignoreDownloadWindow()
                || applied.downloadWindow().contains(LocalTime.ofInstant(clock.instant(), settings.zone()));
    }

    private static String key(String contentId, int index, int offset) {
        return contentId + "/" + index + "/" + offset;
    }

    // ---- timers and connection -----------------------------------------------------------------

    /** Retries timed-out requests, flushes progress, publishes a due inventory and refills the window. */
    public void tick() {
        drainManifest();
        long now = clock.millis();
        long timeout = settings.requestTimeout().toMillis();
        for (Iterator<InFlight> it = inFlight.values().iterator(); it.hasNext(); ) {
            InFlight request = it.next();
            if (now - request.sentAt() >= timeout) {
                it.remove();
                stats.requestsRetried.incrementAndGet();
                log.debug("Chunk {} at {} of {} timed out (request {})", request.index(), request.offset(),
                        request.contentId(), request.requestId());
            }
        }
        if (now - lastFlushAt >= 2_000) {
            flushAll();
            lastFlushAt = now;
        }
        maybePublishInventory();
        pump();
    }

    void onConnected() {
        // requests sent before the cut are lost with it: ask again at once instead of waiting them out
        stats.requestsRetried.addAndGet(inFlight.size());
        inFlight.clear();
        publishInventory();
        publishHeartbeat();
        pump();
    }

    public void publishHeartbeat() {
        if (!link.isConnected()) {
            return;
        }
        Heartbeat heartbeat = Heartbeat.of(deviceId, agentVersion, clock.millis(), folder.usableSpace(), lastSyncAt);
        link.publish(heartbeatTopic, heartbeat.toPayload(), Channel.HEARTBEAT.qos(), Channel.HEARTBEAT.retained());
    }

    private void maybePublishInventory() {
        if (inventoryDirty && clock.millis() - lastInventoryAt >= settings.inventoryInterval().toMillis()) {
            publishInventory();
        }
    }

    /** A full snapshot of what is on disk; sent when connected, else marked due for the next connect. */
    void publishInventory() {
        if (!link.isConnected()) {
            inventoryDirty = true;
            return;
        }
        List<Inventory.Item> items = new ArrayList<>();
        for (String id : folder.completeIds()) {
            ManifestEntry entry = admittedById.get(id);
            items.add(new Inventory.Item(id, entry != null ? entry.sizeBytes() : fileSize(id), Inventory.State.COMPLETE));
        }
        for (PartialFile partial : partials.values()) {
            if (partial.chunksHeld() > 0) {
                items.add(new Inventory.Item(partial.entry().contentId(), partial.bytesHeld(), Inventory.State.PARTIAL));
            }
        }
        Inventory inventory = Inventory.of(deviceId, appliedVersion(), clock.millis(), items);
        link.publish(inventoryTopic, inventory.toPayload(), Channel.INVENTORY.qos(), Channel.INVENTORY.retained())
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        log.debug("Inventory not delivered: {}", failure.getMessage());
                    }
                });
        inventoryDirty = false;
        lastInventoryAt = clock.millis();
    }

    private long fileSize(String contentId) {
        try {
            return java.nio.file.Files.size(folder.complete(contentId));
        } catch (IOException e) {
            return 0;
        }
    }

    private void flushAll() {
        for (PartialFile partial : partials.values()) {
            try {
                partial.flush();
            } catch (IOException e) {
                log.warn("Cannot record the progress of {}: {}", partial.entry().contentId(), e.toString());
            }
        }
    }

    /** Records progress and closes the part files; the link is closed by its owner. */
    @Override
    public void close() {
        flushAll();
        for (PartialFile partial : partials.values()) {
            try {
                partial.close();
            } catch (IOException e) {
                log.warn("Cannot close the part file of {}: {}", partial.entry().contentId(), e.toString());
            }
        }
        partials.clear();
    }
}
