package vn.dvctt.campaign.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dvctt.geo.UnitLabel;
import vn.dvctt.geo.UnitLevel;

/**
 * The dashboard's figures: a whole-country rollup per indicator and date, kept for at most
 * {@code dvctt.campaign.live-seconds}. Any unit's progress is then a map lookup. Past half that
 * age a reader still gets the kept figures while one background refresh reloads them, so people
 * rarely wait for a whole-country pass. Each server instance keeps its own, so with several
 * instances a figure is at most that many seconds old; a write on this instance drops the
 * indicator's entries at once (and again after commit, so a reader between the two cannot keep
 * the old figures).
 */
@Component
public class LiveRollups {

    private static final Logger log = LoggerFactory.getLogger(LiveRollups.class);
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

    private final AtomicLong writes = new AtomicLong();
    private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "campaign-rollup-refresh");
        thread.setDaemon(true);
        return thread;
    });

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
        long age = entry == null ? Long.MAX_VALUE : System.nanoTime() - entry.loadedAt();
        if (age > maxAgeNanos) {
            // Loaded outside the lock: two readers may both load; the later one wins, both are right.
            entry = load(key);
        } else if (age > maxAgeNanos / 2 && refreshing.add(key)) {
            refresher.execute(() -> {
                try {
                    load(key);
                } catch (RuntimeException e) {
                    log.warn("Refreshing the rollup of indicator {} failed; readers will load it", key, e);
                } finally {
                    refreshing.remove(key);
                }
            });
        }
        return entry.sums().get(path);
    }

    /** Keeps what it loaded unless a write dropped figures meanwhile: those may predate that write. */
    private Entry load(Key key) {
        long writesBefore = writes.get();
        Entry entry = new Entry(rollup.sums(key.campaignIndicatorId(), ROOT, key.asOf()), System.nanoTime());
        synchronized (entries) {
            if (writes.get() == writesBefore) {
                entries.put(key, entry);
            }
        }
        return entry;
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
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
            writes.incrementAndGet();
            entries.clear();
        }
        levelUnits.clear();
    }

    public void unitsChanged() {
        levelUnits.clear();
    }

    private record TimedUnits(Map<String, UnitLabel> labels, long loadedAt) {
    }

    private static final int MAX_LEVEL_LISTS = 1_000;
    private final Map<String, TimedUnits> levelUnits = new ConcurrentHashMap<>();

    /**
     * The units of a level under a path (every commune of the country for "who lags"), kept as long
     * as the rollups are: a unit created or renamed shows within the same 60 s as a new reading.
     * Geo's UnitsChanged and UnitsRepathed clear it at once on this instance.
     */
    public Map<String, UnitLabel> unitsAtLevel(String path, UnitLevel level, Supplier<Map<String, UnitLabel>> load) {
        String key = level + "@" + path;
        TimedUnits cached = levelUnits.get(key);
        if (cached == null || System.nanoTime() - cached.loadedAt() > maxAgeNanos) {
            if (levelUnits.size() >= MAX_LEVEL_LISTS) {
                levelUnits.clear();
            }
            cached = new TimedUnits(Map.copyOf(load.get()), System.nanoTime());
            levelUnits.put(key, cached);
        }
        return cached.labels();
    }

    private void forget(long campaignIndicatorId) {
        synchronized (entries) {
            writes.incrementAndGet();
            entries.keySet().removeIf(k -> k.campaignIndicatorId() == campaignIndicatorId);
        }
    }
}
