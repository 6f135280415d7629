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
import vn.dvctt.geo.UnitsRepathed;
import vn.dvctt.guide.DevicePlan;
import vn.dvctt.guide.GuideDistribution;
import vn.dvctt.guide.GuideDistributionChanged;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.sync.ContentSync;
import vn.dvctt.venue.VenueMoved;

/**
 * Keeps every enrolled device's manifest equal to what the guide library plans for its venue: after
 * a device enrolls, and after any change to what an area should hold (a guide published, retired or
 * given a new video, a publication rule edited). Runs after commit on one background thread per
 * instance, so a province-wide change does not hold the organizer's page; an unchanged plan is not
 * issued again (sync compares), so repeating the work is harmless. The catch-up after a start is a
 * clustered Quartz job ({@link ManifestCatchUpJob}), so it runs once for all instances.
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

    /**
     * Catches up on changes the cluster missed (an instance was down, or died mid-way): re-plans every
     * enrolled device, a page at a time so a large fleet is never held in memory; unchanged plans cost
     * nothing. Run once per cluster start by {@link ManifestCatchUpJob}.
     *
     * @return how many devices were issued their manifest
     */
    int catchUp(int pageSize) {
        int issued = 0;
        String after = "";
        while (true) {
            String from = after;
            List<DeviceService.Installed> page = currentUser.runAsSystem(() -> devices.enrolledAfter(from, pageSize));
            for (DeviceService.Installed device : page) {
                if (issueTo(device)) {
                    issued++;
                }
            }
            if (page.size() < pageSize) {
                return issued;
            }
            after = page.get(page.size() - 1).deviceId();
        }
    }

    @TransactionalEventListener
    void on(GuideDistributionChanged event) {
        worker.execute(() -> issue(event.unitPath(), event.venueId()));
    }

    /** The venue's plan follows its new unit's publication rules; its devices' copies of the path moved with it. */
    @TransactionalEventListener
    void on(VenueMoved event) {
        worker.execute(() -> issue(event.toPath(), event.venueId()));
    }

    /** An import moved units (e.g. a commune to another district): the rules reaching them may differ now. */
    @TransactionalEventListener
    void on(UnitsRepathed event) {
        List<String> paths = event.newPaths().values().stream().sorted().toList();
        worker.execute(() -> {
            String covered = null;
            for (String path : paths) {
                // sorted, so a moved unit's moved descendants follow it: one walk of its subtree covers them
                if (covered == null || !path.startsWith(covered)) {
                    issue(path, null);
                    covered = path;
                }
            }
        });
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
