package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How long Paho sits on an open TCP connection before it sends CONNECT, with and without {@link PahoThreads}. */
class PahoThreadsTest {

    private ServerSocket broker;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void openBroker() throws IOException {
        broker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        broker.close();
        timers.shutdownNow();
    }

    @Test
    void connectIsSentRightAfterTheTcpHandshake() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            long millis = millisFromHandshakeToConnect(new PahoThreads(timers));
            assertThat(millis).as("attempt %d: Paho alone takes 300 ms", attempt).isLessThan(150);
        }
    }

    /** The reason for PahoThreads: if this fails after a Paho upgrade, the workaround can go. */
    @Test
    void pahoOnItsOwnPollsItsThreadsBeforeSendingConnect() throws Exception {
        assertThat(millisFromHandshakeToConnect(null)).isGreaterThanOrEqualTo(200);
    }

    /** Connects a Paho client to a socket that never answers and times the CONNECT packet's first byte. */
    private long millisFromHandshakeToConnect(PahoThreads threads) throws Exception {
        CompletableFuture<Long> gap = new CompletableFuture<>();
        Thread acceptor = new Thread(() -> {
            try (Socket socket = broker.accept()) {
                long accepted = System.nanoTime();
                InputStream in = socket.getInputStream();
                if (in.read() < 0) {
                    throw new IOException("the client hung up before CONNECT");
                }
                gap.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accepted));
                Thread.sleep(200); // keep the socket open while the client is closed
            } catch (Exception e) {
                gap.completeExceptionally(e);
            }
        }, "silent-broker");
        acceptor.start();
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + broker.getLocalPort(), "paho-threads-test",
                new MemoryPersistence(), null, threads);
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setConnectionTimeout(2);
            client.connect(options);
            return gap.get(5, TimeUnit.SECONDS);
        } finally {
            client.disconnectForcibly(0, 100, false);
            client.close(true);
            acceptor.join(5_000);
        }
    }
}
