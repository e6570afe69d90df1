package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;

/**
 * The app's own internal service, reached the way real apps do: by a name of its choosing,
 * {@code internal.pincer.test}, which the JVM's hosts file maps to 127.0.0.1 in the e2e harness.
 * {@code /catalog/item?id=} fetches {@code http://internal.pincer.test:<DEMO_INTERNAL_PORT>/items/<id>}:
 * the input is only a path segment, so the connect to a loopback address is the app's choice, not
 * the user's. Answers {@code item:} then the body, {@code fetch failed: ...}, or
 * {@code not configured} without {@code DEMO_INTERNAL_PORT}.
 */
final class CatalogServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    private static final int TIMEOUT_MS = 2000;
    private static final String PORT = System.getenv("DEMO_INTERNAL_PORT");

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = input(req, "id");
        if (id == null) {
            missing(resp, "id");
            return;
        }
        if (PORT == null || PORT.isBlank()) {
            text(resp, "not configured");
            return;
        }
        try {
            URLConnection c = new URL("http://internal.pincer.test:" + PORT + "/items/" + id).openConnection();
            c.setConnectTimeout(TIMEOUT_MS);
            c.setReadTimeout(TIMEOUT_MS);
            try (InputStream in = c.getInputStream()) {
                text(resp, "item:\n" + new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            text(resp, "fetch failed: " + brief(e));
        }
    }
}
