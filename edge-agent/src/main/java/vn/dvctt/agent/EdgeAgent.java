package vn.dvctt.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import vn.dvctt.agent.journal.Journal;
import vn.dvctt.agent.journal.JournalException;
import vn.dvctt.agent.outbox.Outbox;
import vn.dvctt.agent.outbox.OutboxSender;
import vn.dvctt.agent.runner.RunnerServer;
import vn.dvctt.agent.sync.ContentFolder;
import vn.dvctt.agent.sync.SyncRunner;

/**
 * The agent process: connect, keep the guides in sync, announce OFFLINE when the service stops. With
 * {@code enroll <server-url> <code>} it first trades an enrollment code for its credentials; with
 * {@code cds <archive>} it builds its class-data-sharing archive ({@link CdsArchive}).
 */
public final class EdgeAgent {

    private static final Log log = Log.of(EdgeAgent.class);

    /** Printed once connected and subscribed; the footprint benchmark waits for it. */
    static final String READY = "Ready: online and subscribed";

    private EdgeAgent() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && Enroller.COMMAND.equals(args[0])) {
            // System.out: the person typing the command reads this, not a log collector
            System.exit(Enroller.run(args, System.getenv(), new Enroller(), System.out));
            return;
        }
        if (args.length > 0 && CdsArchive.COMMAND.equals(args[0])) {
            System.exit(CdsArchive.run(args, System.out));
            return;
        }
        long started = System.nanoTime();
        Path configPath = AgentConfig.locate(args, System.getenv());
        AgentConfig config;
        try {
            config = AgentConfig.load(configPath);
        } catch (AgentConfigException e) {
            log.error(e.getMessage());
            System.exit(2);
            return;
        }
        AgentLogging.configure(config.logDir());
        try {
            // created now so a wrong or read-only path fails at start, not at the first download
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            log.error("Cannot create data.dir {}: {}", config.dataDir().toAbsolutePath(), e.toString());
            System.exit(2);
            return;
        }

        String version = version();
        log.info("DVCTT edge agent {} starting as {} against {}", version, config.deviceId(), config.brokerUrl());
        Journal journal;
        try {
            journal = Journal.openIn(config.dataDir(), java.time.Clock.systemUTC());
        } catch (JournalException e) {
            log.error(e.getMessage());
            System.exit(2);
            return;
        }
        PahoBrokerLink link = new PahoBrokerLink(config, version);
        ContentFolder folder = new ContentFolder(config.dataDir());
        SyncRunner sync = new SyncRunner(config.deviceId(), version, link, folder, config.sync());
        Outbox outbox = new Outbox(config.deviceId(), link, journal, OutboxSender.Settings.DEFAULTS);
        RunnerServer runner = null;
        if (config.runnerPort() > 0) {
            try {
                runner = RunnerServer.start(config.runnerPort(), journal, config.dataDir(), folder, outbox.sender()::wake,
                        link::isConnected, config.sync().zone());
            } catch (IOException e) {
                // the agent still syncs and sends what was journalled; the page is what is missing
                log.error("Cannot open the session runner page on 127.0.0.1:{}: {}", config.runnerPort(), e.toString());
            }
        }
        RunnerServer page = runner;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping");
            if (page != null) {
                page.close();
            }
            sync.close();
            outbox.close();
            link.close();
            journal.close();
            log.info("Stopped");
            stopped.countDown();
        }, "dvctt-shutdown"));

        var subscribed = sync.start().thenCombine(outbox.start(), (a, b) -> (Void) null);
        link.connect().thenCombine(subscribed, (a, b) -> null).thenRun(() -> log.info("{} as {} at {} in {} ms", READY,
                config.deviceId(), config.brokerUrl(), (System.nanoTime() - started) / 1_000_000));
        // Paho's and the retry threads may all be daemons: the main thread is what keeps the process up
        stopped.await();
    }

    /** The jar manifest's Implementation-Version (added by the Boot parent's jar plugin config). */
    static String version() {
        String version = EdgeAgent.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
