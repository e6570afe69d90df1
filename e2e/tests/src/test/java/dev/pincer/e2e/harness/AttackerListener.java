package dev.pincer.e2e.harness;

import dev.pincer.e2e.corpus.Corpus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attacker's endpoint for one {@code connect} case: a TCP listener on 127.0.0.1 that counts the
 * connections it gets and closes each at once (a JRMP client then fails its handshake and the app
 * goes on). One per attempt, closed after it, so a late retry of an earlier case (RMI's DGC retries
 * failed calls in the background) can never count for the next one.
 */
public final class AttackerListener implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    public AttackerListener() throws IOException {
        socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "e2e-attacker-listener");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** True once something connected, waiting up to {@code millis} for it. */
    public boolean connectedWithin(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (connections.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return connections.get() > 0;
    }

    /**
     * {@code value} without its {@code {ATTACKER}} placeholder, the stream's endpoint
     * ({@link Corpus#ATTACKER_ENDPOINT}) rewritten to {@code port}; other values unchanged.
     *
     * @throws IllegalArgumentException when the stream names no such endpoint
     */
    public static String rewrite(String value, int port) {
        if (!value.startsWith(Corpus.ATTACKER)) {
            return value;
        }
        byte[] b = Base64.getDecoder().decode(value.substring(Corpus.ATTACKER.length()));
        byte[] at = Corpus.ATTACKER_ENDPOINT;
        int found = 0;
        for (int i = 0; i + at.length <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + at.length, at, 0, at.length)) {
                int p = i + at.length - 4;
                b[p] = (byte) (port >>> 24);
                b[p + 1] = (byte) (port >>> 16);
                b[p + 2] = (byte) (port >>> 8);
                b[p + 3] = (byte) port;
                found++;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("the stream names no endpoint 127.0.0.1:1");
        }
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
