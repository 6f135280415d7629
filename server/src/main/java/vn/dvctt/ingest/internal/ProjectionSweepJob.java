package vn.dvctt.ingest.internal;

import java.time.Duration;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Thin on purpose: projects runner sessions whose after-commit projection was lost (the instance
 * stopped between commit and projection). On Quartz's clustered store, so once per trigger however
 * many instances run.
 */
@DisallowConcurrentExecution
public class ProjectionSweepJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionSweepJob.class);
    /** Left to the after-commit path first: a session changed in the last half minute is probably in hand. */
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final int PER_RUN = 5_000;

    private final SessionProjector projector;

    public ProjectionSweepJob(SessionProjector projector) {
        this.projector = projector;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            int done = projector.sweep(Instant.now().minus(GRACE), PER_RUN);
            if (done > 0) {
                log.info("Runner sessions projected by the sweep: {}", done);
            }
        } catch (RuntimeException e) {
            log.error("Projection sweep failed; the next run retries", e);
        }
    }
}
