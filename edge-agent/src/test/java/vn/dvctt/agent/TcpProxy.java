package vn.dvctt.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay between the agent and the broker, so a test can cut the link the way a
 * power or network failure does: both sockets reset, no MQTT DISCONNECT ever sent. Published in this
 * module's test-jar for the server's end-to-end tests.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-proxy");
        t.setDaemon(true);
        return t;
    });

    /** @param listenPort 0 for any free port */
    public TcpProxy(String targetHost, int targetPort, int listenPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Resets every relayed connection; new connections are still accepted. */
    public void cutConnections() {
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0); // RST rather than an orderly FIN
                socket.close();
            } catch (IOException e) {
                // already closed by the other direction: exactly the state we want
            }
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutConnections();
        threads.shutdownNow();
    }

    private void accept() {
        while (true) {
            Socket downstream;
            try {
                downstream = server.accept();
                accepted.incrementAndGet();
            } catch (IOException e) {
                return; // close() closed the server socket
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(downstream);
                open.add(upstream);
                threads.execute(() -> pump(downstream, upstream));
                threads.execute(() -> pump(upstream, downstream));
            } catch (IOException e) {
                // broker unreachable: the agent sees its connect fail, as it would without the proxy
                closeQuietly(downstream);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // a cut or a peer closing ends the relay; the close below propagates it
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
