package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * File reads under the base directory ({@code files/public}).
 * <ul>
 *   <li>{@code /vuln/file?name=}: reads {@code new File(base, name)} unchecked, so {@code ../}
 *       leaves the base;</li>
 *   <li>{@code /vuln/file/legacy?name=}: the same after a legacy normalizer that URL-decodes the
 *       name once more and drops NUL characters (so double encoding and {@code %00} reach the sink);</li>
 *   <li>{@code /safe/file} and {@code /safe/file/legacy}: canonicalize and refuse anything outside
 *       the base with {@code rejected}.</li>
 * </ul>
 * Answers {@code file:} then the content, or {@code not found}.
 */
final class FileServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    private final transient Fixtures fx;

    FileServlet(Fixtures fx) {
        this.fx = fx;
    }

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = input(req, "name");
        if (name == null) {
            missing(resp, "name");
            return;
        }
        if (path.endsWith("/legacy")) {
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8).replace("\0", "");
            } catch (IllegalArgumentException e) {
                text(resp, "rejected: bad encoding");
                return;
            }
        }
        File base = fx.base().toFile();
        File f = new File(base, name);
        if (path.startsWith("/safe/")) {
            Path canonical = f.getCanonicalFile().toPath();
            if (!canonical.startsWith(base.getCanonicalFile().toPath())) {
                text(resp, "rejected: outside the base directory");
                return;
            }
            f = canonical.toFile();
        }
        try (InputStream in = new FileInputStream(f)) {
            if (!f.getCanonicalFile().toPath().startsWith(base.getCanonicalFile().toPath())) {
                AppRequests.outsideRead();
            }
            text(resp, "file:\n" + new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            text(resp, "not found");
        } catch (IOException e) {
            text(resp, "read failed: " + brief(e));
        }
    }
}
