package vn.dvctt.sync;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.content.Channel;
import vn.dvctt.content.DeviceIds;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.Manifest;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.content.Sha256;
import vn.dvctt.content.Topics;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.Scope;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.sync.internal.ManifestVersions;
import vn.dvctt.sync.internal.SyncManifest;
import vn.dvctt.sync.internal.SyncManifests;

/**
 * Issues each edge device its content manifest (content/docs/decisions/0003): stored here, published
 * retained at QoS 1 on the device's {@code manifest} topic. The chunk server answers a device only for
 * content listed in the manifest stored for it.
 *
 * <p>Who may: administrators and organizers whose area holds the device's venue (see
 * {@link DeviceAreas}); anyone whose area holds it may read its manifest.
 */
@Service
public class ContentSync {

    private static final Logger log = LoggerFactory.getLogger(ContentSync.class);
    private static final String AUDIT_TYPE = "DeviceManifest";
    static final long PUBLISH_TIMEOUT_MILLIS = 10_000;

    private final SyncManifests manifests;
    private final ManifestVersions versions;
    private final MqttGateway gateway;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final List<DeviceAreas> areas;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ContentSync(SyncManifests manifests, ManifestVersions versions, MqttGateway gateway, CurrentUser currentUser,
                AuditLog audit, List<DeviceAreas> areas, ApplicationEventPublisher events,
                PlatformTransactionManager transactions) {
        this.manifests = manifests;
        this.versions = versions;
        this.gateway = gateway;
        this.currentUser = currentUser;
        this.audit = audit;
        this.areas = areas;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = Clock.systemUTC();
    }

    /**
     * Stores and publishes the device's manifest: the guides it should hold, in the order given
     * (the entries' priorities decide what is fetched first and evicted first).
     *
     * <p>The version increases with every change, across server instances; an unchanged quota, window
     * and list is not issued again and returns the manifest already issued.
     *
     * @throws InvalidInputException {@code sync.error.manifest} for entries that break the manifest's
     *         rules (over the quota, listed twice…), {@code sync.error.tooLarge} when the manifest
     *         would exceed what a device accepts
     * @throws IllegalStateException when the broker does not take the manifest; nothing is stored
     */
    public Manifest publishManifest(String deviceId, long quotaBytes, DownloadWindow window, List<ManifestEntry> entries) {
        String path = requireManager(deviceId);
        Manifest draft = build(deviceId, 1, 0, quotaBytes, window, entries);
        String contentHash = Sha256.hex(draft.toJson().getBytes(StandardCharsets.UTF_8));
        try {
            return transaction.execute(status -> issue(draft, contentHash, path));
        } catch (DataIntegrityViolationException e) {
            // another instance inserted this device's first row at the same moment: its row now exists to lock
            return transaction.execute(status -> issue(draft, contentHash, path));
        }
    }

    private Manifest issue(Manifest draft, String contentHash, String path) {
        String deviceId = draft.deviceId();
        Optional<SyncManifest> existing = manifests.lockById(deviceId);
        if (existing.isPresent() && !existing.get().isRetired() && existing.get().getContentHash().equals(contentHash)) {
            return Manifest.fromJson(existing.get().getManifestJson());
        }
        Manifest manifest = build(deviceId, versions.next(), clock.millis(), draft.quotaBytes(), draft.downloadWindow(),
                draft.entries());
        byte[] payload = payload(manifest);
        SyncManifest row = existing.orElseGet(() -> new SyncManifest(deviceId));
        row.issue(manifest.version(), Instant.ofEpochMilli(manifest.generatedAt()), contentHash,
                new String(payload, StandardCharsets.UTF_8));
        manifests.saveAndFlush(row); // a racing first insert fails here, before anything is published
        // published while the row is locked: two instances can never leave an older version retained
        publishRetained(deviceId, payload);
        long total = manifest.entries().stream().mapToLong(ManifestEntry::sizeBytes).sum();
        audit.record("PUBLISH", AUDIT_TYPE, deviceId, path, existing.map(m -> "version " + m.getVersion()).orElse(null),
                "version " + manifest.version() + ", " + manifest.entries().size() + " guides, " + total + " bytes");
        events.publishEvent(new ManifestPublished(deviceId, manifest.version(), manifest.entries().size(), total));
        log.info("Manifest version {} issued to {}: {} guides, {} bytes", manifest.version(), deviceId,
                manifest.entries().size(), total);
        return manifest;
    }

