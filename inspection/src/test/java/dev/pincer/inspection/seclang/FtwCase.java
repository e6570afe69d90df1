package dev.pincer.inspection.seclang;

import dev.pincer.inspection.seclang.variables.HttpData;
import dev.pincer.inspection.request.HeaderField;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One stage of a go-ftw test (the CRS regression suite's format) turned into the request
 * go-ftw would send: the request line, the headers in order, the body, with go-ftw's
 * autocompletion (Content-Type for data, its per-pair URL-encoding of unencoded form data,
 * Content-Length, {@code Connection: close}), or an {@code encoded_request} as sent.
 */
record FtwCase(String file, int test, int stage, HttpData request, Set<Long> expect, Set<Long> noExpect) {

    String id() {
        return file + " test " + test + (stage > 0 ? " stage " + stage : "");
    }

    @SuppressWarnings("unchecked")
    static List<FtwCase> of(String file, Map<String, Object> doc) {
        List<FtwCase> out = new ArrayList<>();
        List<Map<String, Object>> tests = (List<Map<String, Object>>) doc.get("tests");
        if (tests == null) {
            return out;
        }
        for (Map<String, Object> t : tests) {
            int testId = ((Number) t.getOrDefault("test_id", 0)).intValue();
            List<Map<String, Object>> stages = (List<Map<String, Object>>) t.get("stages");
            for (int s = 0; s < stages.size(); s++) {
                Map<String, Object> stage = stages.get(s);
                if (stage.containsKey("stage")) {
                    stage = (Map<String, Object>) stage.get("stage");
                }
                Map<String, Object> input = (Map<String, Object>) stage.get("input");
                Map<String, Object> output = (Map<String, Object>) stage.get("output");
                Map<String, Object> log = output == null ? null : (Map<String, Object>) output.get("log");
                out.add(new FtwCase(file, testId, stages.size() > 1 ? s + 1 : 0, request(input),
                        ids(log, "expect_ids"), ids(log, "no_expect_ids")));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> ids(Map<String, Object> log, String key) {
        if (log == null || log.get(key) == null) {
            return Set.of();
        }
        Set<Long> ids = new java.util.TreeSet<>();
        for (Object o : (List<Object>) log.get(key)) {
            ids.add(((Number) o).longValue());
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static HttpData request(Map<String, Object> in) {
        if (in.get("encoded_request") != null) {
            String b64 = in.get("encoded_request").toString().replaceAll("\\s", "");
            return raw(new String(Base64.getDecoder().decode(b64), StandardCharsets.ISO_8859_1));
        }
        String method = String.valueOf(in.getOrDefault("method", "GET"));
        String uri = String.valueOf(in.getOrDefault("uri", "/"));
        String version = String.valueOf(in.getOrDefault("version", "HTTP/1.1"));
        boolean complete = !Boolean.FALSE.equals(in.get("autocomplete_headers"));
        List<HeaderField> headers = new ArrayList<>();
        Object h = in.get("headers");
        if (h instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                headers.add(new HeaderField(bytes(String.valueOf(e.getKey())), bytes(String.valueOf(e.getValue()))));
            }
        }
        Object d = in.get("data");
        String data = d == null ? null : d instanceof List<?> l ? String.join("\r\n", (List<String>) l) : bytes(d.toString());
        if (data != null && !data.isEmpty() && complete) {
            if (header(headers, "Content-Type") == null) {
                headers.add(new HeaderField("Content-Type", "application/x-www-form-urlencoded"));
            }
            if ("application/x-www-form-urlencoded".equals(header(headers, "Content-Type"))) {
                data = encodeForm(data);
            }
        }
        String ct = header(headers, "Content-Type");
        if (data != null && ct != null && ct.contains("multipart/form-data;")) {
            data = data.replace("\n", "\r\n");
        }
        if (complete) {
            if (header(headers, "Connection") == null) {
                headers.add(new HeaderField("Connection", "close"));
            }
            if (header(headers, "Content-Length") == null
                    && ((data != null && !data.isEmpty()) || method.matches("^POST|PUT|PATCH|DELETE$"))) {
                headers.add(new HeaderField("Content-Length", Integer.toString(data == null ? 0 : data.length())));
            }
        }
        byte[] body = data == null || data.isEmpty() ? null : data.getBytes(StandardCharsets.ISO_8859_1);
        return new HttpData(method, bytes(uri), version, headers, "127.0.0.1", 40000, "ftw", body, true);
    }

    /** go-ftw encodes form data that holds no escape yet, pair by pair, as Go's QueryEscape. */
    private static String encodeForm(String data) {
        String unescaped;
        try {
            unescaped = java.net.URLDecoder.decode(data, StandardCharsets.ISO_8859_1);
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

    private static String escape(String s) {
        // Go's url.QueryEscape over the string's UTF-8 bytes: '~' stays, '*' is escaped.
        String utf8 = new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return URLEncoder.encode(utf8, StandardCharsets.UTF_8).replace("%7E", "~").replace("*", "%2A");
    }

    /** The suite's strings are Unicode; on the wire they are UTF-8 bytes. */
    private static String bytes(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String header(List<HeaderField> headers, String name) {
        for (HeaderField f : headers) {
            if (f.name().equalsIgnoreCase(name)) {
                return f.value();
            }
        }
        return null;
    }

    /** A raw HTTP/1.x request: request line, headers, then a Content-Length or chunked body. */
    private static HttpData raw(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String rest = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        String[] line = lines[0].split(" ", 3);
        List<HeaderField> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new HeaderField(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()));
            }
        }
        String te = header(headers, "Transfer-Encoding");
        String body = te != null && te.toLowerCase(Locale.ROOT).contains("chunked") ? dechunk(rest) : rest;
        return new HttpData(line[0], line.length > 1 ? line[1] : "/", line.length > 2 ? line[2] : "HTTP/0.9",
                headers, "127.0.0.1", 40000, "ftw",
                body.isEmpty() ? null : body.getBytes(StandardCharsets.ISO_8859_1), true);
    }

    private static String dechunk(String s) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < s.length()) {
            int eol = s.indexOf("\r\n", pos);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(s.substring(pos, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = eol + 2;
            out.append(s, start, Math.min(s.length(), start + size));
            pos = start + size + 2;
        }
        return out.toString();
    }
}
