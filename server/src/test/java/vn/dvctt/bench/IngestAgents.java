package vn.dvctt.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The load generator of {@link IngestBenchmark}, in its own JVM: simulated agents, one Paho connection
 * each, every one holding a journal of session events that it releases at once, as an agent does when
 * its link comes back: oldest first, batches of {@code batch} events, {@code window} batches awaiting
 * the server's acknowledgement, a batch re-sent when its ack is 30 s late ({@link SessionAgent}).
 * Sessions are realistic: a hundred events each (a start, attendance, submissions, an end).
 *
 * <p>Talks to the parent on stdin/stdout: prints {@code ready} once all are connected, starts on a
 * line {@code go}, prints {@code start}, then {@code stats ...} and {@code done} when every event is
 * acknowledged.
 */
public final class IngestAgents {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        List<String> devices = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[1]));
        int agents = Integer.parseInt(args[2]);
        int eventsPerAgent = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        int window = Integer.parseInt(args[5]);
        List<String> procedures = Arrays.asList(args[6].split(","));
        List<SessionAgent> fleet = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            fleet.add(new SessionAgent(url, devices.get(i), eventsPerAgent, batch, window, procedures, 100,
                    "Buổi hướng dẫn DVCTT (benchmark)", 0, null, false));
        }
        for (SessionAgent a : fleet) {
            a.connect();
        }
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"go".equals(in.readLine())) {
            System.exit(1);
        }
        CountDownLatch done = new CountDownLatch(agents);
        System.out.println("start");
        for (SessionAgent a : fleet) {
            a.release(done);
        }
        done.await();
        long[] latencies = fleet.stream().flatMap(a -> a.latencies.stream()).mapToLong(Long::longValue).sorted().toArray();
        int resent = fleet.stream().mapToInt(a -> a.resent.get()).sum();
        System.out.printf("stats batches=%d resent=%d ack_p50_ms=%.0f ack_p95_ms=%.0f ack_max_ms=%.0f%n", latencies.length,
                resent, pct(latencies, 0.5) / 1e6, pct(latencies, 0.95) / 1e6,
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        System.out.println("done");
        in.readLine();
        for (SessionAgent a : fleet) {
            a.close();
        }
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
