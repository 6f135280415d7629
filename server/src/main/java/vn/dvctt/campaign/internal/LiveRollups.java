package vn.dvctt.campaign.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dashboard's figures: a whole-country rollup per indicator and date, kept for at most
 * {@code dvctt.campaign.live-seconds}. Any unit's progress is then a map lookup. Each server
 * instance keeps its own, so with several instances a figure is at most that many seconds old;
 * a write on this instance drops the indicator's entries at once (and again after commit, so a
 * reader between the two cannot keep the old figures).
 */
@Component
public class LiveRollups {

    private static final String ROOT = "/VN/";
    private static final int MAX_ENTRIES = 512;
    private final Rollup rollup;
    private final long maxAgeNanos;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private record Key(long campaignIndicatorId, LocalDate asOf) {
    }

    private record Entry(Map<String, Rollup.Sums> sums, long loadedAt) {
    }

    LiveRollups(Rollup rollup, @Value("${dvctt.campaign.live-seconds:60}") long liveSeconds) {
        this.rollup = rollup;
        this.maxAgeNanos = liveSeconds * 1_000_000_000L;
    }

    /** Sums for the unit at {@code path} and everything below it; null when nothing is reported there. */
    public Rollup.Sums sums(long campaignIndicatorId, String path, LocalDate asOf) {
        Key key = new Key(campaignIndicatorId, asOf);
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null || System.nanoTime() - entry.loadedAt() > maxAgeNanos) {
            // Loaded outside the lock: two readers may both load; the later one wins, both are right.
            entry = new Entry(rollup.sums(campaignIndicatorId, ROOT, asOf), System.nanoTime());
            synchronized (entries) {
                entries.put(key, entry);
            }
        }
        return entry.sums().get(path);
    }

    /** Drops an indicator's figures now and once more when the writing transaction commits. */
    public void changed(long campaignIndicatorId) {
        forget(campaignIndicatorId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(campaignIndicatorId);
                }
            });
        }
    }

    /** Units moved: every cached path may be stale. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private void forget(long campaignIndicatorId) {
        synchronized (entries) {
            entries.keySet().removeIf(k -> k.campaignIndicatorId() == campaignIndicatorId);
        }
    }
}
