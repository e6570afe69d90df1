package dev.pincer.proxy.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny blocking upstream for what MockWebServer cannot do (close-delimited bodies, silent
 * closes of keep-alive connections, counting streamed bytes): each accepted connection runs the
 * handler on its own thread. {@link #close} closes the listening socket and every connection.
 */
final class RawUpstream implements AutoCloseable {
    interface Handler {
        void handle(Socket s) throws Exception;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RawUpstream(Handler handler) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.handler = handler;
        this.acceptor = new Thread(this::acceptLoop, "raw-upstream-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return accepted.get();
    }

    List<Throwable> failures() {
        return failures;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            sockets.add(s);
            Thread t = new Thread(() -> {
                try (s) {
                    handler.handle(s);
                } catch (Exception e) {
                    if (!server.isClosed()) {
                        failures.add(e);
                    }
                }
            }, "raw-upstream-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
