package vn.dvctt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.TriggerBuilder;
import org.quartz.CronScheduleBuilder;
import org.quartz.spi.OperableTrigger;

class CronTriggersTest {

    private static final JobDetail JOB = JobBuilder.newJob(Job.class).withIdentity("job").storeDurably().build();
    private static final TimeZone ZONE = TimeZone.getTimeZone("Asia/Ho_Chi_Minh");

    @Test
    void aTriggerReplacedJustAfterItsFireTimeDoesNotFireThatTimeAgain() {
        // 00:30:00.400 Vietnam time: another instance ran the 00:30 fire a moment ago
        Instant justAfter = Instant.parse("2026-11-22T17:30:00.400Z");
        OperableTrigger trigger = (OperableTrigger) CronTriggers.cron(JOB, "t", "0 30 0 * * ?", ZONE, justAfter);
        Date first = trigger.computeFirstFireTime(null);
        assertThat(first.toInstant()).isEqualTo(Instant.parse("2026-11-23T17:30:00Z"));
    }

    @Test
    void quartzsOwnDefaultWouldFireItAgain() {
        // what the triggers did before: start "now", which Quartz backs off by a second
        Instant justAfter = Instant.parse("2026-11-22T17:30:00.400Z");
        OperableTrigger plain = (OperableTrigger) TriggerBuilder.newTrigger().forJob(JOB).withIdentity("p")
                .startAt(Date.from(justAfter)).withSchedule(CronScheduleBuilder.cronSchedule("0 30 0 * * ?").inTimeZone(ZONE)).build();
        assertThat(plain.computeFirstFireTime(null).toInstant()).isEqualTo(Instant.parse("2026-11-22T17:30:00Z"));
    }

    @Test
    void aTriggerReplacedBeforeItsFireTimeStillFiresThatDay() {
        Instant before = Instant.parse("2026-11-22T17:29:00Z");
        OperableTrigger trigger = (OperableTrigger) CronTriggers.cron(JOB, "t", "0 30 0 * * ?", ZONE, before);
        assertThat(trigger.computeFirstFireTime(null).toInstant()).isEqualTo(Instant.parse("2026-11-22T17:30:00Z"));
    }
}
