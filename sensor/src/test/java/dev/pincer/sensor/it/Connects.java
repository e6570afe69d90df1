package dev.pincer.sensor.it;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connect hooks, run by {@link SinkApp} scenario {@code connect} in a JVM started with
 * {@code -Djdk.net.hosts.file=} mapping {@code internal.pincer.test} and {@code rebind.pincer.test}
 * to 127.0.0.1: names that look public and resolve to loopback. A local server answers HTTP with
 * {@code secret} and counts the connections it accepts, so a blocked connect is seen not to have
 * reached it. The test correlator blocks every connect to {@code rebind.pincer.test}.
 */
final class Connects {
    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final int port;

    Connects() throws Exception {
        server = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
        port = server.getLocalPort();
        Thread t = new Thread(this::serve, "connects-server");
        t.setDaemon(true);
        t.start();
        Out.fact("connect.port", port);
    }

    /** Counts every accepted connection; answers an HTTP request with {@code secret}. */
    private void serve() {
        while (true) {
            Socket s;
            try {
                s = server.accept();
            } catch (Exception e) {
                return;
            }
            accepted.incrementAndGet();
            Thread h = new Thread(() -> answer(s), "connects-answer");
            h.setDaemon(true);
            h.start();
        }
    }

    private static void answer(Socket s) {
        try (s) {
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            int state = 0;
            for (int b; state < 4 && (b = in.read()) >= 0; ) {
                state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
            }
            if (state == 4) {
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.0 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecret"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (Exception ignored) {
            // a raw connect that sent nothing, or a client that went away
        }
    }

    /** Every connect API under a context with the URL hint. */
    void withContext() throws Exception {
        Out.result("connect.url.ok", () -> Out.fact("connect.url.ok.body", fetch("http://internal.pincer.test:" + port + "/ok")));
        counted("connect.url.evil", () -> fetch("http://rebind.pincer.test:" + port + "/evil"));
        counted("connect.socket.evil", () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("rebind.pincer.test", port), 2000);
            }
        });
        counted("connect.channel.evil", () -> SocketChannel.open(new InetSocketAddress("rebind.pincer.test", port))
                .close());
        Out.result("connect.socket.ok", () -> new Socket("internal.pincer.test", port).close());
        // java.net.http connects on its own threads: the request's context goes with the exchange.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        counted("connect.http.evil", () -> http.send(HttpRequest.newBuilder(
                URI.create("http://rebind.pincer.test:" + port + "/http-evil")).build(), BodyHandlers.discarding()));
        Out.result("connect.http.ok", () -> Out.fact("connect.http.ok.body", http.send(HttpRequest.newBuilder(
                URI.create("http://internal.pincer.test:" + port + "/http-ok")).build(), BodyHandlers.ofString()).body()));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            HttpClient pooled = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(2)).build();
            counted("connect.async.evil", () -> pooled.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://rebind.pincer.test:" + port + "/async-evil")).build(), BodyHandlers.discarding())
                    .get(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code HttpURLConnection} keeps connections alive: a second fetch to the same host and port
     * reuses the first one's connection and makes no connect. The test correlator blocks the reused
     * connection for {@code /reuse-bad}; the keep-alive server counts what reached it.
     */
    void keepAlive() throws Exception {
        AtomicInteger bad = new AtomicInteger();
        com.sun.net.httpserver.HttpServer ka = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        ka.createContext("/", x -> {
            if (x.getRequestURI().getPath().contains("reuse-bad")) {
                bad.incrementAndGet();
            }
            byte[] body = "kept".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        ka.start();
        try {
            int kp = ka.getAddress().getPort();
            Out.result("connect.reuse.first", () -> fetch("http://internal.pincer.test:" + kp + "/first"));
            Out.result("connect.reuse.bad", () -> fetch("http://internal.pincer.test:" + kp + "/reuse-bad"));
            Out.fact("connect.reuse.bad.reached", bad.get());
            Out.fact("connect.reuse.port", kp);
        } finally {
            ka.stop(0);
        }
    }

    /**
     * DNS rebinding: the app checks the name first ({@code flip.pincer.test} resolves to a public
     * address), then the answer changes (the hosts file is rewritten; the JVM caches nothing, see
     * {@code -Dsun.net.inetaddr.ttl=0}) and the fetch connects to 127.0.0.1. The connect reports the
     * address really connected to, not the one the app checked. Nothing connects to the public one.
     */
    void rebinding(java.nio.file.Path hosts) throws Exception {
        String original = java.nio.file.Files.readString(hosts);
        try {
            java.nio.file.Files.writeString(hosts, original + "93.184.215.14 flip.pincer.test\n");
            Out.fact("connect.rebind.checked", InetAddress.getByName("flip.pincer.test").getHostAddress());
            java.nio.file.Files.writeString(hosts, original + "127.0.0.1 flip.pincer.test\n");
            counted("connect.rebind", () -> fetch("http://flip.pincer.test:" + port + "/rebound"));
        } finally {
            java.nio.file.Files.writeString(hosts, original);
        }
    }

    /** The same connects with no context, or without the URL hint: nothing is asked. */
    void unchecked(String name) throws Exception {
        Out.result(name + ".socket", () -> new Socket("rebind.pincer.test", port).close());
        Out.result(name + ".url", () -> fetch("http://rebind.pincer.test:" + port + "/" + name));
    }

    void stop() throws Exception {
        server.close();
    }

    private void counted(String name, Out.Body body) throws Exception {
        int before = accepted.get();
        Out.result(name, body);
        Thread.sleep(150);
        Out.fact(name + ".connections", accepted.get() - before);
    }

    private static String fetch(String url) throws Exception {
        URLConnection c = new URL(url).openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(2000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
