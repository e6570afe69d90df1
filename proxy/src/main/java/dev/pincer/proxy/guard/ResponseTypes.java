package dev.pincer.proxy.guard;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What a response's head says about its body, for the XSS check: whether a browser may render it
 * as markup, its charset and its content coding.
 *
 * <p>Markup: {@code text/html}, {@code application/xhtml+xml}, {@code image/svg+xml}, and a
 * response without a {@code Content-Type} (browsers sniff it) or with several (which one a browser
 * uses is not ours to guess). Charset: the {@code charset} parameter when the JVM knows it, else
 * UTF-8 (a {@code <meta charset>} inside the body is not read). Coding: identity, {@code gzip}
 * ({@code x-gzip}) and {@code deflate} are decoded; anything else ({@code br}, {@code zstd},
 * several codings) is {@link Coding#UNDECODABLE}.
 *
 * <p>Example: {@code text/html; charset=ISO-8859-1} is markup in ISO-8859-1;
 * {@code application/json} is not markup.
 */
final class ResponseTypes {
    enum Coding { IDENTITY, GZIP, DEFLATE, UNDECODABLE }

    private ResponseTypes() {
    }

    static boolean markup(List<String> contentTypes) {
        if (contentTypes.size() != 1) {
            return true;
        }
        String t = type(contentTypes.get(0));
        return t.isEmpty() || t.equals("text/html") || t.equals("application/xhtml+xml") || t.equals("image/svg+xml");
    }

    static Charset charset(List<String> contentTypes) {
        if (contentTypes.size() != 1) {
            return StandardCharsets.UTF_8;
        }
        for (String p : contentTypes.get(0).split(";")) {
            String[] kv = p.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                String name = kv[1].strip().replace("\"", "");
                try {
                    return Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.UTF_8;
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    static Coding coding(List<String> contentEncodings) {
        String only = null;
        for (String field : contentEncodings) {
            for (String c : field.split(",")) {
                String v = c.strip().toLowerCase(Locale.ROOT);
                if (v.isEmpty() || v.equals("identity")) {
                    continue;
                }
                if (only != null) {
                    return Coding.UNDECODABLE; // gzip applied over deflate, say: not decoded
                }
                only = v;
            }
        }
        if (only == null) {
            return Coding.IDENTITY;
        }
        return switch (only) {
            case "gzip", "x-gzip" -> Coding.GZIP;
            case "deflate" -> Coding.DEFLATE;
            default -> Coding.UNDECODABLE;
        };
    }

    private static String type(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
