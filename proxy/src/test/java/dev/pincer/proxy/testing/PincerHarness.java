package dev.pincer.proxy.testing;

import dev.pincer.config.ConfigException;
import dev.pincer.config.ConfigLoader;
import dev.pincer.config.PincerConfig;
import dev.pincer.proxy.metrics.ProxyMetrics;
import dev.pincer.proxy.server.PincerServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Pincer started on ephemeral ports for one test, with helpers to talk to it. Build the YAML
 * with {@link #yaml}; upstream addresses come from the test (usually {@code MockWebServer}s).
 * Close it at the end of the test (try-with-resources or {@code @AfterEach}).
 */
public final class PincerHarness implements AutoCloseable {
    private final PincerServer server;
    private final Path configFile;

    private PincerHarness(PincerServer server, Path configFile) {
        this.server = server;
        this.configFile = configFile;
    }

    /**
     * A config with one plain listener and the admin on ephemeral loopback ports, upstream
     * {@code app} with the given servers, route {@code /} to it, and {@code extra} YAML appended
     * (top-level keys such as {@code limits:} or {@code trusted_proxies:}).
     */
    public static String yaml(String extra, String... servers) {
        return "listen: 127.0.0.1:0\n"
                + "admin: 127.0.0.1:0\n"
                + "access_log: false\n"
                + "upstreams:\n"
                + "  app:\n"
                + "    servers: [" + String.join(", ", servers) + "]\n"
                + "    connect_timeout: 1s\n"
                + "    response_timeout: 5s\n"
                + "routes:\n"
                + "  - match: { path_prefix: / }\n"
                + "    upstream: app\n"
                + extra;
    }

    /** The test certificate (self-signed, CN localhost) and its key, for TLS and HTTP/2 listeners. */
    public static final Path TLS_CERT = Path.of("src/test/resources/tls/cert.pem").toAbsolutePath();
    public static final Path TLS_KEY = Path.of("src/test/resources/tls/key.pem").toAbsolutePath();

    /**
     * A config with one TLS listener (h2 by ALPN) with {@link #TLS_CERT}, the admin on an ephemeral
     * port unless {@code admin} is false, upstream {@code app} at {@code 127.0.0.1:upstreamPort}, one
     * route to it, and {@code extra} YAML appended (top-level keys).
     */
    public static String tlsYaml(int upstreamPort, boolean admin, String extra) {
        return "listeners:\n"
                + "  - address: 127.0.0.1:0\n"
                + "    tls: { cert: " + TLS_CERT + ", key: " + TLS_KEY + " }\n"
                + (admin ? "admin: 127.0.0.1:0\n" : "")
                + "access_log: false\n"
                + "upstreams:\n"
                + "  app: { servers: [127.0.0.1:" + upstreamPort + "] }\n"
                + "routes:\n"
                + "  - upstream: app\n"
                + extra;
    }

    /** {@code host:port} of a MockWebServer-like address. */
    public static String hostPort(String host, int port) {
        return host + ":" + port;
    }

    public static PincerHarness start(String yaml) throws Exception {
        Path dir = Files.createTempDirectory("pincer-test");
        Path file = dir.resolve("pincer.yaml");
        Files.writeString(file, yaml);
        PincerConfig config = load(file);
        return new PincerHarness(PincerServer.start(config, new ProxyMetrics(false)), file);
    }

    public static PincerConfig load(Path file) throws ConfigException {
        return ConfigLoader.load(file);
    }

    public PincerServer server() {
        return server;
    }

    public Path configFile() {
        return configFile;
    }

    public InetSocketAddress address() {
        return server.listenAddresses().get(0);
    }

    public int port() {
        return address().getPort();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    public URI adminUri(String path) {
        return URI.create("http://127.0.0.1:" + server.adminAddress().getPort() + path);
    }

    /** A metric sample's value from the registry, or 0 when absent. */
    public double metric(String name, String[] labelNames, String[] labelValues) {
        Double v = server.metrics().registry().getSampleValue(name, labelNames, labelValues);
        return v == null ? 0 : v;
    }

    public double metric(String name) {
        Double v = server.metrics().registry().getSampleValue(name);
        return v == null ? 0 : v;
    }

    /**
     * Sends raw bytes on a fresh connection and returns everything the proxy sends back until it
     * closes the connection or {@code timeout} passes without data.
     */
    public String raw(String request, Duration timeout) throws IOException {
        return raw(request.getBytes(StandardCharsets.ISO_8859_1), timeout);
    }

    public String raw(byte[] request, Duration timeout) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            return readAll(s.getInputStream());
        }
    }

    /** Reads until EOF or a read timeout; what was read so far is returned either way. */
    public static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) > 0) {
                buf.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // the proxy kept the connection open: return what came
        } catch (IOException e) {
            if (buf.size() == 0) {
                throw e;
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status code of the first response in a raw reply, or -1. */
    public static int status(String rawResponse) {
        if (!rawResponse.startsWith("HTTP/1.1 ") || rawResponse.length() < 12) {
            return -1;
        }
        return Integer.parseInt(rawResponse.substring(9, 12));
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(2));
    }
}