    /**
     * Clears the device's retained manifest (an empty retained payload): it fetches nothing more and
     * the chunk server answers it no more. Publishing a manifest again brings it back.
     */
    public void retire(String deviceId) {
        String path = requireManager(deviceId);
        transaction.executeWithoutResult(status -> {
            Optional<SyncManifest> row = manifests.lockById(deviceId);
            row.ifPresent(m -> m.retire(clock.instant()));
            manifests.flush();
            publishRetained(deviceId, new byte[0]);
            audit.record("RETIRE", AUDIT_TYPE, deviceId, path, row.map(m -> "version " + m.getVersion()).orElse(null), null);
            events.publishEvent(new ManifestRetired(deviceId));
        });
        log.info("Manifest of {} cleared", deviceId);
    }

    /** The manifest last issued to the device, empty if none or retired. */
    public Optional<Manifest> currentManifest(String deviceId) {
        DeviceIds.requireValid(deviceId);
        Scope scope = currentUser.scope();
        if (!scope.canView(areaOf(deviceId))) {
            throw new OutsideScopeException("Device outside your area");
        }
        return transaction.execute(status -> manifests.findById(deviceId)
                .filter(m -> !m.isRetired())
                .map(m -> Manifest.fromJson(m.getManifestJson())));
    }

    private String requireManager(String deviceId) {
        try {
            DeviceIds.requireValid(deviceId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sync.error.device", e.getMessage(), deviceId);
        }
        Scope scope = currentUser.scope();
        String path = areaOf(deviceId);
        if ((scope.role() != Role.ADMIN && scope.role() != Role.ORGANIZER) || !scope.canView(path)) {
            throw new OutsideScopeException("Device outside your area");
        }
        return path;
    }

    private String areaOf(String deviceId) {
        for (DeviceAreas area : areas) {
            Optional<String> path = area.unitPathOf(deviceId);
            if (path.isPresent()) {
                return path.get();
            }
        }
        return Scope.ROOT_PATH; // unknown device: only the whole country's users
    }

    private static Manifest build(String deviceId, long version, long generatedAt, long quotaBytes, DownloadWindow window,
                                  List<ManifestEntry> entries) {
        try {
            return Manifest.of(deviceId, version, generatedAt, quotaBytes, window, entries);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("sync.error.manifest", "Invalid manifest: " + e.getMessage(), e.getMessage());
        }
    }

    private static byte[] payload(Manifest manifest) {
        try {
            return manifest.toPayload();
        } catch (IllegalStateException e) {
            throw new InvalidInputException("sync.error.tooLarge", e.getMessage(), Manifest.MAX_PAYLOAD_BYTES / 1024);
        }
    }

    private void publishRetained(String deviceId, byte[] payload) {
        String topic = Topics.device(deviceId, Channel.MANIFEST);
        try {
            IMqttToken token = gateway.publish(topic, payload, Channel.MANIFEST.qos(), true);
            token.waitForCompletion(PUBLISH_TIMEOUT_MILLIS);
            int[] codes = token.getReasonCodes();
            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                throw new IllegalStateException("refused with reason code 0x" + Integer.toHexString(codes[0]));
            }
        } catch (MqttException | RuntimeException e) {
            throw new IllegalStateException("The broker did not take the manifest for " + deviceId + ": " + e.getMessage(), e);
        }
    }
}
