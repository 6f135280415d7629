package vn.dvctt.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import vn.dvctt.content.Channel;
import vn.dvctt.content.Chunk;
import vn.dvctt.content.ChunkRequest;
import vn.dvctt.content.Chunking;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Topics;
import vn.dvctt.media.ContentStore;
import vn.dvctt.mqtt.MqttGateway;

class ChunkServerTest {

    private static final String DEVICE = "dev-1";

    @TempDir
    Path dir;

    private final MqttGateway gateway = mock(MqttGateway.class);
    private final ManifestCache allowed = mock(ManifestCache.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void servesTheRequestedChunkFromItsOffsetWithoutRetainAndWithExpiry() throws Exception {
        ContentStore store = new ContentStore(dir);
        byte[] video = new byte[3 * Chunking.MIN_CHUNK_SIZE_BYTES + 10];
        new Random(3).nextBytes(video);
        String id = store.put(new ByteArrayInputStream(video), video.length).sha256();
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(video), Chunking.MIN_CHUNK_SIZE_BYTES).toEntry("g", "G", 0);
        when(allowed.allowed(DEVICE, id)).thenReturn(Optional.of(entry));
        when(gateway.publish(anyString(), any(), anyInt(), anyBoolean(), anyLong())).thenReturn(mock(IMqttToken.class));
        ChunkServer server = new ChunkServer(gateway, store, allowed, meters, 1, 4);

        server.serve(DEVICE, request(DEVICE, id, 3));

        ArgumentCaptor<byte[]> frame = ArgumentCaptor.forClass(byte[].class);
        verify(gateway).publish(eq(Topics.device(DEVICE, Channel.CHUNK)), frame.capture(), eq(0), eq(false),
                eq(Channel.CHUNK_MESSAGE_EXPIRY_SECONDS));
        Chunk chunk = Chunk.fromFrame(frame.getValue());
        Chunking.verify(entry, chunk);
        assertThat(chunk.length()).isEqualTo(10);
        assertThat(meters.get("dvctt.sync.chunk.bytes").counter().count()).isEqualTo(10);
    }

    @Test
    void answersASliceRequestWithExactlyThatRangeInASliceFrame() throws Exception {
        ContentStore store = new ContentStore(dir);
        byte[] video = new byte[3 * Chunking.MIN_CHUNK_SIZE_BYTES + 10];
        new Random(4).nextBytes(video);
        String id = store.put(new ByteArrayInputStream(video), video.length).sha256();
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(video), Chunking.MIN_CHUNK_SIZE_BYTES).toEntry("g", "G", 0);
        when(allowed.allowed(DEVICE, id)).thenReturn(Optional.of(entry));
        when(gateway.publish(anyString(), any(), anyInt(), anyBoolean(), anyLong())).thenReturn(mock(IMqttToken.class));
        ChunkServer server = new ChunkServer(gateway, store, allowed, meters, 1, 4);

        server.serve(DEVICE, slice(DEVICE, id, 1, 1000, 3096)); // to the chunk's last byte
        server.serve(DEVICE, slice(DEVICE, id, 3, 4, 6));       // the last chunk is 10 bytes

