package dev.pincer.proxy.ftw;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A go-ftw stage's {@code input:} as the bytes go-ftw sends: the request line, the headers in the
 * file's order, then the body; with {@code autocomplete_headers} (the default) go-ftw's additions:
 * a form Content-Type for data that has none, its per-pair URL-encoding of form data that holds no
 * escape yet, {@code Connection: close}, and a Content-Length. An {@code encoded_request} is sent
 * as it decodes. The suite's strings are Unicode; they go out as UTF-8.
 */
final class FtwRequests {

    private static final String FORM = "application/x-www-form-urlencoded";
    /** go-ftw runs {@code data} through Go templates with sprig; the suite uses only {@code repeat}. */
    private static final java.util.regex.Pattern REPEAT =
            java.util.regex.Pattern.compile("\\{\\{\\s*\"([^\"]*)\"\\s*\\|\\s*repeat\\s+(\\d{1,9})\\s*\\}\\}");
    /** The most bytes one template may expand to. */
    static final int MAX_EXPANSION = 16 * 1024 * 1024;

    private FtwRequests() {
    }

    /**
     * @throws IllegalArgumentException for an input go-ftw could not send either (an
     *         {@code encoded_request} that is not base64, headers that are not a mapping)
     */
    @SuppressWarnings("unchecked")
    static byte[] of(Map<String, Object> in) {
        Object encoded = in.get("encoded_request");
        if (encoded != null) {
            try {
                return Base64.getDecoder().decode(encoded.toString().replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("encoded_request is not base64: " + e.getMessage());
            }
        }
        String method = text(in.getOrDefault("method", "GET"));
        String uri = text(in.getOrDefault("uri", "/"));
        String version = text(in.getOrDefault("version", "HTTP/1.1"));
        boolean complete = !Boolean.FALSE.equals(in.get("autocomplete_headers"));
        List<String[]> headers = new ArrayList<>();
        Object h = in.get("headers");
        if (h instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                headers.add(new String[] {text(e.getKey()), text(e.getValue())});
            }
        } else if (h != null) {
            throw new IllegalArgumentException("headers is not a mapping");
        }
        String data = data(in.get("data"));
        if (data != null && !data.isEmpty() && complete) {
            if (header(headers, "Content-Type") == null) {
                headers.add(new String[] {"Content-Type", FORM});
            }
            if (FORM.equals(header(headers, "Content-Type"))) {
                data = encodeForm(data);
            }
        }
        String type = header(headers, "Content-Type");
        if (data != null && type != null && type.contains("multipart/form-data;")) {
            data = data.replace("\r\n", "\n").replace("\n", "\r\n");
        }
        if (complete) {
            if (header(headers, "Connection") == null) {
                headers.add(new String[] {"Connection", "close"});
            }
            if (header(headers, "Content-Length") == null
                    && ((data != null && !data.isEmpty()) || method.matches("POST|PUT|PATCH|DELETE"))) {
                headers.add(new String[] {"Content-Length", Integer.toString(data == null ? 0 : data.length())});
            }
        }
        StringBuilder out = new StringBuilder(256 + (data == null ? 0 : data.length()));
        out.append(method).append(' ').append(uri).append(' ').append(version).append("\r\n");
        for (String[] f : headers) {
            out.append(f[0]).append(": ").append(f[1]).append("\r\n");
        }
        out.append("\r\n");
        if (data != null) {
            out.append(data);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code data:} as one string of bytes (templates expanded); a list is its lines joined by CRLF. */
    private static String data(Object d) {
        if (d == null) {
            return null;
        }
        return expand(lines(d));
    }

    /**
     * go-ftw's {@code {{ "x" | repeat N }}} (sprig's repeat), the one template function the CRS
     * suite uses. Other {@code {{...}}} text is left as it is.
     *
     * @throws IllegalArgumentException when an expansion would exceed {@link #MAX_EXPANSION}
     */
    static String expand(String data) {
        java.util.regex.Matcher m = REPEAT.matcher(data);
        if (!m.find()) {
            return data;
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        do {
            long size = (long) m.group(1).length() * Long.parseLong(m.group(2));
            if (size + out.length() > MAX_EXPANSION) {
                throw new IllegalArgumentException("data template expands past " + MAX_EXPANSION + " bytes");
            }
            out.append(data, last, m.start()).append(m.group(1).repeat(Integer.parseInt(m.group(2))));
            last = m.end();
        } while (m.find());
        return out.append(data, last, data.length()).toString();
    }

    private static String lines(Object d) {
        if (d instanceof List<?> lines) {
            List<String> parts = new ArrayList<>(lines.size());
            for (Object l : lines) {
                parts.add(text(l));
            }
            return String.join("\r\n", parts);
        }
        return text(d);
    }

    /** go-ftw encodes form data that holds no escape yet, pair by pair, as Go's QueryEscape. */
    static String encodeForm(String data) {
        String unescaped;
        try {
            unescaped = URLDecoder.decode(data, StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return data;
        }
        if (!unescaped.equals(data)) {
            return data;
        }
        StringBuilder out = new StringBuilder();
        for (String token : data.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                out.append(escape(token));
            } else {
                out.append(escape(token.substring(0, eq))).append('=').append(escape(token.substring(eq + 1)));
            }
        }
        return out.toString();
    }

    /** Go's url.QueryEscape over the string's bytes: '~' stays, '*' is escaped. */
    private static String escape(String s) {
        String utf8 = new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return URLEncoder.encode(utf8, StandardCharsets.UTF_8).replace("%7E", "~").replace("*", "%2A");
    }

    /** A YAML scalar as its UTF-8 bytes, one char per byte. */
    private static String text(Object o) {
        return new String(String.valueOf(o).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String header(List<String[]> headers, String name) {
        for (String[] f : headers) {
            if (f[0].equalsIgnoreCase(name)) {
                return f[1];
            }
        }
        return null;
    }
}
