package vn.dvctt.campaign.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import vn.dvctt.shared.CronTriggers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SchedulingConfig {

    @Bean
    JobDetail campaignSnapshotJob() {
        return JobBuilder.newJob(SnapshotJob.class).withIdentity("campaign-snapshots").storeDurably().build();
    }

    @Bean
    Trigger campaignSnapshotTrigger(JobDetail campaignSnapshotJob, @Value("${dvctt.campaign.snapshot-cron}") String cron) {
        return CronTriggers.cron(campaignSnapshotJob, "campaign-snapshots", cron, TimeZone.getTimeZone(SnapshotJob.VIETNAM));
    }

    @Bean
    JobDetail taskReminderJob() {
        return JobBuilder.newJob(TaskReminderJob.class).withIdentity("campaign-task-reminders").storeDurably().build();
    }

    @Bean
    Trigger taskReminderTrigger(JobDetail taskReminderJob, @Value("${dvctt.campaign.task-reminder-cron}") String cron) {
        return CronTriggers.cron(taskReminderJob, "campaign-task-reminders", cron, TimeZone.getTimeZone(SnapshotJob.VIETNAM));
    }

    /**
     * Quartz stores job data as BLOBs, which PostgreSQL needs its own delegate for; pick it from the
     * database actually connected, so the same build runs on H2 and PostgreSQL.
     */
    @Bean
    SchedulerFactoryBeanCustomizer quartzDelegateForDatabase(DataSource dataSource, QuartzProperties quartz) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.putIfAbsent("org.quartz.jobStore.driverDelegateClass", isPostgres(dataSource)
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            factory.setQuartzProperties(properties);
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database Quartz runs on", e);
        }
    }
}
