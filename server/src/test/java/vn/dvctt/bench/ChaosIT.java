package vn.dvctt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link ChaosRun} small: two real agents, two server instances, six cycles (each kind of failure
 * twice). Needs the local PostgreSQL, {@code /usr/sbin/mosquitto} and the agent jar; skipped without
 * them, failed under {@code CI=true}.
 */
class ChaosIT {

    @Test
    void everyJournalledEventIsOnTheServerExactlyOnceAfterKillsAndRestarts() throws Exception {
        String pg = "jdbc:postgresql://127.0.0.1:5432/";
        String missing = ServerCluster.missing(pg);
        if (missing == null && !java.nio.file.Files.isRegularFile(ChaosRun.AGENT_JAR)) {
            missing = ChaosRun.AGENT_JAR + " (build the edge-agent module)";
        }
        if (missing != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and the chaos test cannot run: missing " + missing);
        }
        String why = missing;
        Assumptions.assumeTrue(why == null, () -> "missing " + why);
        ChaosRun.Result r;
        try (ServerCluster cluster = new ServerCluster(pg, "dvctt_chaos_it")) {
            r = new ChaosRun(cluster, new ChaosRun.Settings(2, 2, 6, Duration.ofSeconds(8)), System.out::println).run();
        }
        ChaosBenchmark.print(r);

        assertThat(r.events()).as("events journalled by the agents").isGreaterThan(50);
        assertThat(r.confirmedNotJournalled()).as("clicks confirmed but not in the journal").isZero();
        assertThat(r.lost()).as("chaos_lost").isZero();
        assertThat(r.duplicated()).as("chaos_duplicated").isZero();
    }
}
