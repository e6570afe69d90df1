package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Process execution without a shell (issue 8).
 *
 * <ul>
 *   <li>{@code /vuln/exec/split?pattern=} runs {@code Runtime.exec("find " + base + " -name " + pattern)}:
 *       the JDK splits the string on blanks, so a pattern with blanks adds arguments to find
 *       ({@code x -fprint FILE} writes FILE). {@code /safe/exec/split} runs the same find with the
 *       pattern as one argv element.</li>
 *   <li>{@code /vuln/exec/env?profile=} runs {@code bash -c "echo report"} with
 *       {@code BASH_ENV=<profiles>/<profile>} in its {@code envp}: bash expands that value
 *       (parameter expansion, command substitution) before it sources the file, so {@code $(...)}
 *       in the profile runs. {@code /safe/exec/env} passes the profile in an ordinary variable,
 *       {@code REPORT_PROFILE}, which bash never expands.</li>
 * </ul>
 * Answers {@code exit=N} then the output.
 */
final class ExecFormsServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    private static final String PATH = "PATH=/usr/local/bin:/usr/bin:/bin";

    private final transient Fixtures fx;

    ExecFormsServlet(Fixtures fx) {
        this.fx = fx;
    }

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean vuln = path.startsWith("/vuln/");
        String param = path.endsWith("/split") ? "pattern" : "profile";
        String value = input(req, param);
        if (value == null) {
            missing(resp, param);
            return;
        }
        String base = fx.base().toString();
        try {
            Process p;
            if (path.endsWith("/split")) {
                p = vuln ? Runtime.getRuntime().exec("find " + base + " -name " + value)
                        : new ProcessBuilder("find", base, "-name", value).redirectErrorStream(true).start();
            } else {
                Path profiles = fx.dir().resolve("profiles");
                String[] envp = vuln
                        ? new String[] {PATH, "BASH_ENV=" + profiles + "/" + value}
                        : new String[] {PATH, "REPORT_PROFILE=" + value};
                p = Runtime.getRuntime().exec(new String[] {"bash", "-c", "echo report"}, envp);
            }
            text(resp, ExecServlet.finish(p));
        } catch (IOException e) {
            text(resp, "exec failed: " + brief(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            text(resp, "exec interrupted");
        }
    }
}
