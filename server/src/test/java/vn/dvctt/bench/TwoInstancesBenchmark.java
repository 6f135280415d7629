package vn.dvctt.bench;

import java.time.Duration;

/**
 * Two server instances sharing one PostgreSQL and one Mosquitto on this machine, one killed with
 * {@code kill -9} during the load and started again ({@link TwoInstances}, {@link ServerCluster}).
 * Prints, last: the events sent and stored, each instance's stored events and chunks served (both must be
 * above zero: the shared subscriptions split the work), the batches the agents re-sent, Quartz fires, then
 * {@code quartz_double_runs}, {@code two_instances_duplicated} and {@code two_instances_lost}; exits 1 when
 * anything was lost or doubled. {@code count(*) - count(DISTINCT event_id)} of the events is always 0 (the
 * primary key); duplicates would show as training sessions created twice or totals above what was sent.
 *
 * <p>Properties: {@code bench.devices} extra enrolled devices besides the demo's two (48),
 * {@code bench.events} per agent (2000), {@code bench.batch} (50), {@code bench.window} (2),
 * {@code bench.session} events a session (100), {@code bench.pause.ms} between an agent's batches (100),
 * {@code bench.kill-at} share of the events stored before the kill (0.3), {@code bench.pg}
 * (jdbc:postgresql://127.0.0.1:5432/, user postgres, trust; database {@code dvctt_two_instances} is
 * created afresh), {@code bench.server.xmx} (384m), {@code bench.keep} (keep the logs).
 */
public final class TwoInstancesBenchmark {

    public static void main(String[] args) {
        int status;
        try {
            status = benchmark();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static int benchmark() throws Exception {
        String pg = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
        String missing = ServerCluster.missing(pg);
        if (missing != null) {
            throw new IllegalStateException("missing: " + missing);
        }
        TwoInstances.Settings settings = new TwoInstances.Settings(Integer.getInteger("bench.devices", 48),
                Integer.getInteger("bench.events", 2000), Integer.getInteger("bench.batch", 50),
                Integer.getInteger("bench.window", 2), Integer.getInteger("bench.session", 100),
                Long.getLong("bench.pause.ms", 100), Double.parseDouble(System.getProperty("bench.kill-at", "0.3")),
                200, Duration.ofMinutes(15));
        TwoInstances.Result r;
        try (ServerCluster cluster = new ServerCluster(pg, "dvctt_two_instances")) {
            r = new TwoInstances(cluster, settings).run();
        }
        print(r);
        return r.lost() == 0 && r.duplicated() == 0 ? 0 : 1;
    }

    static void print(TwoInstances.Result r) {
        System.out.printf("killed and restarted during the load: %s%n", r.killed());
        System.out.printf("two_instances_events_sent: %d events in %d sessions%n", r.eventsSent(), r.sessionsSent());
        System.out.printf("two_instances_events_acknowledged: %d events%n", r.eventsAcknowledged());
        System.out.printf("two_instances_events_refused: %d events%n", r.eventsRefused());
        r.storedByInstance().forEach((k, v) -> System.out.printf("two_instances_stored_%s: %.0f events%n",
                k.replace('-', '_'), v));
        System.out.printf("two_instances_stored_unscraped: %.0f events (stored by the killed instance after its last"
                + " scrape, the counters are scraped every second)%n", r.eventsSent() - r.lostEvents()
                - r.storedByInstance().values().stream().mapToDouble(Double::doubleValue).sum());
        r.servedByInstance().forEach((k, v) -> System.out.printf("two_instances_chunks_served_%s: %.0f chunks%n",
                k.replace('-', '_'), v));
        System.out.printf("two_instances_ui_session_local: %s%n", r.uiSessionLocal());
        System.out.printf("two_instances_resent_batches: %d batches%n", r.resent());
        System.out.printf("two_instances_load_s: %.1f s%n", r.loadSeconds());
        r.quartzFiresByInstance().forEach((k, v) -> System.out.printf("quartz_fires_%s: %d fires%n",
                k.replace('-', '_'), v));
        System.out.printf("quartz_fires: %d scheduled fire times%n", r.quartzFires());
        System.out.printf("two_instances_duplicate_event_rows: %d rows (always 0: event_id is the primary key)%n",
                r.duplicateRows());
        System.out.printf("two_instances_extra_training_sessions: %d sessions%n", r.extraTrainingSessions());
        System.out.printf("two_instances_sessions_below_sent: %d sessions%n", r.sessionsBelow());
        System.out.printf("two_instances_sessions_above_sent: %d sessions%n", r.sessionsAbove());
        System.out.printf("quartz_double_runs_at_instance_start: %d fire times%n", r.quartzDoubleRunsAtStart());
        System.out.printf("quartz_double_runs_between_instances: %d fire times%n",
                r.quartzDoubleRuns() - r.quartzDoubleRunsAtStart());
        System.out.printf("quartz_double_runs: %d fire times%n", r.quartzDoubleRuns());
        System.out.printf("two_instances_duplicated: %d%n", r.duplicated());
        System.out.printf("two_instances_lost: %d%n", r.lost());
    }
}
