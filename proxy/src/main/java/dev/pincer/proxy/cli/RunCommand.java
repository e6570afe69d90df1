package dev.pincer.proxy.cli;

import dev.pincer.config.ConfigException;
import dev.pincer.config.ConfigLoader;
import dev.pincer.config.ConfigProblem;
import dev.pincer.config.HostPort;
import dev.pincer.config.PincerConfig;
import dev.pincer.proxy.echo.EchoServer;
import dev.pincer.proxy.reload.ConfigReloader;
import dev.pincer.proxy.server.PincerServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the proxy until SIGTERM/SIGINT, then drains. Without {@code --config} it runs the built-in
 * demo: the proxy on 127.0.0.1:8080, admin on 127.0.0.1:9090, and the echo upstream on
 * 127.0.0.1:8081.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the proxy (the built-in demo when no --config is given).")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    private static final HostPort DEMO_ECHO = new HostPort("127.0.0.1", 8081);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "The YAML config file.")
    Path config;

    @Option(names = "--echo", paramLabel = "HOST:PORT", converter = HostPortConverter.class,
            description = "Also run the built-in echo upstream on this address (for demos).")
    HostPort echo;

    @Override
    public Integer call() throws Exception {
        PincerConfig cfg;
        try {
            cfg = config == null ? demoConfig() : ConfigLoader.load(config);
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                spec.commandLine().getErr().println(p);
            }
            return 1;
        }
        HostPort echoAddress = echo != null ? echo : (config == null ? DEMO_ECHO : null);
        EchoServer echoServer = echoAddress == null ? null : EchoServer.start(echoAddress);
        PincerServer server = PincerServer.start(cfg);
        ConfigReloader reloader = config == null ? null : new ConfigReloader(config, server).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down: draining in-flight requests for up to {}", cfg.shutdownGrace());
            if (reloader != null) {
                reloader.close();
            }
            server.stop(server.config().shutdownGrace());
            if (echoServer != null) {
                echoServer.close();
            }
            stopped.countDown();
        }, "pincer-shutdown"));
        if (config == null) {
            printDemo(server, echoServer);
        }
        stopped.await();
        return 0;
    }

    private static PincerConfig demoConfig() throws ConfigException, IOException {
        try (InputStream in = RunCommand.class.getResourceAsStream("demo.yaml")) {
            return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "<built-in demo>");
        }
    }

    private void printDemo(PincerServer server, EchoServer echoServer) {
        var out = spec.commandLine().getOut();
        String proxy = "http://" + hostPort(server.listenAddresses().get(0));
        out.println();
        out.println("Pincer demo: proxy " + proxy + " -> echo upstream " + hostPort(echoServer.address()));
        out.println("  curl -i " + proxy + "/hello?name=world");
        out.println("  curl -i -H 'Transfer-Encoding: chunked' -H 'Content-Length: 4' -d test " + proxy
                + "/   # ambiguous framing: 400");
        out.println("  curl -s http://" + hostPort(server.adminAddress()) + "/metrics | grep pincer_");
        out.println("Access log: one JSON line per request on standard output. Ctrl-C to stop.");
        out.println();
        out.flush();
    }

    private static String hostPort(java.net.InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }
}
