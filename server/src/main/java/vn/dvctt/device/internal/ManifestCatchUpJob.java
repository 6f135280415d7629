package vn.dvctt.device.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.PersistJobDataAfterExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Thin on purpose: the start-up catch-up of every device's manifest ({@link DeviceManifests#catchUp}),
 * as a clustered Quartz job so that one instance runs it for all. Records when it finished in its
 * job data, which {@link ManifestCatchUpScheduling} reads to tell that the cluster is already caught up.
 */
@DisallowConcurrentExecution
@PersistJobDataAfterExecution
public class ManifestCatchUpJob extends QuartzJobBean {

    static final String COMPLETED_AT = "completedAt";
    private static final Logger log = LoggerFactory.getLogger(ManifestCatchUpJob.class);

    private final DeviceManifests manifests;
    private final int pageSize;

    public ManifestCatchUpJob(DeviceManifests manifests, @Value("${dvctt.device.manifest-catch-up.page-size:500}") int pageSize) {
        this.manifests = manifests;
        this.pageSize = pageSize;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            int issued = manifests.catchUp(pageSize);
            context.getJobDetail().getJobDataMap().put(COMPLETED_AT, System.currentTimeMillis());
            log.info("Manifests checked after start: {} devices", issued);
        } catch (RuntimeException e) {
            // each device's own failure is already logged and skipped; this is the fleet walk itself failing
            log.error("Manifest catch-up failed; the next start or change issues what is missing", e);
        }
    }
}
