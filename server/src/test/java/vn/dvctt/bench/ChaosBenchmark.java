package vn.dvctt.bench;

import java.time.Duration;

/**
 * {@link ChaosRun} at length: {@code bench.agents} (4) real agents, {@code bench.servers} (2) server
 * instances, {@code bench.cycles} (12) cycles of {@code bench.cycle.s} (20) seconds, each ending with
 * a server killed and restarted, the broker restarted or an agent killed mid-click. Prints, last,
 * {@code chaos_cycles}, {@code chaos_events}, {@code chaos_lost}, {@code chaos_duplicated}; exits
 * non-zero when anything was lost or doubled.
 */
public final class ChaosBenchmark {

    public static void main(String[] args) {
        int status = 0;
        String pg = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
        try (ServerCluster cluster = new ServerCluster(pg, "dvctt_chaos")) {
            ChaosRun.Result r = new ChaosRun(cluster, new ChaosRun.Settings(Integer.getInteger("bench.agents", 4),
                    Integer.getInteger("bench.servers", 2), Integer.getInteger("bench.cycles", 12),
                    Duration.ofSeconds(Integer.getInteger("bench.cycle.s", 20))), System.out::println).run();
            print(r);
            status = r.lost() == 0 && r.duplicated() == 0 ? 0 : 3;
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    static void print(ChaosRun.Result r) {
        System.out.println("chaos: " + r.actions() + "; " + r.sessions() + " runner sessions");
        System.out.printf("chaos_confirmed_not_journalled: %d%n", r.confirmedNotJournalled());
        System.out.printf("chaos_cycles: %d%n", r.cycles());
        System.out.printf("chaos_events: %d%n", r.events());
        System.out.printf("chaos_lost: %d%n", r.lost());
        System.out.printf("chaos_duplicated: %d%n", r.duplicated());
    }
}
