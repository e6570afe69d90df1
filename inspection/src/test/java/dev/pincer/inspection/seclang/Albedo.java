package dev.pincer.inspection.seclang;

import dev.pincer.inspection.seclang.variables.HttpData;
import dev.pincer.inspection.request.HeaderField;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers of the CRS suite's backend, albedo: {@code POST /reflect} with a JSON body
 * {@code {"status":N,"headers":{...},"body":"...","encodedBody":"base64"}} answers with exactly
 * that; every other request gets 200 with an empty body.
 */
final class Albedo {
    record Response(int status, List<HeaderField> headers, byte[] body) {
    }

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*(\\d+)");
    private static final Pattern BODY = Pattern.compile("\"body\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ENCODED = Pattern.compile("\"encodedBody\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern HEADERS = Pattern.compile("\"headers\"\\s*:\\s*\\{([^}]*)\\}");
    private static final Pattern PAIR = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Albedo() {
    }

    static Response answer(HttpData request) {
        if (!request.target().startsWith("/reflect") || request.body() == null) {
            return new Response(200, List.of(new HeaderField("Content-Type", "text/plain")), new byte[0]);
        }
        String json = new String(request.body(), StandardCharsets.UTF_8);
        int status = 200;
        Matcher m = STATUS.matcher(json);
        if (m.find()) {
            status = Integer.parseInt(m.group(1));
        }
        List<HeaderField> headers = new ArrayList<>();
        m = HEADERS.matcher(json);
        if (m.find()) {
            Matcher p = PAIR.matcher(m.group(1));
            while (p.find()) {
                headers.add(new HeaderField(unescape(p.group(1)), unescape(p.group(2))));
            }
        }
        byte[] body = new byte[0];
        m = ENCODED.matcher(json);
        if (m.find()) {
            body = Base64.getDecoder().decode(m.group(1));
        } else {
            m = BODY.matcher(json);
            if (m.find()) {
                body = unescape(m.group(1)).getBytes(StandardCharsets.UTF_8);
            }
        }
        if (body.length > 0 && headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
            headers.add(new HeaderField("Content-Type", sniff(body)));
        }
        return new Response(status, headers, body);
    }

    /** What Go's net/http answers when a handler sets no Content-Type (http.DetectContentType, roughly). */
    private static String sniff(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(java.util.Locale.ROOT);
        for (String tag : new String[] {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
                "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"}) {
            if (start.startsWith(tag) && start.length() > tag.length()
                    && (start.charAt(tag.length()) == ' ' || start.charAt(tag.length()) == '>')) {
                return "text/html; charset=utf-8";
            }
        }
        if (start.startsWith("<?xml")) {
            return "text/xml; charset=utf-8";
        }
        for (byte b : body) {
            if ((b >= 0 && b < 0x09) || b == 0x0b || (b > 0x0d && b < 0x1b) || (b > 0x1b && b < 0x20)) {
                return "application/octet-stream";
            }
        }
        return "text/plain; charset=utf-8";
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 < s.length()) {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
