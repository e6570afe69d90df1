package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Process execution. {@code /vuln/exec?host=} runs {@code sh -c "echo pinging <host>"}: the host is
 * shell syntax, so {@code ;}, {@code |}, {@code $(...)} and friends run commands.
 * {@code /safe/exec?host=} runs {@code echo pinging <host>} with the host as one argv element, no
 * shell. {@code echo} stands in for {@code ping} to keep tests hermetic. Answers {@code exit=N}
 * then the output.
 */
final class ExecServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    /** A demo command that has not finished by then is killed. */
    private static final long TIMEOUT_SECONDS = 5;

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String host = input(req, "host");
        if (host == null) {
            missing(resp, "host");
            return;
        }
        ProcessBuilder pb = path.startsWith("/vuln/")
                ? new ProcessBuilder("sh", "-c", "echo pinging " + host)
                : new ProcessBuilder("echo", "pinging", host);
        pb.redirectErrorStream(true);
        try {
            text(resp, run(pb));
        } catch (IOException e) {
            text(resp, "exec failed: " + brief(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            text(resp, "exec interrupted");
        }
    }

    private static String run(ProcessBuilder pb) throws IOException, InterruptedException {
        return finish(pb.start());
    }

    /** Closes the process's input, reads its output, waits for it: {@code exit=N} then the output. */
    static String finish(Process p) throws IOException, InterruptedException {
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readNBytes(64 * 1024);
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "exec timed out";
        }
        return "exit=" + p.exitValue() + "\n" + new String(out, StandardCharsets.UTF_8);
    }
}
