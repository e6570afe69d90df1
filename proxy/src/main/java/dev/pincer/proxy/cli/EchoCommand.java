package dev.pincer.proxy.cli;

import dev.pincer.proxy.echo.EchoServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the built-in echo upstream on its own. */
@Command(name = "echo", mixinStandardHelpOptions = true,
        description = "Run a tiny HTTP server that echoes each request (a demo upstream).")
final class EchoCommand implements Callable<Integer> {
    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8081",
            converter = HostPortConverter.class, description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    dev.pincer.config.HostPort listen;

    @Override
    public Integer call() throws Exception {
        EchoServer echo = EchoServer.start(listen);
        System.err.println("echo upstream on " + echo.address());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            echo.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
