package vn.dvctt.sync.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.dvctt.content.Channel;
import vn.dvctt.content.Chunk;
import vn.dvctt.content.ChunkRequest;
import vn.dvctt.content.DeviceTopic;
import vn.dvctt.content.MalformedPayloadException;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Topics;
import vn.dvctt.media.ContentStore;
import vn.dvctt.mqtt.MqttGateway;

/**
 * Answers chunk requests (content/docs/decisions/0003 and 0005). Every server instance joins the shared
 * subscription, so the broker hands each request to one of them. A device gets bytes only of content
 * listed in the manifest issued to it, the device being the one in the topic (the broker's ACL binds
 * topic to client): the store also holds people's photos.
 *
 * <p>A version 1 request gets its whole chunk in a version 1 frame, checked against the manifest's hash
 * before it is sent (agents already in the field ask so). A version 2 request gets exactly the slice it
 * names in a version 2 frame, if the range lies inside the chunk; the slice cannot be checked alone
 * (the manifest hashes whole chunks), so the agent checks the chunk once all its slices are in.
 *
 * <p>Work is bounded: requests wait in a queue of fixed size (a flood is dropped and counted, a
 * device asks again after its timeout), a few workers each read one chunk from disk at its offset and
 * wait until the client has written it out before taking the next, so at most one chunk per worker is
 * ever held in memory.
 */
@Component
public class ChunkServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChunkServer.class);
    private static final long WRITE_TIMEOUT_MILLIS = 30_000;

    private final MqttGateway gateway;
    private final ContentStore store;
    private final ManifestCache allowed;
    private final ThreadPoolExecutor workers;
    private final Counter bytesServed;
    private final Counter chunksServed;
    private final Counter dropped;
    private final Counter denied;
    private final Counter malformed;
    private final Counter failed;
    private volatile boolean running;

    ChunkServer(MqttGateway gateway, ContentStore store, ManifestCache allowed, MeterRegistry meters,
                @Value("${dvctt.sync.chunk-workers:2}") int workerCount,
                @Value("${dvctt.sync.chunk-queue:4096}") int queueCapacity) {
        this.gateway = gateway;
        this.store = store;
        this.allowed = allowed;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "dvctt-chunks-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.bytesServed = Counter.builder("dvctt.sync.chunk.bytes").description("Chunk bytes sent to devices")
                .baseUnit("bytes").register(meters);
        this.chunksServed = Counter.builder("dvctt.sync.chunks").tag("outcome", "served").register(meters);
        this.dropped = Counter.builder("dvctt.sync.chunks").tag("outcome", "dropped").register(meters);
        this.denied = Counter.builder("dvctt.sync.chunks").tag("outcome", "denied").register(meters);
        this.malformed = Counter.builder("dvctt.sync.chunks").tag("outcome", "malformed").register(meters);
        this.failed = Counter.builder("dvctt.sync.chunks").tag("outcome", "failed").register(meters);
    }

    @Override
    public void start() {
        try {
            gateway.subscribe(Topics.serverSubscription(Channel.CHUNK_REQUEST), Channel.CHUNK_REQUEST.qos(), this::onRequest);
        } catch (MqttException e) {
            // the gateway subscribes again on its next (re)connect
            log.warn("Chunk requests not subscribed yet: {}", e.getMessage());
        }
        running = true;
    }

    /** Before the gateway, so the subscription is registered for its first connect (and every reconnect). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    @Override
    public void stop() {
        running = false;
        workers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** On the MQTT client's thread: only queue. */
    void onRequest(String topic, byte[] payload) {
        Optional<DeviceTopic> parsed = Topics.parse(topic);
        if (parsed.isEmpty() || parsed.get().channel() != Channel.CHUNK_REQUEST) {
            malformed.increment();
            return;
        }
        String deviceId = parsed.get().deviceId();
        try {
            workers.execute(() -> serve(deviceId, payload));
        } catch (RejectedExecutionException e) {
            dropped.increment();
        }
    }

    void serve(String deviceId, byte[] payload) {
        ChunkRequest request;
        try {
            request = ChunkRequest.fromPayload(payload);
        } catch (MalformedPayloadException e) {
            malformed.increment();
            log.debug("Malformed chunk request from {}: {}", deviceId, e.getMessage());
            return;
        }
        try {
            Optional<ManifestEntry> entry = request.deviceId().equals(deviceId)
                    ? allowed.allowed(deviceId, request.contentId())
                    : Optional.empty();
            if (entry.isEmpty() || request.index() >= entry.get().chunkCount()) {
                denied.increment();
                log.debug("Refused chunk {} of {} to {}: not in its manifest", request.index(), request.contentId(), deviceId);
                return;
            }
            int chunkLength = entry.get().chunkLength(request.index());
            if (!request.wholeChunk() && (long) request.offset() + request.length() > chunkLength) {
                denied.increment();
                log.debug("Refused {} bytes at {} of chunk {} of {} to {}: the chunk is {} bytes", request.length(),
                        request.offset(), request.index(), request.contentId(), deviceId, chunkLength);
                return;
            }
            Chunk chunk = request.wholeChunk() ? readChunk(entry.get(), request.index()) : readSlice(entry.get(), request);
            if (!chunk.isSlice() && !chunk.sha256().equals(entry.get().chunkHashes().get(request.index()))) {
                failed.increment();
                log.error("Stored content {} differs from the manifest at chunk {}", request.contentId(), request.index());
                return;
            }
            gateway.publish(Topics.device(deviceId, Channel.CHUNK), chunk.toFrame(), Channel.CHUNK.qos(),
                    Channel.CHUNK.retained(), Channel.CHUNK_MESSAGE_EXPIRY_SECONDS).waitForCompletion(WRITE_TIMEOUT_MILLIS);
            chunksServed.increment();
            bytesServed.increment(chunk.length());
        } catch (IOException | MqttException | RuntimeException e) {
            failed.increment();
            log.warn("Chunk {} of {} for {} not sent: {}", request.index(), request.contentId(), deviceId, e.toString());
        }
    }

    /** Reads only this chunk, from its offset: a video is never loaded whole. */
    private Chunk readChunk(ManifestEntry entry, int index) throws IOException {
        return Chunk.of(entry.contentId(), index, read(entry, (long) index * entry.chunkSizeBytes(), entry.chunkLength(index)));
    }

    /** Reads only the slice asked for, already checked to lie inside its chunk. */
    private Chunk readSlice(ManifestEntry entry, ChunkRequest request) throws IOException {
        long at = (long) request.index() * entry.chunkSizeBytes() + request.offset();
        return Chunk.slice(entry.contentId(), request.index(), request.offset(), read(entry, at, request.length()));
    }

    private byte[] read(ManifestEntry entry, long at, int length) throws IOException {
        try (InputStream in = store.open(entry.contentId(), at)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("stored content " + entry.contentId() + " is shorter than its manifest says");
            }
            return bytes;
        }
    }
}
