package vn.dvctt.agent.sync;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what the sync engine saw; read from any thread (logs, heartbeat, tests, benchmarks). */
public final class SyncStats {

    final AtomicLong manifestsApplied = new AtomicLong();
    final AtomicLong manifestsRejected = new AtomicLong();
    final AtomicLong requestsSent = new AtomicLong();
    final AtomicLong requestsRetried = new AtomicLong();
    final AtomicLong chunksWritten = new AtomicLong();
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

    public long chunksWritten() {
        return chunksWritten.get();
    }

    /** Frames that were broken, or chunks that did not match the manifest. */
    public long chunksRejected() {
        return chunksRejected.get();
    }

    public long chunksDuplicate() {
        return chunksDuplicate.get();
    }

    /** Chunks of content the applied manifest does not (or no longer) list. */
    public long chunksUnexpected() {
        return chunksUnexpected.get();
    }

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
                + "/retried " + requestsRetried + ", chunks=" + chunksWritten + "/rejected " + chunksRejected
                + "/duplicate " + chunksDuplicate + "/unexpected " + chunksUnexpected + ", bytes=" + bytesWritten
                + ", completed=" + contentsCompleted + ", deleted=" + contentsDeleted + ", dropped=" + messagesDropped + "]";
    }
}
