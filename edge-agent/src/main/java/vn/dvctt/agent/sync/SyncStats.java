package vn.dvctt.agent.sync;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what the sync engine saw; read from any thread (logs, heartbeat, tests, benchmarks). */
public final class SyncStats {

    final AtomicLong manifestsApplied = new AtomicLong();
    final AtomicLong manifestsRejected = new AtomicLong();
    final AtomicLong requestsSent = new AtomicLong();
    final AtomicLong requestsRetried = new AtomicLong();
    final AtomicLong chunksWritten = new AtomicLong();
    final AtomicLong slicesWritten = new AtomicLong();
    final AtomicLong chunksRejected = new AtomicLong();
    final AtomicLong chunksDuplicate = new AtomicLong();
    final AtomicLong chunksUnexpected = new AtomicLong();
    final AtomicLong bytesWritten = new AtomicLong();
    final AtomicLong contentsCompleted = new AtomicLong();
    final AtomicLong contentsDeleted = new AtomicLong();
    final AtomicLong wholeFileMismatches = new AtomicLong();
    final AtomicLong messagesDropped = new AtomicLong();

    public long manifestsApplied() {
        return manifestsApplied.get();
    }

    /** Malformed, for another device, or otherwise unreadable manifests. */
    public long manifestsRejected() {
        return manifestsRejected.get();
    }

    public long requestsSent() {
        return requestsSent.get();
    }

    /** Requests asked again after their timeout or a reconnect. */
    public long requestsRetried() {
        return requestsRetried.get();
    }

    /** Chunks held: checked against the manifest's hash, whole or assembled from slices. */
    public long chunksWritten() {
        return chunksWritten.get();
    }

    /** Slices written into part files (a chunk that arrives whole counts no slice). */
    public long slicesWritten() {
        return slicesWritten.get();
    }

    /**
     * Frames that were broken, slices outside their chunk, and chunks (whole or assembled from slices)
     * that did not match the manifest.
     */
    public long chunksRejected() {
        return chunksRejected.get();
    }

    /** Chunks or slices that arrived again after they were written. */
    public long chunksDuplicate() {
        return chunksDuplicate.get();
    }

    /** Frames of content the applied manifest does not (or no longer) list, or slices this agent never asks for. */
    public long chunksUnexpected() {
        return chunksUnexpected.get();
    }

    /** Bytes written into part files, including those of slices whose chunk failed its check. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    public long contentsCompleted() {
        return contentsCompleted.get();
    }

    public long contentsDeleted() {
        return contentsDeleted.get();
    }

    public long wholeFileMismatches() {
        return wholeFileMismatches.get();
    }

    /** Messages dropped because the engine's queue was full (a flood). */
    public long messagesDropped() {
        return messagesDropped.get();
    }

    @Override
    public String toString() {
        return "SyncStats[manifests=" + manifestsApplied + "/rejected " + manifestsRejected + ", requests=" + requestsSent
                + "/retried " + requestsRetried + ", chunks=" + chunksWritten + "/slices " + slicesWritten + "/rejected " + chunksRejected
                + "/duplicate " + chunksDuplicate + "/unexpected " + chunksUnexpected + ", bytes=" + bytesWritten
                + ", completed=" + contentsCompleted + ", deleted=" + contentsDeleted + ", dropped=" + messagesDropped + "]";
    }
}
