package vn.dvctt.device.internal;

import java.time.Duration;
import java.time.Instant;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Schedules the manifest catch-up once per cluster start: a one-shot trigger with a fixed key in the
 * clustered job store. An instance that starts while the trigger is pending or running finds it
 * there; one that starts within {@code dvctt.device.manifest-catch-up.quiet} of a finished run finds
 * the run recorded on the job and leaves it; only a later start (the cluster was down, or an instance
 * died and may have missed changes) runs it again.
 *
 * <p>Scheduled in code rather than as Spring job and trigger beans: with overwrite-existing-jobs the
 * beans would replace the stored job (and its record of the last run) on every instance's start.
 */
@Component
class ManifestCatchUpScheduling {

    static final JobKey JOB = JobKey.jobKey("device-manifests-catch-up");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("device-manifests-catch-up");
    private static final Logger log = LoggerFactory.getLogger(ManifestCatchUpScheduling.class);

    private final Scheduler scheduler;
    private final Duration quiet;

    ManifestCatchUpScheduling(Scheduler scheduler, @Value("${dvctt.device.manifest-catch-up.quiet:PT10M}") Duration quiet) {
        this.scheduler = scheduler;
        this.quiet = quiet;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        try {
            schedule();
        } catch (SchedulerException e) {
            log.error("Manifest catch-up not scheduled; the next start or change issues what is missing", e);
        }
    }

    /** @return true when this call put the trigger in place */
    boolean schedule() throws SchedulerException {
        JobDetail job = scheduler.getJobDetail(JOB);
        if (job == null) {
            try {
                scheduler.addJob(JobBuilder.newJob(ManifestCatchUpJob.class).withIdentity(JOB).storeDurably()
                        .withDescription("Re-plans every enrolled device's manifest after a start").build(), false);
            } catch (ObjectAlreadyExistsException e) {
                // another instance stored it a moment ago
            }
            job = scheduler.getJobDetail(JOB);
        }
        if (job != null && job.getJobDataMap().containsKey(ManifestCatchUpJob.COMPLETED_AT)) {
            Instant done = Instant.ofEpochMilli(job.getJobDataMap().getLong(ManifestCatchUpJob.COMPLETED_AT));
            if (done.plus(quiet).isAfter(Instant.now())) {
                log.info("Manifest catch-up already done by the cluster at {}", done);
                return false;
            }
        }
        try {
            scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB).startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build());
            return true;
        } catch (ObjectAlreadyExistsException e) {
            log.info("Manifest catch-up already scheduled by another instance");
            return false;
        }
    }
}
