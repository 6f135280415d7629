package vn.dvctt.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.dvctt.mqtt.EmbeddedBroker;
import vn.dvctt.mqtt.MqttProperties;
import vn.dvctt.support.EmbeddedTestPorts;

/**
 * A HiveMQ CE broker started by the test with a known account, which both the server and the test's
 * agents use (device accounts and ACLs belong to the device feature). The server connects to it as
 * to an external broker.
 */
final class SyncBroker {

    static final String USER = "dvctt-sync-test";
    static final String PASSWORD = "sync-test-secret";

    private static EmbeddedBroker broker;
    private static int port;

    private SyncBroker() {
    }

    static synchronized String url() {
        if (broker == null) {
            port = EmbeddedTestPorts.freePort();
            try {
                Path folder = Files.createTempDirectory("dvctt-sync-broker");
                broker = new EmbeddedBroker(new MqttProperties.Embedded(true, port, "127.0.0.1"), folder,
                        EmbeddedBroker.BrokerAccounts.single(USER, PASSWORD));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        }
        return "tcp://127.0.0.1:" + port;
    }

    static int port() {
        url();
        return port;
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("dvctt.mqtt.embedded.enabled", () -> "false");
        registry.add("dvctt.mqtt.url", SyncBroker::url);
        registry.add("dvctt.mqtt.username", () -> USER);
        registry.add("dvctt.mqtt.password", () -> PASSWORD);
    }
}
