package dev.pincer.e2e.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo app as a child JVM: {@code java [-javaagent:SENSOR] -jar DEMO_JAR} with the given
 * environment and the harness's hosts file ({@link #hostsFile}), started and waited for until it
 * prints {@code demo app listening on <port>}. Its
 * stdout and stderr are kept (bounded) for assertions and failure messages. The JVM is the test's
 * own, or {@code PINCER_E2E_JAVA} (a {@code java} executable) when set.
 */
public final class DemoApp implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("demo app listening on (\\d+)");
    /** Lines kept per stream: enough for a failure message, bounded for a long run. */
    private static final int MAX_LINES = 5000;
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile int port = -1;
    private final String name;

    private DemoApp(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /**
     * Starts the app. {@code agent} null runs it without the sensor. {@code port} 0 lets the app
     * pick a free port (read back from its ready line).
     */
    public static DemoApp start(Container container, Path agent, int port, Map<String, String> env) throws IOException {
        Path jar = container.jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -pl e2e/demo-tomcat10,e2e/demo-tomcat9 -am package");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        if (agent != null) {
            if (!Files.isRegularFile(agent)) {
                throw new IllegalStateException(agent + " is missing: build the sensor first");
            }
            cmd.add("-javaagent:" + agent);
        }
        cmd.add("-Djdk.net.hosts.file=" + hostsFile());
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("DEMO_PORT", Integer.toString(port));
        pb.environment().putAll(env);
        DemoApp app = new DemoApp(pb.start(), container + (agent == null ? "" : " +sensor"));
        app.pump(app.process.getInputStream(), app.stdout, true);
        app.pump(app.process.getErrorStream(), app.stderr, false);
        try {
            boolean ok = app.ready.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ok || app.port < 0) {
                app.close();
                throw new IllegalStateException(app.name + " did not report ready within " + START_TIMEOUT_SECONDS
                        + "s (exit " + (app.process.isAlive() ? "none" : app.process.exitValue()) + ")\n" + app.output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close();
            throw new IllegalStateException("interrupted while starting " + app.name);
        }
        return app;
    }

    /** Names the demo app's JVM resolves to loopback (its hosts file): they look public. */
    public static final List<String> LOOPBACK_NAMES = List.of("internal.pincer.test", "rebind.pincer.test");
    private static Path hostsFile;

    /**
     * The hosts file every demo app JVM reads instead of DNS ({@code -Djdk.net.hosts.file}, JDK 9+),
     * written once per test JVM: {@code localhost} and {@link #LOOPBACK_NAMES} are 127.0.0.1, and
     * this machine's own name keeps its address (the sensor names itself by it). Any other name
     * does not resolve, so nothing the app fetches by name leaves the machine.
     */
    static synchronized Path hostsFile() throws IOException {
        if (hostsFile != null) {
            return hostsFile;
        }
        StringBuilder b = new StringBuilder("127.0.0.1 localhost " + String.join(" ", LOOPBACK_NAMES) + "\n");
        b.append("::1 localhost\n");
        try {
            InetAddress self = InetAddress.getLocalHost();
            b.append(self.getHostAddress()).append(' ').append(self.getHostName()).append('\n');
        } catch (IOException e) {
            // no name of its own: the sensor falls back to another id
        }
        Path f = Files.createTempFile("pincer-e2e-hosts-", ".txt");
        f.toFile().deleteOnExit();
        hostsFile = Files.writeString(f, b);
        return hostsFile;
    }

    private static String java() {
        String override = System.getenv("PINCER_E2E_JAVA");
        if (override != null && !override.isBlank()) {
            return override;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void pump(InputStream in, List<String> sink, boolean watchReady) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (sink) {
                        if (sink.size() < MAX_LINES) {
                            sink.add(line);
                        }
                    }
                    if (watchReady && port < 0) {
                        Matcher m = READY.matcher(line);
                        if (m.find()) {
                            port = Integer.parseInt(m.group(1));
                            ready.countDown();
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                ready.countDown();
            }
        }, "demo-" + (watchReady ? "out" : "err"));
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return port;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    public List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    /** The last lines of both streams, for failure messages. */
    public String output() {
        StringBuilder sb = new StringBuilder("--- " + name + " stdout (tail)\n");
        tail(stdout(), sb);
        sb.append("--- ").append(name).append(" stderr (tail)\n");
        tail(stderr(), sb);
        return sb.toString();
    }

    private static void tail(List<String> lines, StringBuilder sb) {
        for (String l : lines.subList(Math.max(0, lines.size() - 40), lines.size())) {
            sb.append(l).append('\n');
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A free loopback port, for an app that must know its port before it starts. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
