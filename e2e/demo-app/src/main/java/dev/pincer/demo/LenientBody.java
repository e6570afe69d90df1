package dev.pincer.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a body the way a lenient app does, by what it looks like rather than by its declared
 * content type: an object ({@code {...}}) as flat JSON read leniently ({@link FlatJson#parseLenient}:
 * single quotes, unquoted names and values, comments), a document ({@code <...}) as XML with the
 * JDK's default entity expansion ({@link FlatXml}), anything else as
 * {@code application/x-www-form-urlencoded} pairs. A proxy that parses only what the body
 * declares misses the inputs such an app reads.
 *
 * <p>Example: a {@code text/plain} body {@code name=x%27+OR+%271%27%3D%271} gives
 * {@code name=x' OR '1'='1}; {@code {"name": "x"}} gives {@code name=x}.
 */
final class LenientBody {
    private LenientBody() {
    }

    static Map<String, String> parse(String body) {
        String t = body.strip();
        if (t.startsWith("{")) {
            return FlatJson.parseLenient(t);
        }
        if (t.startsWith("<")) {
            return FlatXml.parse(t);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : t.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty() || eq == 0) {
                continue;
            }
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                // a malformed pair is skipped, as servlet containers do
            }
        }
        return out;
    }
}
