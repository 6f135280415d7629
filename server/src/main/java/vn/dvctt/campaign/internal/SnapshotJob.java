package vn.dvctt.campaign.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;
import vn.dvctt.campaign.CampaignSnapshots;
import vn.dvctt.security.CurrentUser;

/** Thin on purpose: takes the snapshots that fell due, as the system user, and says what failed. */
@DisallowConcurrentExecution
public class SnapshotJob extends QuartzJobBean {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Logger log = LoggerFactory.getLogger(SnapshotJob.class);
    private final CampaignSnapshots snapshots;
    private final CurrentUser currentUser;
    private final CampaignJobMetrics metrics;

    public SnapshotJob(CampaignSnapshots snapshots, CurrentUser currentUser, CampaignJobMetrics metrics) {
        this.snapshots = snapshots;
        this.currentUser = currentUser;
        this.metrics = metrics;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            int taken = metrics.snapshots(() -> currentUser.runAsSystem(() -> snapshots.takeDue(LocalDate.now(VIETNAM))));
            log.info("Campaign snapshots taken: {}", taken);
        } catch (RuntimeException e) {
            log.error("Campaign snapshots failed; the next run retries", e);
        }
    }
}
