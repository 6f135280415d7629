package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection handling that needs no broker: a socket that accepts and hangs up stands in for one that is down. */
class PahoBrokerLinkTest {

    private ServerSocket refusingBroker;
    private final AtomicInteger attempts = new AtomicInteger();
    private PahoBrokerLink link;

    @BeforeEach
    void startBrokerThatHangsUp() throws IOException {
        refusingBroker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!refusingBroker.isClosed()) {
                try (Socket ignored = refusingBroker.accept()) {
                    attempts.incrementAndGet();
                } catch (IOException e) {
                    return; // server socket closed by the test
                }
            }
        }, "hang-up-broker");
        acceptor.setDaemon(true);
        acceptor.start();
        AgentConfig config = new AgentConfig("tcp://127.0.0.1:" + refusingBroker.getLocalPort(), "unit-1", null, null, Path.of("data"));
        link = new PahoBrokerLink(config, "test", Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws IOException {
        link.close();
        refusingBroker.close();
    }

    @Test
    void keepsRetryingTheFirstConnectUntilClosed() throws Exception {
        CompletableFuture<Void> online = link.connect();

        waitUntil(() -> attempts.get() >= 2, Duration.ofSeconds(5));
        assertThat(online).isNotDone();
        assertThat(link.isConnected()).isFalse();

        link.close();
        int attemptsAtClose = attempts.get();
        Thread.sleep(2_500); // longer than the next back-off step (2 s)

        assertThat(attempts.get()).as("no attempts after close").isEqualTo(attemptsAtClose);
        assertThat(online).isCompletedExceptionally();
    }

    @Test
    void publishFailsInsteadOfBlockingWhenNotConnected() {
        CompletableFuture<Void> sent = link.publish("dvctt/v1/dev/unit-1/status", new byte[] {1}, 1, false);

        assertThatThrownBy(() -> sent.get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("publish to dvctt/v1/dev/unit-1/status failed");
    }

    @Test
    void closeBeforeConnectIsHarmlessAndRepeatable() {
        link.close();
        link.close();

        assertThat(link.connect()).isCompletedExceptionally();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
