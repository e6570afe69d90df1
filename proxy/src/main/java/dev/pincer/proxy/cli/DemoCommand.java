package dev.pincer.proxy.cli;

import dev.pincer.config.ConfigLoader;
import dev.pincer.config.PincerConfig;
import dev.pincer.proxy.server.PincerServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts Pincer with its correlator, then the demo app (e2e/) in a child JVM with the sensor
 * attached, and prints a few {@code curl} lines: an attack blocked at its sink, the same payload
 * allowed on the safe endpoint, a harmless input that looks scary, and where metrics and events
 * are. The jars are found next to a source checkout's {@code proxy/target/pincer.jar} unless
 * given.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Pincer in front of the demo app, with the sensor attached to the app.")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "The proxy port (default ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Option(names = "--admin-port", description = "The admin port (default ${DEFAULT-VALUE}).", defaultValue = "9090")
    int adminPort;

    @Option(names = "--sensor", paramLabel = "JAR", description = "The sensor agent jar.")
    Path sensor;

    @Option(names = "--app", paramLabel = "JAR", description = "The demo app jar (Tomcat 10 or Tomcat 9 build).")
    Path app;

    @Option(names = "--mode", description = "Protection mode: hybrid, edge or monitor (default ${DEFAULT-VALUE}).",
            defaultValue = "hybrid")
    String mode;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path root = checkoutRoot();
        Path sensorJar = sensor != null ? sensor : root.resolve("sensor/target/pincer-sensor.jar");
        Path appJar = app != null ? app : root.resolve("e2e/demo-tomcat10/target/pincer-demo-tomcat10.jar");
        for (Path p : List.of(sensorJar, appJar)) {
            if (!Files.isRegularFile(p)) {
                err.println("pincer demo: " + p + " not found; build everything first with"
                        + " ./mvnw -B -q -DskipTests package, or pass --sensor and --app");
                return 1;
            }
        }
        String token = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
        int appPort = freePort();
        PincerConfig cfg = ConfigLoader.parse("""
                listen: 127.0.0.1:%d
                admin: 127.0.0.1:%d
                upstreams:
                  demo:
                    servers: [127.0.0.1:%d]
                routes:
                  - match: { path_prefix: / }
                    upstream: demo
                correlator:
                  listen: 127.0.0.1:0
                  token: %s
                protection: { mode: %s }
                """.formatted(port, adminPort, appPort, token, mode), "<demo>");
        PincerServer server = PincerServer.start(cfg);
        InetSocketAddress corr = server.correlatorAddress();
        Process child = startApp(sensorJar, appJar, appPort, corr, token);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            server.stop(cfg.shutdownGrace());
            stopped.countDown();
        }, "pincer-demo-shutdown"));
        if (!awaitReady(child, err)) {
            err.println("pincer demo: the demo app did not start; its output is above");
            child.destroyForcibly();
            server.close();
            return 1;
        }
        printHelp(server);
        stopped.await();
        return 0;
    }

    private Process startApp(Path sensorJar, Path appJar, int appPort, InetSocketAddress corr, String token)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-javaagent:" + sensorJar.toAbsolutePath());
        cmd.add("-jar");
        cmd.add(appJar.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DEMO_PORT", Integer.toString(appPort));
        pb.environment().put("PINCER_CORRELATOR", corr.getHostString() + ":" + corr.getPort());
        pb.environment().put("PINCER_TOKEN", token);
        pb.environment().put("PINCER_APP", "pincer-demo");
        return pb.start();
    }

    /** Copies the app's output to ours, and returns once it says it listens (or it died). */
    private static boolean awaitReady(Process child, PrintWriter err) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    System.err.println("[demo-app] " + line);
                    if (line.contains("demo app listening")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the child ended
            }
            ready.countDown();
        }, "pincer-demo-app-output");
        pump.setDaemon(true);
        pump.start();
        return ready.await(60, TimeUnit.SECONDS) && child.isAlive();
    }

    private void printHelp(PincerServer server) {
        PrintWriter out = spec.commandLine().getOut();
        String p = "http://127.0.0.1:" + server.listenAddresses().get(0).getPort();
        String admin = "http://127.0.0.1:" + server.adminAddress().getPort();
        String attack = "x%27%20OR%20%271%27%3D%271";
        out.println();
        out.println("Pincer demo (mode " + mode + "): proxy " + p + " -> demo app with the sensor attached");
        out.println("  # SQL injection on the vulnerable endpoint: blocked at the JDBC call, 403 with the request id");
        out.println("  curl -i '" + p + "/vuln/sql?name=" + attack + "'");
        out.println("  # the same payload on the safe endpoint (bound parameter): 200");
        out.println("  curl -i '" + p + "/safe/sql?name=" + attack + "'");
        out.println("  # scary but harmless: 200");
        out.println("  curl -i '" + p + "/vuln/sql/escaped?name=O%27Brien%20select%20your%20size'");
        out.println("  # command injection through sh -c: 403, and the process never starts");
        out.println("  curl -i '" + p + "/vuln/exec?host=127.0.0.1%3Bid'");
        out.println("  # path traversal: 403");
        out.println("  curl -i '" + p + "/vuln/file?name=..%2F..%2F..%2Fetc%2Fpasswd'");
        out.println("  # metrics: sink checks, verdict latency, connected sensors");
        out.println("  curl -s " + admin + "/metrics | grep -E 'pincer_(sink|sensor|blocked)'");
        out.println("Security events: one JSON line each on standard output (\"event\":\"sink_verdict\").");
        out.println("Ctrl-C to stop both.");
        out.println();
        out.flush();
    }

    /** {@code proxy/target/pincer.jar} -> the checkout root; otherwise the working directory. */
    private static Path checkoutRoot() {
        try {
            Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = jar.getParent();
            if (target != null && target.getFileName().toString().equals("target") && target.getParent() != null
                    && target.getParent().getParent() != null) {
                return target.getParent().getParent();
            }
        } catch (Exception e) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
