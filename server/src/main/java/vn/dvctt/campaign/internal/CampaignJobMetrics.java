package vn.dvctt.campaign.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Durations of the campaign's scheduled jobs, {@code dvctt.campaign.snapshot.job} and
 * {@code dvctt.campaign.task.reminder.job}, tagged {@code outcome=success|failure}. Registered at start
 * so a dashboard shows a zero count before the first run instead of no series. Each instance reports
 * only the runs it executed (Quartz fires a trigger on one instance): sum over instances.
 */
@Component
class CampaignJobMetrics {

    private final Timer snapshotSuccess;
    private final Timer snapshotFailure;
    private final Timer reminderSuccess;
    private final Timer reminderFailure;

    CampaignJobMetrics(MeterRegistry meters) {
        snapshotSuccess = timer(meters, "dvctt.campaign.snapshot.job", "success", "Campaign snapshot job runs");
        snapshotFailure = timer(meters, "dvctt.campaign.snapshot.job", "failure", "Campaign snapshot job runs");
        reminderSuccess = timer(meters, "dvctt.campaign.task.reminder.job", "success", "Task reminder job runs");
        reminderFailure = timer(meters, "dvctt.campaign.task.reminder.job", "failure", "Task reminder job runs");
    }

    <T> T snapshots(Supplier<T> job) {
        return timed(job, snapshotSuccess, snapshotFailure);
    }

    <T> T reminders(Supplier<T> job) {
        return timed(job, reminderSuccess, reminderFailure);
    }

    private static <T> T timed(Supplier<T> job, Timer success, Timer failure) {
        long start = System.nanoTime();
        try {
            T result = job.get();
            success.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException e) {
            failure.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        }
    }

    private static Timer timer(MeterRegistry meters, String name, String outcome, String description) {
        return Timer.builder(name).tag("outcome", outcome).description(description).register(meters);
    }
}
