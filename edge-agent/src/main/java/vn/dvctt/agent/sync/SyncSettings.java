package vn.dvctt.agent.sync;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import vn.dvctt.content.Chunking;

/**
 * How the agent downloads content.
 *
 * @param requestsInFlight      requests outstanding at once: the window, in slices (or in whole chunks
 *                              when {@code sliceBytes} is 0). Slices × window is what a cut can throw
 *                              away; it must cover the link's bandwidth-delay product with room for a
 *                              loss stall (content/docs/decisions/0005)
 * @param requestTimeout        after this a request is asked again with a new id
 * @param bandwidthBytesPerSecond cap on chunk bytes requested per second; 0 for no cap
 * @param ignoreDownloadWindow  download at any hour, whatever the manifest's window says (tests, a
 *                              technician on site)
 * @param zone                  the wall clock the manifest's window is read in
 * @param maxContentBytes       a local ceiling under the manifest's quota (a small disk); 0 for none
 * @param heartbeatInterval     how often a heartbeat is published
 * @param inventoryInterval     the least time between two inventories while chunks arrive
 * @param progressFlushChunks   chunks received between two fsyncs of a partial file and its progress
 *                              record: at most these many are fetched again after a power cut
 * @param sliceBytes            bytes asked per request, a slice of a chunk (version 2 requests); a chunk
 *                              shorter than this is asked whole in one slice; 0 asks whole chunks with
 *                              version 1 requests, for a server not yet upgraded
 */
public record SyncSettings(int requestsInFlight, Duration requestTimeout, long bandwidthBytesPerSecond,
                           boolean ignoreDownloadWindow, ZoneId zone, long maxContentBytes,
                           Duration heartbeatInterval, Duration inventoryInterval, int progressFlushChunks,
                           int sliceBytes) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Slices are at least this long: smaller ones cost more in headers and requests than a cut wastes. */
    public static final int MIN_SLICE_BYTES = 1024;
    public static final int DEFAULT_SLICE_BYTES = 64 * 1024;

    public static final SyncSettings DEFAULTS = new SyncSettings(8, Duration.ofSeconds(30), 0, false, VIETNAM, 0,
            Duration.ofSeconds(60), Duration.ofSeconds(5), 4, DEFAULT_SLICE_BYTES);

    public SyncSettings {
        if (requestsInFlight < 1 || requestsInFlight > 64) {
            throw new IllegalArgumentException("requests in flight must be 1..64, got " + requestsInFlight);
        }
        requirePositive(requestTimeout, "request timeout");
        if (bandwidthBytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must be >= 0, got " + bandwidthBytesPerSecond);
        }
        Objects.requireNonNull(zone, "zone");
        if (maxContentBytes < 0) {
            throw new IllegalArgumentException("max content bytes must be >= 0, got " + maxContentBytes);
        }
        requirePositive(heartbeatInterval, "heartbeat interval");
        requirePositive(inventoryInterval, "inventory interval");
        if (progressFlushChunks < 1) {
            throw new IllegalArgumentException("progress flush chunks must be >= 1, got " + progressFlushChunks);
        }
        if (sliceBytes != 0 && (sliceBytes < MIN_SLICE_BYTES || sliceBytes > Chunking.MAX_CHUNK_SIZE_BYTES)) {
            throw new IllegalArgumentException("slice size must be 0 (whole chunks) or " + MIN_SLICE_BYTES + ".."
                    + Chunking.MAX_CHUNK_SIZE_BYTES + " bytes, got " + sliceBytes);
        }
    }

    /** True when whole chunks are asked (version 1 requests). */
    public boolean wholeChunks() {
        return sliceBytes == 0;
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }

    public SyncSettings withRequestsInFlight(int n) {
        return new SyncSettings(n, requestTimeout, bandwidthBytesPerSecond, ignoreDownloadWindow, zone, maxContentBytes,
                heartbeatInterval, inventoryInterval, progressFlushChunks, sliceBytes);
    }

    public SyncSettings withRequestTimeout(Duration timeout) {
        return new SyncSettings(requestsInFlight, timeout, bandwidthBytesPerSecond, ignoreDownloadWindow, zone,
                maxContentBytes, heartbeatInterval, inventoryInterval, progressFlushChunks, sliceBytes);
    }

    public SyncSettings withBandwidth(long bytesPerSecond) {
        return new SyncSettings(requestsInFlight, requestTimeout, bytesPerSecond, ignoreDownloadWindow, zone,
                maxContentBytes, heartbeatInterval, inventoryInterval, progressFlushChunks, sliceBytes);
    }

    public SyncSettings withIgnoreDownloadWindow(boolean ignore) {
        return new SyncSettings(requestsInFlight, requestTimeout, bandwidthBytesPerSecond, ignore, zone,
                maxContentBytes, heartbeatInterval, inventoryInterval, progressFlushChunks, sliceBytes);
    }

    public SyncSettings withMaxContentBytes(long bytes) {
        return new SyncSettings(requestsInFlight, requestTimeout, bandwidthBytesPerSecond, ignoreDownloadWindow, zone,
                bytes, heartbeatInterval, inventoryInterval, progressFlushChunks, sliceBytes);
    }

    public SyncSettings withProgressFlushChunks(int chunks) {
        return new SyncSettings(requestsInFlight, requestTimeout, bandwidthBytesPerSecond, ignoreDownloadWindow, zone,
                maxContentBytes, heartbeatInterval, inventoryInterval, chunks, sliceBytes);
    }

    public SyncSettings withHeartbeatInterval(Duration interval) {
        return new SyncSettings(requestsInFlight, requestTimeout, bandwidthBytesPerSecond, ignoreDownloadWindow, zone,
                maxContentBytes, interval, inventoryInterval, progressFlushChunks, sliceBytes);
    }

    public SyncSettings withSliceBytes(int bytes) {
        return new SyncSettings(requestsInFlight, requestTimeout, bandwidthBytesPerSecond, ignoreDownloadWindow, zone,
                maxContentBytes, heartbeatInterval, inventoryInterval, progressFlushChunks, bytes);
    }
}
