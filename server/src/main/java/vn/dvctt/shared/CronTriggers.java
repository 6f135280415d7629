package vn.dvctt.shared;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * Cron triggers for the clustered Quartz store, where every instance's start replaces the stored
 * trigger (overwrite-existing-jobs). Quartz starts a new cron trigger one second in the past, so an
 * instance starting within a second after another instance ran a fire time would schedule that same
 * fire time again, and the misfire rule would run it a second time. Starting a second ahead, the
 * first fire time is always after the moment the trigger was replaced.
 */
public final class CronTriggers {

    private CronTriggers() {
    }

    public static Trigger cron(JobDetail job, String key, String cron, TimeZone zone) {
        return cron(job, key, cron, zone, Instant.now());
    }

    static Trigger cron(JobDetail job, String key, String cron, TimeZone zone, Instant now) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(key)
                .startAt(Date.from(now.plusSeconds(1)))
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(zone)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
