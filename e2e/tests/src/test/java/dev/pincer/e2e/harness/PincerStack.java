package dev.pincer.e2e.harness;

import dev.pincer.config.ConfigLoader;
import dev.pincer.proxy.server.PincerServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The whole protected setup for one container: Pincer in this JVM (proxy and correlator, hybrid
 * mode), the demo app in a child JVM under the sensor and behind the proxy, the internal-only
 * server SSRF aims at, and a capture of security events. Started in that order: the app needs the
 * correlator's port, the proxy the app's (picked free beforehand).
 */
public final class PincerStack implements AutoCloseable {
    /** How long to wait for the sensor to connect, shown by an always-checked sink being blocked. */
    private static final long SENSOR_READY_MILLIS = 20_000;

    public final String token = randomToken();
    public final Http http;
    public InternalServer internal;
    public Path markers;
    public SecurityEvents events;
    public PincerServer pincer;
    public DemoApp app;
    public URI proxy;
    public Attempts attempts;

    private PincerStack(Http http) {
        this.http = http;
    }

    public static PincerStack start(Container container, Http http) throws Exception {
        return start(container, http, "", Map.of());
    }

    /**
     * A stack whose one route carries {@code routeOptions} (YAML keys at the route's level, such
     * as {@code "protection: {incomplete: suspect}"}), and whose app gets {@code appEnv} on top of the sensor's
     * settings (such as {@code DEMO_MAX_THREADS}).
     */
    public static PincerStack start(Container container, Http http, String routeOptions, Map<String, String> appEnv)
            throws Exception {
        return start(container, http, routeOptions, appEnv, "mode: hybrid");
    }

    /**
     * As above, with {@code protection} the keys of the top-level {@code protection:} section
     * (YAML at that section's level, such as {@code "mode: edge\nparanoia_level: 2\nrules: [...]"}).
     */
    public static PincerStack start(Container container, Http http, String routeOptions, Map<String, String> appEnv,
                                    String protection) throws Exception {
        PincerStack s = new PincerStack(http);
        try {
            s.start(container, routeOptions, appEnv, protection);
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void start(Container container, String routeOptions, Map<String, String> appEnv, String protection)
            throws Exception {
        internal = new InternalServer();
        markers = Files.createTempDirectory("pincer-e2e-markers-");
        events = new SecurityEvents();
        int appPort = DemoApp.freePort();
        pincer = PincerServer.start(ConfigLoader.parse(yaml(appPort, token, routeOptions, protection), "e2e.yaml"));
        InetSocketAddress corr = pincer.correlatorAddress();
        if (corr == null) {
            throw new IllegalStateException("PincerServer.correlatorAddress() is null with a correlator section");
        }
        Map<String, String> env = new java.util.HashMap<>(appEnv);
        env.put("PINCER_CORRELATOR", "127.0.0.1:" + corr.getPort());
        env.put("PINCER_TOKEN", token);
        env.put("PINCER_FAIL", "open");
        env.put("DEMO_INTERNAL_PORT", Integer.toString(internal.port()));
        app = DemoApp.start(container, Repo.sensorJar(), appPort, env);
        InetSocketAddress listen = pincer.listenAddresses().get(0);
        proxy = URI.create("http://127.0.0.1:" + listen.getPort());
        attempts = new Attempts(http, markers, internal.port());
        awaitSensor();
    }

    /** The config the suite runs: one upstream (the app), the correlator on an ephemeral port. */
    static String yaml(int appPort, String token, String routeOptions, String protection) {
        String options = routeOptions.isBlank() ? "" : routeOptions.strip().lines()
                .map(l -> "    " + l + "\n").reduce("", String::concat);
        String edge = protection.strip().lines().map(l -> "  " + l + "\n").reduce("", String::concat);
        return """
                listen: 127.0.0.1:0
                upstreams:
                  demo:
                    servers: [127.0.0.1:%d]
                routes:
                  - upstream: demo
                %saccess_log: false
                shutdown_grace: 1s
                correlator:
                  listen: "127.0.0.1:0"
                  token: "%s"
                  redirect_allowlist: [partner.example.org]
                protection:
                %s""".formatted(appPort, options, token, edge);
    }

    /**
     * Waits until the sensor has connected: an exec injection through the proxy (exec is checked
     * even without context) answers 403. Gives up silently after a while; the suite then fails
     * with the real responses.
     */
    private void awaitSensor() throws InterruptedException {
        long deadline = System.nanoTime() + SENSOR_READY_MILLIS * 1_000_000;
        // With edge rules an exec injection is a 403 before any sensor is there: wait for the handshake too.
        while (System.nanoTime() < deadline && sensorsConnected() < 1) {
            Thread.sleep(100);
        }
        while (System.nanoTime() < deadline) {
            try {
                if (http.get(proxy, "/vuln/exec?host=" + Http.encode("127.0.0.1; true")).status() == 403) {
                    return;
                }
            } catch (RuntimeException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
    }

    private double sensorsConnected() {
        Double v = pincer.metrics().registry().getSampleValue("pincer_sensors_connected");
        return v == null ? 0 : v;
    }

    private static String randomToken() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Override
    public void close() throws Exception {
        if (app != null) {
            app.close();
        }
        if (pincer != null) {
            pincer.close();
        }
        if (internal != null) {
            internal.close();
        }
        if (events != null) {
            events.close();
        }
        if (markers != null) {
            Files.deleteIfExists(markers);
        }
    }
}
