package dev.pincer.inspection.shared;

import dev.pincer.config.HostPort;
import dev.pincer.config.RedisConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real {@code redis-server} (the Debian package) for tests: started on a free port in a temp
 * dir, no persistence, stopped by {@link #close()}. Missing binary: the test fails and says how to
 * install it; CI installs it in {@code .ci/run}, so it is never skipped.
 */
public final class RedisServer implements AutoCloseable {
    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static RedisServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RedisServer r = new RedisServer(port, Files.createTempDirectory("pincer-redis"));
        r.startProcess();
        return r;
    }

    /** Starts it again on the same port (after {@link #stop()}). */
    public void startProcess() throws IOException, InterruptedException {
        String bin = binary();
        process = new ProcessBuilder(List.of(bin, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port + "; see " + dir.resolve("redis.log"));
    }

    private static String binary() {
        for (String p : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        throw new IllegalStateException("redis-server is not installed: these tests need a real one "
                + "(apt-get install -y redis-server); CI installs it in .ci/run");
    }

    public RedisConfig config(Duration timeout) {
        return new RedisConfig(new HostPort("127.0.0.1", port), null, 0, timeout, "t:");
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
