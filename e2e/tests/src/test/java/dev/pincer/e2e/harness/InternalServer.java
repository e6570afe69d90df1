package dev.pincer.e2e.harness;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The internal-only service an SSRF reaches: answers {@code INTERNAL-ONLY <path>} on one port at
 * 127.0.0.1, 127.0.0.2 and [::1]. It counts requests, so a test can show that a blocked fetch
 * never arrived.
 */
public final class InternalServer implements AutoCloseable {
    private final List<HttpServer> servers = new ArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final int port;

    public InternalServer() throws IOException {
        HttpServer first = bind("127.0.0.1", 0);
        port = first.getAddress().getPort();
        bind("127.0.0.2", port);
        bind("::1", port);
    }

    private HttpServer bind(String host, int p) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), p), 16);
        s.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] body = ("INTERNAL-ONLY " + ex.getRequestURI().getRawPath() + "\n").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        s.start();
        servers.add(s);
        return s;
    }

    public int port() {
        return port;
    }

    public int hits() {
        return hits.get();
    }

    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.stop(0);
        }
    }
}
