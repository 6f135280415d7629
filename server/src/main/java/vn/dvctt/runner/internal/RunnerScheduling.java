package vn.dvctt.runner.internal;

import java.util.TimeZone;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import vn.dvctt.shared.CronTriggers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.training.TrainingService;

@Configuration
class RunnerScheduling {

    @Bean
    JobDetail runnerBriefJob() {
        return JobBuilder.newJob(RunnerBriefJob.class).withIdentity("runner-briefs").storeDurably().build();
    }

    @Bean
    Trigger runnerBriefTrigger(JobDetail runnerBriefJob, @Value("${dvctt.runner.brief-cron:0 10 0 * * ?}") String cron) {
        return CronTriggers.cron(runnerBriefJob, "runner-briefs", cron, TimeZone.getTimeZone(TrainingService.ZONE));
    }
}
