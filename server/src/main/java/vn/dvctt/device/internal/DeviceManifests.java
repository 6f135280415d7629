package vn.dvctt.device.internal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.dvctt.device.DeviceEnrolled;
import vn.dvctt.device.DeviceService;
import vn.dvctt.guide.DevicePlan;
import vn.dvctt.guide.GuideDistribution;
import vn.dvctt.guide.GuideDistributionChanged;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.sync.ContentSync;

/**
 * Keeps every enrolled device's manifest equal to what the guide library plans for its venue: after
 * a device enrolls, and after any change to what an area should hold (a guide published, retired or
 * given a new video, a publication rule edited). Runs after commit on one background thread per
 * instance, so a province-wide change does not hold the organizer's page; an unchanged plan is not
 * issued again (sync compares), so repeating the work is harmless.
 */
@Component
class DeviceManifests {

    private static final Logger log = LoggerFactory.getLogger(DeviceManifests.class);

    private final DeviceService devices;
    private final GuideDistribution distribution;
    private final ContentSync sync;
    private final CurrentUser currentUser;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "device-manifests");
        t.setDaemon(true);
        return t;
    });

    DeviceManifests(DeviceService devices, GuideDistribution distribution, ContentSync sync, CurrentUser currentUser) {
        this.devices = devices;
        this.distribution = distribution;
        this.sync = sync;
        this.currentUser = currentUser;
    }

    /** Catches up on changes an instance missed (it was down, or died mid-way): unchanged plans cost nothing. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void afterStart() {
        worker.execute(() -> log.info("Manifests checked after start: {} devices", issue(vn.dvctt.security.Scope.ROOT_PATH, null)));
    }

    @TransactionalEventListener
    void on(GuideDistributionChanged event) {
        worker.execute(() -> issue(event.unitPath(), event.venueId()));
    }

    @TransactionalEventListener
    void on(DeviceEnrolled event) {
        worker.execute(() -> issueTo(new DeviceService.Installed(event.deviceId(), event.venueId())));
    }

    /** Issues the planned manifest to every enrolled device under the path (or at the venue); returns how many. */
    int issue(String unitPath, Long venueId) {
        List<DeviceService.Installed> targets = currentUser.runAsSystem(() -> devices.enrolled(unitPath, venueId));
        int issued = 0;
        for (DeviceService.Installed device : targets) {
            if (issueTo(device)) {
                issued++;
            }
        }
        return issued;
    }

    boolean issueTo(DeviceService.Installed device) {
        try {
            currentUser.runAsSystem(() -> {
                DevicePlan plan = distribution.planFor(device.venueId());
                return sync.publishManifest(device.deviceId(), plan.quotaBytes(), plan.downloadWindow(), plan.entries());
            });
            return true;
        } catch (RuntimeException e) {
            log.warn("Manifest of device {} not issued; the next change or start-up issues it", device.deviceId(), e);
            return false;
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
