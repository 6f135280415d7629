package vn.dvctt.ingest.internal;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IngestScheduling {

    @Bean
    JobDetail ingestProjectionSweepJob() {
        return JobBuilder.newJob(ProjectionSweepJob.class).withIdentity("ingest-projection-sweep").storeDurably().build();
    }

    @Bean
    Trigger ingestProjectionSweepTrigger(JobDetail ingestProjectionSweepJob,
                                         @Value("${dvctt.ingest.sweep-seconds:60}") int seconds) {
        return TriggerBuilder.newTrigger().forJob(ingestProjectionSweepJob).withIdentity("ingest-projection-sweep")
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(seconds)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
