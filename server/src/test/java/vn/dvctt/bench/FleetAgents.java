package vn.dvctt.bench;

import ch.qos.logback.classic.Level;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import vn.dvctt.agent.AgentConfig;
import vn.dvctt.agent.PahoBrokerLink;
import vn.dvctt.agent.sync.ContentFolder;
import vn.dvctt.agent.sync.SyncRunner;
import vn.dvctt.agent.sync.SyncSettings;

/**
 * The agents of {@link SyncFleetBenchmark}, in their own JVM so the server's heap is measured alone:
 * each is the real agent (a {@link PahoBrokerLink} and a {@link SyncRunner} on its own content folder),
 * only sharing the process. Talks to the benchmark on stdout: {@code start} before the first agent
 * connects, {@code ready} when all are connected, then {@code done <i>} as each agent holds its guide,
 * then {@code stats ...}; it stops when stdin closes.
 *
 * <p>Arguments: broker url, user, password, device id prefix, agent count, data folder, content id.
 */
public final class FleetAgents {

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        String url = args[0];
        String user = args[1];
        String password = args[2];
        String prefix = args[3];
        int count = Integer.parseInt(args[4]);
        Path root = Path.of(args[5]);
        String contentId = args[6];
        SyncSettings settings = SyncSettings.DEFAULTS.withIgnoreDownloadWindow(true);

        System.out.println("start");
        List<PahoBrokerLink> links = new ArrayList<>();
        List<SyncRunner> runners = new ArrayList<>();
        List<CompletableFuture<?>> online = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path dir = root.resolve("agent-" + i);
            AgentConfig config = new AgentConfig(url, prefix + i, user, password, dir, settings, dir.resolve("logs"));
            PahoBrokerLink link = new PahoBrokerLink(config, "fleet");
            SyncRunner runner = new SyncRunner(config.deviceId(), "fleet", link, new ContentFolder(dir), settings);
            links.add(link);
            runners.add(runner);
            online.add(runner.start().thenCombine(link.connect(), (a, b) -> null));
        }
        CompletableFuture.allOf(online.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        System.out.println("ready");

        Thread watcher = new Thread(() -> {
            boolean[] done = new boolean[count];
            int left = count;
            while (left > 0) {
                for (int i = 0; i < count; i++) {
                    if (!done[i] && Files.exists(root.resolve("agent-" + i).resolve("content").resolve(contentId))) {
                        done[i] = true;
                        left--;
                        System.out.println("done " + i);
                    }
                }
                SyncBenchServer.sleep(100);
            }
            long retried = 0;
            long dropped = 0;
            long duplicate = 0;
            long requests = 0;
            for (SyncRunner runner : runners) {
                retried += runner.stats().requestsRetried();
                dropped += runner.stats().messagesDropped();
                duplicate += runner.stats().chunksDuplicate();
                requests += runner.stats().requestsSent();
            }
            System.out.println("stats requests=" + requests + " retried=" + retried + " duplicate=" + duplicate
                    + " agent_dropped=" + dropped);
        }, "fleet-watcher");
        watcher.setDaemon(true);
        watcher.start();

        // until the benchmark closes our stdin
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (SyncRunner runner : runners) {
            runner.close();
        }
        links.parallelStream().forEach(PahoBrokerLink::close);
        System.exit(0);
    }

    private FleetAgents() {
    }
}
