package vn.dvctt.campaign.internal;

import java.time.LocalDate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;
import vn.dvctt.campaign.CampaignTasks;
import vn.dvctt.campaign.TaskReminders;
import vn.dvctt.security.CurrentUser;

/** Thin: lists overdue and nearly due tasks to the people who answer for them, once a day. */
@DisallowConcurrentExecution
public class TaskReminderJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(TaskReminderJob.class);
    private final CampaignTasks tasks;
    private final CurrentUser currentUser;
    private final CampaignJobMetrics metrics;

    public TaskReminderJob(CampaignTasks tasks, CurrentUser currentUser, CampaignJobMetrics metrics) {
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.metrics = metrics;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        try {
            TaskReminders done = metrics.reminders(
                    () -> currentUser.runAsSystem(() -> tasks.remind(LocalDate.now(SnapshotJob.VIETNAM))));
            log.info("Task reminders: {} overdue, {} due soon, {} notices sent", done.overdueTasks(),
                    done.dueSoonTasks(), done.noticesSent());
        } catch (RuntimeException e) {
            log.error("Task reminders failed; the next run retries", e);
        }
    }
}
