package vn.dvctt.sync.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;

/**
 * The content each device may fetch, for the chunk server. The live version is read from the
 * database on every request (one primary-key lookup per chunk of hundreds of KB), so a manifest
 * issued or retired by another instance counts at once; only the parsed list is cached, keyed by
 * device and version.
 */
@Component
public class ManifestCache {

    static final int MAX_DEVICES = 2_000;

    private final SyncManifests manifests;
    private final Map<String, Allowed> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Allowed> eldest) {
            return size() > MAX_DEVICES;
        }
    };

    record Allowed(long version, Map<String, ManifestEntry> entries) {
    }

    ManifestCache(SyncManifests manifests) {
        this.manifests = manifests;
    }

    /** The entry for this content in the device's live manifest, empty when it is not listed there. */
    public Optional<ManifestEntry> allowed(String deviceId, String contentId) {
        Optional<Long> live = manifests.liveVersion(deviceId);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        long version = live.get();
        Allowed allowed;
        synchronized (cache) {
            allowed = cache.get(deviceId);
        }
        if (allowed == null || allowed.version() != version) {
            Optional<SyncManifest> row = manifests.findById(deviceId).filter(m -> !m.isRetired());
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Manifest manifest = Manifest.fromJson(row.get().getManifestJson());
            allowed = new Allowed(manifest.version(), manifest.entries().stream()
                    .collect(Collectors.toMap(ManifestEntry::contentId, Function.identity())));
            synchronized (cache) {
                cache.put(deviceId, allowed);
            }
        }
        return Optional.ofNullable(allowed.entries().get(contentId));
    }
}
