package dev.pincer.bench;

import dev.pincer.config.ConfigLoader;
import dev.pincer.config.PincerConfig;
import dev.pincer.proxy.metrics.ProxyMetrics;
import dev.pincer.proxy.server.PincerServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole request through Pincer in this JVM (with a correlator, no sensor) to a loopback app that
 * answers a 16 KiB {@code text/html} page echoing {@code q} escaped, one client on a keep-alive
 * connection: {@code notHeld} searches {@code shoes} (no markup: the response streams unheld),
 * {@code held} searches {@code O'Brien} (markup: the response is held, judged and forwarded), and
 * {@code blocked} sends a reflected attack to an endpoint that does not escape (held, judged,
 * 403). The difference between {@code held} and {@code notHeld} is what the XSS check adds to a
 * request; everything else (client, app, the proxy's own path) is the same.
 *
 * <p>Run with:
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar XssHoldBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class XssHoldBenchmark {
    private ServerSocket app;
    private PincerServer pincer;
    private HttpClient client;
    private URI plain;
    private URI markup;
    private URI attack;

    @Setup(Level.Trial)
    public void start() throws Exception {
        app = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "xss-bench-app");
        acceptor.setDaemon(true);
        acceptor.start();
        PincerConfig config = ConfigLoader.parse("listen: 127.0.0.1:0\nadmin: 127.0.0.1:0\naccess_log: false\n"
                + "upstreams:\n  app:\n    servers: [127.0.0.1:" + app.getLocalPort() + "]\n"
                + "routes:\n  - upstream: app\n"
                + "correlator:\n  listen: 127.0.0.1:0\n  token: xss-hold-benchmark-token-0123\n", "bench.yaml");
        pincer = PincerServer.start(config, new ProxyMetrics(false));
        int port = pincer.listenAddresses().get(0).getPort();
        plain = URI.create("http://127.0.0.1:" + port + "/search?q=shoes");
        markup = URI.create("http://127.0.0.1:" + port + "/search?q=O%27Brien");
        attack = URI.create("http://127.0.0.1:" + port + "/vuln/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        pincer.close();
        app.close();
    }

    /**
     * The app: keep-alive HTTP/1.1, one thread per connection, each response written in one
     * {@code write} with {@code TCP_NODELAY} (so no Nagle/delayed-ACK stall is measured).
     */
    private void serve() {
        while (!app.isClosed()) {
            try {
                Socket s = app.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> connection(s), "xss-bench-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void connection(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                while (!line(in).isEmpty()) {
                    // fields; the benchmark's requests have no body
                }
                String target = requestLine.split(" ")[1];
                int eq = target.indexOf('=');
                String q = eq < 0 ? "" : URLDecoder.decode(target.substring(eq + 1), StandardCharsets.UTF_8);
                boolean escape = !target.startsWith("/vuln");
                byte[] body = page(escape ? q.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace("\"", "&quot;").replace("'", "&#39;") : q).getBytes(StandardCharsets.UTF_8);
                byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] all = new byte[head.length + body.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(body, 0, all, head.length, body.length);
                out.write(all);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the connection ended
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return b.toString();
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static String page(String q) {
        StringBuilder b = new StringBuilder(17_000).append("<!DOCTYPE html><html><head><title>Search</title></head>"
                + "<body><h1>Results for ").append(q).append("</h1><ul>");
        for (int i = 0; b.length() < 16 * 1024 - 40; i++) {
            b.append("<li><a href=\"/p/").append(i).append("\">Product ").append(i).append("</a></li>");
        }
        return b.append("</ul></body></html>").toString();
    }

    private int get(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() * 100_000 + r.body().length;
    }

    @Benchmark
    public int notHeld() throws Exception {
        return get(plain);
    }

    @Benchmark
    public int held() throws Exception {
        return get(markup);
    }

    @Benchmark
    public int blocked() throws Exception {
        return get(attack);
    }
}
