package vn.dvctt.device.internal;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.device.DeviceCredentialsWithdrawn;
import vn.dvctt.device.DeviceService;
import vn.dvctt.device.DeviceState;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.sync.ContentSync;
import vn.dvctt.sync.ManifestPublished;

/**
 * Where devices meet content sync (with {@link DeviceAreasFromVenues}): clears a revoked device's manifest, and tells the fleet what each new manifest lists so that
 * completeness is measured against it. Acts after commit, as the system, in a transaction of its own
 * (the finished one is still bound then and would not commit), and a failure here never undoes the
 * change that caused it.
 */
@Component
class DeviceSyncLink {

    private static final Logger log = LoggerFactory.getLogger(DeviceSyncLink.class);

    private final DeviceService devices;
    private final ContentSync sync;
    private final CurrentUser currentUser;
    private final TransactionTemplate fresh;

    DeviceSyncLink(DeviceService devices, ContentSync sync, CurrentUser currentUser,
                   PlatformTransactionManager transactions) {
        this.devices = devices;
        this.sync = sync;
        this.currentUser = currentUser;
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A revoked device fetches nothing more: its retained manifest goes, and chunk requests go unanswered. */
    @TransactionalEventListener
    void on(DeviceCredentialsWithdrawn event) {
        try {
            fresh.executeWithoutResult(status -> currentUser.runAsSystem(() -> {
                // re-enrolment also withdraws credentials: the same device keeps its manifest for the new ones
                if (devices.stateOf(event.deviceId()).filter(s -> s == DeviceState.REVOKED).isPresent()) {
                    sync.retire(event.deviceId());
                }
                return null;
            }));
        } catch (RuntimeException e) {
            log.warn("Manifest of revoked device {} not cleared; the broker refuses it anyway", event.deviceId(), e);
        }
    }

    @TransactionalEventListener
    void on(ManifestPublished event) {
        try {
            fresh.executeWithoutResult(status -> currentUser.runAsSystem(() -> {
                if (devices.unitPathOf(event.deviceId()).isPresent()) {
                    sync.currentManifest(event.deviceId()).ifPresent(manifest -> devices.expect(event.deviceId(),
                            manifest.entries().stream().map(ManifestEntry::contentId).collect(Collectors.toSet())));
                }
                return null;
            }));
        } catch (RuntimeException e) {
            log.warn("Fleet completeness of {} not updated to manifest {}", event.deviceId(), event.version(), e);
        }
    }
}
