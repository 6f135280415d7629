package vn.dvctt.agent;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose connect sends a fresh SYN every {@code redialMillis} while nothing answers,
 * the first handshake to complete winning.
 *
 * <p>Why: after a village link drops, the agent's connect attempt is already waiting when the link
 * comes back, but a single socket retransmits its SYN only after 1, 3, 7… s (the kernel's fixed initial
 * timeout), so the agent would sit idle on a working link for up to seconds. Redialing costs a few
 * 60-byte packets on a dead link and nothing on a live one (the first SYN is answered within a round
 * trip). A refused dial (the host answers, the broker is down) fails the connect at once, so a
 * restarting broker sees the agent's normal jittered backoff, not a burst.
 *
 * <p>Only the methods Paho's TCP module uses are delegated to the winning socket (connect, streams,
 * timeouts, shutdown, close), plus a few read-only ones for logs.
 */
final class RedialingSocketFactory extends SocketFactory {

    static final int MAX_DIALS = 40; // 4 s of redials at the agent's 100 ms: then the kernel's own SYN retries carry on

    private final long redialMillis;

    RedialingSocketFactory(long redialMillis) {
        if (redialMillis < 1) {
            throw new IllegalArgumentException("redial interval must be positive, got " + redialMillis);
        }
        this.redialMillis = redialMillis;
    }

    @Override
    public Socket createSocket() {
        return new RedialingSocket(redialMillis);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    /** Not supported: the agent never binds a local address. */
    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new SocketException("binding a local address is not supported");
    }

    /** Not supported: the agent never binds a local address. */
    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        throw new SocketException("binding a local address is not supported");
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = createSocket();
        socket.connect(address);
        return socket;
    }

    static final class RedialingSocket extends Socket {

        static final int MAX_READ = 64 * 1024;

        private final long redialMillis;
        private volatile Socket winner;
        private volatile boolean closed;
        private int soTimeout;
        private int dials;

        RedialingSocket(long redialMillis) {
            this.redialMillis = redialMillis;
        }

        /** How many SYNs the last connect sent (dials started); for tests. */
        int dials() {
            return dials;
        }

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            connect(endpoint, 0);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress address) || address.isUnresolved()) {
                throw new java.net.UnknownHostException("cannot resolve " + endpoint);
            }
            long deadline = timeout > 0 ? System.nanoTime() + timeout * 1_000_000L : Long.MAX_VALUE;
            List<SocketChannel> pending = new ArrayList<>();
            try (Selector selector = Selector.open()) {
                long nextDial = System.nanoTime();
                while (!closed) {
                    long now = System.nanoTime();
                    if (now - deadline >= 0) {
                        throw new SocketTimeoutException("connect timed out after " + timeout + " ms (" + dials + " dials)");
                    }
                    if (now - nextDial >= 0 && dials < MAX_DIALS) {
                        SocketChannel channel = SocketChannel.open();
                        pending.add(channel);
                        channel.configureBlocking(false);
                        dials++;
                        if (channel.connect(address)) {
                            won(channel);
                            return;
                        }
                        channel.register(selector, SelectionKey.OP_CONNECT);
                        nextDial = now + redialMillis * 1_000_000L;
                    }
                    long waitNanos = Math.min(deadline - now, dials < MAX_DIALS ? nextDial - now : Long.MAX_VALUE);
                    selector.select(Math.max(1, waitNanos / 1_000_000L));
                    for (SelectionKey key : selector.selectedKeys()) {
                        SocketChannel channel = (SocketChannel) key.channel();
                        // a refusal or an unreachable network fails the whole connect: the caller backs off
                        if (channel.finishConnect()) {
                            key.cancel();
                            selector.selectNow(); // deregister before going back to blocking mode
                            won(channel);
                            return;
                        }
                    }
                    selector.selectedKeys().clear();
                }
                throw new SocketException("socket closed while connecting");
            } finally {
                for (SocketChannel channel : pending) {
                    if (winner == null || channel.socket() != winner) {
                        try {
                            channel.close();
                        } catch (IOException e) {
                            // a losing dial: nothing to keep
                        }
                    }
                }
            }
        }

        private void won(SocketChannel channel) throws IOException {
            channel.configureBlocking(true);
            Socket socket = channel.socket();
            socket.setSoTimeout(soTimeout);
            socket.setTcpNoDelay(true);
            winner = socket;
            if (closed) {
                socket.close();
                throw new SocketException("socket closed while connecting");
            }
        }

        private Socket connectedSocket() throws SocketException {
            Socket socket = winner;
            if (socket == null) {
                throw new SocketException("socket is not connected");
            }
            return socket;
        }

        /**
         * Reads at most {@value #MAX_READ} bytes at a time: a channel's stream reads through a temporary
         * direct buffer as large as the request, and Paho asks for a whole 512 KiB chunk at once, which
         * the agent's small footprint (decision 0002) should not keep cached off-heap.
         */
        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(connectedSocket().getInputStream()) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, MAX_READ));
                }
            };
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return connectedSocket().getOutputStream();
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            soTimeout = timeout;
            Socket socket = winner;
            if (socket != null) {
                socket.setSoTimeout(timeout);
            }
        }

        @Override
        public synchronized int getSoTimeout() {
            return soTimeout;
        }

        @Override
        public void shutdownInput() throws IOException {
            connectedSocket().shutdownInput();
        }

        @Override
        public void shutdownOutput() throws IOException {
            connectedSocket().shutdownOutput();
        }

        @Override
        public boolean isConnected() {
            Socket socket = winner;
            return socket != null && socket.isConnected();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public InetAddress getInetAddress() {
            Socket socket = winner;
            return socket != null ? socket.getInetAddress() : null;
        }

        @Override
        public int getPort() {
            Socket socket = winner;
            return socket != null ? socket.getPort() : 0;
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            Socket socket = winner;
            return socket != null ? socket.getRemoteSocketAddress() : null;
        }

        @Override
        public synchronized void close() throws IOException {
            closed = true;
            Socket socket = winner;
            if (socket != null) {
                socket.close();
            }
            super.close();
        }

        @Override
        public String toString() {
            Socket socket = winner;
            return socket != null ? socket.toString() : "RedialingSocket[unconnected]";
        }
    }
}
