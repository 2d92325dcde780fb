package io.github.camelaerona.examples.random;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback that the random run puts between the instances and PostgreSQL or the sandbox, and turns
 * bad on the nemesis' word: every chunk delayed, every connection stalled (nothing forwarded, nothing closed), or
 * every open connection reset (RST, as a firewall or a load balancer that drops its state does).
 */
public final class FaultyProxy implements AutoCloseable {

    /** What the proxy does to the bytes it forwards. */
    public enum Mode {
        CLEAN, DELAY, STALL
    }

    private final String name;
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "faulty-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.CLEAN;
    private volatile long delayMillis;
    /** Counts resets: bytes held across one are dropped with their connection, never forwarded late. */
    private volatile long resets;

    private FaultyProxy(String name, ServerSocket server, InetSocketAddress target) {
        this.name = name;
        this.server = server;
        this.target = target;
    }

    /** Listens on a free loopback port and forwards to the target. */
    public static FaultyProxy start(String name, int targetPort) {
        try {
            ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            FaultyProxy proxy = new FaultyProxy(name, server,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
            proxy.pumps.execute(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the proxy " + name, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public String name() {
        return name;
    }

    /** Every chunk waits this long before it is forwarded. */
    public void delay(long millis) {
        delayMillis = millis;
        setMode(Mode.DELAY);
    }

    /** Nothing is forwarded until {@link #heal()}; connections stay open. */
    public void stall() {
        setMode(Mode.STALL);
    }

    public void heal() {
        setMode(Mode.CLEAN);
    }

    /**
     * Resets every open connection (the peers see a connection reset); new ones are accepted as before. Bytes held
     * by a stall or a delay go with their connections: a reset connection forwards nothing more.
     */
    public void resetAll() {
        synchronized (this) {
            resets++;
            notifyAll();
        }
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
        open.clear();
    }

    private synchronized void setMode(Mode mode) {
        this.mode = mode;
        notifyAll();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 5000);
                } catch (IOException refused) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                open.add(client);
                open.add(upstream);
                pumps.execute(() -> pump(client, upstream));
                pumps.execute(() -> pump(upstream, client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                long resetsBefore = resets;
                holdWhileFaulty(resetsBefore);
                if (resets != resetsBefore || from.isClosed() || to.isClosed()) {
                    return; // reset while held: what was held is gone with the connection
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // either side went away, or the nemesis reset them
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** The fault itself: a stalled proxy holds the bytes, a slow one holds each chunk for the delay. */
    private void holdWhileFaulty(long resetsBefore) throws InterruptedException {
        synchronized (this) {
            while (mode == Mode.STALL && resets == resetsBefore) {
                wait();
            }
        }
        if (mode == Mode.DELAY) {
            Thread.sleep(delayMillis);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    @Override
    public void close() {
        heal();
        try {
            server.close();
        } catch (IOException ignored) {
            // closed already
        }
        resetAll();
        pumps.shutdownNow();
    }
}
