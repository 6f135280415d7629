package vn.dvctt.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's sockets dial again while a SYN goes unanswered. A listener whose accept queue is full
 * drops SYNs on Linux, as a cut link does; draining the queue is the link coming back.
 */
class RedialingSocketFactoryTest {

    private final RedialingSocketFactory factory = new RedialingSocketFactory(100);
    private final List<Socket> fillers = new CopyOnWriteArrayList<>(); // the drainer adds from its thread

    @AfterEach
    void closeFillers() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
    }

    @Test
    void connectsWithOneDialWhenTheServerAnswersAndCarriesBytesBothWays() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket socket = factory.createSocket()) {
            socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 2_000);
            socket.setSoTimeout(2_000);
            try (Socket accepted = server.accept()) {
                socket.getOutputStream().write(new byte[] {1, 2, 3});
                assertThat(accepted.getInputStream().readNBytes(3)).containsExactly(1, 2, 3);
                accepted.getOutputStream().write(7);
                assertThat(socket.getInputStream().read()).isEqualTo(7);
            }
            assertThat(((RedialingSocketFactory.RedialingSocket) socket).dials()).isEqualTo(1);
            assertThat(socket.isConnected()).isTrue();
            assertThat(socket.getSoTimeout()).isEqualTo(2_000);
        }
    }

    @Test
    void aRefusedConnectFailsAtOnceSoTheCallerBacksOff() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        long start = System.nanoTime();
        try (Socket socket = factory.createSocket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000))
                    .isInstanceOf(ConnectException.class);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
    }

    @Test
    void whileSynsGoUnansweredItDialsAgainAndConnectsSoonAfterTheServerAnswers() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = fillUpAcceptQueue(server);
            RedialingSocketFactory.RedialingSocket socket = (RedialingSocketFactory.RedialingSocket) factory.createSocket();
            CompletableFuture<Long> connectedAt = CompletableFuture.supplyAsync(() -> {
                try {
                    socket.connect(address, 10_000);
                    return System.nanoTime();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_200); // one socket alone would send its next SYN only at 3 s
            assertThat(connectedAt).isNotDone();
            long answeredAt = System.nanoTime();
            Thread drainer = new Thread(() -> {
                try {
                    while (!server.isClosed()) {
                        fillers.add(server.accept());
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            });
            drainer.setDaemon(true);
            drainer.start();

            long took = TimeUnit.NANOSECONDS.toMillis(connectedAt.get(5, TimeUnit.SECONDS) - answeredAt);
            assertThat(took).as("ms from the server answering to connected").isLessThan(1_000);
            assertThat(socket.dials()).isGreaterThan(2);
            socket.close();
            assertThat(socket.isClosed()).isTrue();
        }
    }

    @Test
    void givesUpAtTheTimeoutAfterABoundedNumberOfDials() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = fillUpAcceptQueue(server);
            RedialingSocketFactory.RedialingSocket socket = (RedialingSocketFactory.RedialingSocket) factory.createSocket();
            assertThatThrownBy(() -> socket.connect(address, 2_500)).isInstanceOf(SocketTimeoutException.class);
            assertThat(socket.dials()).isBetween(3, RedialingSocketFactory.MAX_DIALS);
        }
    }

    /** Connects until a connect hangs: from then on the listener drops SYNs. Returns its address. */
    private InetSocketAddress fillUpAcceptQueue(ServerSocket server) throws IOException {
        InetSocketAddress address = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
        for (int i = 0; i < 10; i++) {
            Socket filler = new Socket();
            fillers.add(filler);
            try {
                filler.connect(address, 300);
            } catch (SocketTimeoutException e) {
                return address;
            }
        }
        throw new IllegalStateException("the accept queue never filled up");
    }
}
