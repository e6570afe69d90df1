package dev.pincer.e2e.harness;

import dev.pincer.e2e.corpus.Corpus.Via;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A plain HTTP/1.1 client for the suites: never follows redirects, sends inputs the corpus way. */
public final class Http {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A response, its body as UTF-8 text. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        @Override
        public String toString() {
            String b = body.length() > 300 ? body.substring(0, 300) + "..." : body;
            String loc = header("Location");
            return status + (loc == null ? "" : " Location: " + loc) + " " + b.replace("\n", "\\n");
        }
    }

    public Reply get(URI base, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET(), Map.of());
    }

    /**
     * Sends {@code value} as input {@code param} of {@code path}: in the query (GET), a form body,
     * a JSON body, as the raw body, as header {@code param} (HEADER, as written), as cookie
     * {@code param} (COOKIE, percent-encoded), or as a query parameter's name whose value is
     * {@code param} (NAME; {@code -}: no value). {@code wire} values go out exactly as written
     * (GET, FORM, COOKIE, NAME).
     */
    public Reply send(URI base, Via via, String path, String param, String value, boolean wire,
                      Map<String, String> headers) {
        String field = wire ? value : encode(value);
        HttpRequest.Builder b = switch (via) {
            case GET -> HttpRequest.newBuilder(URI.create(base + path + "?" + param + "=" + field)).GET();
            case FORM -> HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(param + "=" + field));
            case JSON -> HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(wire ? value
                            : "{\"" + param + "\": " + jsonString(value) + "}", StandardCharsets.UTF_8));
            case BODY -> HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(value, StandardCharsets.UTF_8));
            case HEADER -> HttpRequest.newBuilder(URI.create(base + path)).header(param, value).GET();
            case COOKIE -> HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", param + "=" + field).GET();
            case NAME -> HttpRequest.newBuilder(URI.create(base + path + "?" + field
                    + (param.equals("-") ? "" : "=" + encode(param)))).GET();
        };
        return send(b, headers);
    }

    private Reply send(HttpRequest.Builder b, Map<String, String> headers) {
        b.timeout(TIMEOUT);
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Percent-encodes every byte of the UTF-8 form except RFC 3986 unreserved characters. */
    public static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
