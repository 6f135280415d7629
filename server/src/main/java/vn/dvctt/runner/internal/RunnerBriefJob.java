package vn.dvctt.runner.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;
import vn.dvctt.security.Scope;

/**
 * Thin on purpose: re-briefs every device once a day (the session window moves on, the catalogue may
 * have changed) and once at start-up; unchanged briefs are not published again. Clustered Quartz, so
 * once per trigger for all instances.
 */
@DisallowConcurrentExecution
public class RunnerBriefJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(RunnerBriefJob.class);
    private final RunnerBriefs briefs;

    public RunnerBriefJob(RunnerBriefs briefs) {
        this.briefs = briefs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            log.info("Runner briefs published: {}", briefs.publishWithin(Scope.ROOT_PATH, null));
        } catch (RuntimeException e) {
            log.error("Runner briefs failed; the next run retries", e);
        }
    }
}
