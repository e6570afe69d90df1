package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Outbound fetches (SSRF).
 * <ul>
 *   <li>{@code /vuln/fetch?url=}: {@code new URL(url).openConnection()} on any URL;</li>
 *   <li>{@code /vuln/fetch/host?host=}: fetches {@code "http://" + host + "/status"};</li>
 *   <li>{@code /safe/fetch?url=} and {@code /safe/fetch/host?host=}: only {@code https} to a host
 *       on the allowlist ({@code DEMO_FETCH_ALLOW}, comma-separated, default
 *       {@code api.example.com}), no user info, default port; anything else is {@code rejected}.</li>
 * </ul>
 * Answers {@code fetched:} then up to 64 KiB of the body, or {@code fetch failed: ...}.
 */
final class FetchServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    /** Short: the demo's upstreams are local or absent, and a test should not wait on them. */
    private static final int TIMEOUT_MS = 2000;
    private static final Set<String> ALLOW = allowlist();

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean byHost = path.endsWith("/host");
        String v = input(req, byHost ? "host" : "url");
        if (v == null) {
            missing(resp, byHost ? "host" : "url");
            return;
        }
        String url = byHost ? (path.startsWith("/safe/") ? "https://" : "http://") + v + "/status" : v;
        if (path.startsWith("/safe/") && !allowed(url)) {
            text(resp, "rejected: not an allowed https URL");
            return;
        }
        try {
            URLConnection c = new URL(url).openConnection();
            c.setConnectTimeout(TIMEOUT_MS);
            c.setReadTimeout(TIMEOUT_MS);
            try (InputStream in = c.getInputStream()) {
                text(resp, "fetched:\n" + new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            text(resp, "fetch failed: " + brief(e));
        }
    }

    private static boolean allowed(String url) {
        try {
            URI u = new URI(url);
            return "https".equals(u.getScheme()) && u.getRawUserInfo() == null
                    && (u.getPort() == -1 || u.getPort() == 443)
                    && u.getHost() != null && ALLOW.contains(u.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Set<String> allowlist() {
        String env = System.getenv("DEMO_FETCH_ALLOW");
        String list = env == null || env.isBlank() ? "api.example.com" : env;
        return Set.of(list.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
    }
}