        ArgumentCaptor<byte[]> frames = ArgumentCaptor.forClass(byte[].class);
        verify(gateway, org.mockito.Mockito.times(2)).publish(eq(Topics.device(DEVICE, Channel.CHUNK)), frames.capture(),
                eq(0), eq(false), eq(Channel.CHUNK_MESSAGE_EXPIRY_SECONDS));
        Chunk first = Chunk.fromFrame(frames.getAllValues().get(0));
        assertThat(first.isSlice()).isTrue();
        assertThat(first.index()).isEqualTo(1);
        assertThat(first.offset()).isEqualTo(1000);
        int from = Chunking.MIN_CHUNK_SIZE_BYTES + 1000;
        assertThat(first.bytes()).isEqualTo(java.util.Arrays.copyOfRange(video, from, from + 3096));
        Chunk last = Chunk.fromFrame(frames.getAllValues().get(1));
        assertThat(last.bytes()).isEqualTo(java.util.Arrays.copyOfRange(video, video.length - 6, video.length));
        Chunking.verifySlice(entry, last);
        assertThat(meters.get("dvctt.sync.chunk.bytes").counter().count()).isEqualTo(3096 + 6);
        assertThat(meters.get("dvctt.sync.chunks").tag("outcome", "served").counter().count()).isEqualTo(2);
    }

    @Test
    void refusesASliceReachingPastItsChunkAndCountsIt() throws Exception {
        ContentStore store = new ContentStore(dir);
        byte[] video = new byte[Chunking.MIN_CHUNK_SIZE_BYTES + 10];
        new Random(5).nextBytes(video);
        String id = store.put(new ByteArrayInputStream(video), video.length).sha256();
        ManifestEntry entry = Chunking.hash(new ByteArrayInputStream(video), Chunking.MIN_CHUNK_SIZE_BYTES).toEntry("g", "G", 0);
        when(allowed.allowed(DEVICE, id)).thenReturn(Optional.of(entry));
        ChunkServer server = new ChunkServer(gateway, store, allowed, meters, 1, 4);

        server.serve(DEVICE, slice(DEVICE, id, 0, 4000, 97));  // 4097 > 4096
        server.serve(DEVICE, slice(DEVICE, id, 1, 0, 11));     // the last chunk is 10 bytes
        server.serve(DEVICE, slice(DEVICE, id, 2, 0, 1));      // no chunk 2
        server.serve(DEVICE, slice("dev-2", id, 0, 0, 1));     // the payload names another device

        verify(gateway, never()).publish(anyString(), any(), anyInt(), anyBoolean(), anyLong());
        assertThat(meters.get("dvctt.sync.chunks").tag("outcome", "denied").counter().count()).isEqualTo(4);
        assertThat(meters.get("dvctt.sync.chunk.bytes").counter().count()).isZero();
    }

    @Test
    void refusesContentNotInTheDevicesManifestAndRequestsNamingAnotherDevice() throws Exception {
        String id = "a".repeat(64);
        when(allowed.allowed(DEVICE, id)).thenReturn(Optional.empty());
        ChunkServer server = new ChunkServer(gateway, new ContentStore(dir), allowed, meters, 1, 4);

        server.serve(DEVICE, request(DEVICE, id, 0));
        server.serve(DEVICE, request("dev-2", id, 0));
        server.serve(DEVICE, "{not json".getBytes());

        verify(gateway, never()).publish(anyString(), any(), anyInt(), anyBoolean(), anyLong());
        assertThat(meters.get("dvctt.sync.chunks").tag("outcome", "denied").counter().count()).isEqualTo(2);
        assertThat(meters.get("dvctt.sync.chunks").tag("outcome", "malformed").counter().count()).isEqualTo(1);
    }

    @Test
    void aFloodBeyondTheQueueIsDroppedAndCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        when(allowed.allowed(anyString(), anyString())).thenAnswer(invocation -> {
            busy.countDown();
            release.await(); // the one worker is stuck on a slow disk
            return Optional.empty();
        });
        ChunkServer server = new ChunkServer(gateway, new ContentStore(dir), allowed, meters, 1, 4);
        String topic = Topics.device(DEVICE, Channel.CHUNK_REQUEST);

        server.onRequest(topic, request(DEVICE, "b".repeat(64), 0));
        busy.await();
        for (int i = 0; i < 1000; i++) {
            server.onRequest(topic, request(DEVICE, "b".repeat(64), i));
        }
        release.countDown();
        server.stop();

        assertThat(meters.get("dvctt.sync.chunks").tag("outcome", "dropped").counter().count()).isEqualTo(1000 - 4);
    }

    private static byte[] slice(String device, String contentId, int index, int offset, int length) {
        return ChunkRequest.slice(device, UUID.randomUUID().toString(), contentId, index, offset, length).toPayload();
    }

    private static byte[] request(String device, String contentId, int index) {
        return ChunkRequest.of(device, UUID.randomUUID().toString(), contentId, index).toPayload();
    }
}
