package vn.dvctt.campaign;

/** What the reminder job did: tasks found overdue or due soon, and notices newly sent. */
public record TaskReminders(int overdueTasks, int dueSoonTasks, int noticesSent) {
}
