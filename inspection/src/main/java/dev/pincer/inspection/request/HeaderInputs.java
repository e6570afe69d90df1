package dev.pincer.inspection.request;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.internal.InputCollector;
import dev.pincer.inspection.internal.PercentDecoder;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HEADER inputs (one per field, named by the lower-case field name, value as sent) and then COOKIE
 * inputs from every {@code Cookie} field. A field or cookie name that is not a
 * {@link dev.pincer.inspection.input.PlainName plain word} is also an input of its own
 * ({@code HEADER_NAME} as sent, {@code COOKIE_NAME} also percent-decoded once), just before its
 * value, kept whole up to the value limit. Fields the proxy owns or rewrites (hop-by-hop,
 * forwarding, {@code X-Pincer-*}, {@code X-Request-Id}) are not inputs; {@code Cookie} is split
 * into its pairs instead. An {@code Authorization: Basic} field also yields its decoded user and
 * password (see {@link BasicCredentials}).
 *
 * <p>Cookies: pairs split on {@code ;}, whitespace around a pair trimmed, name and value split at
 * the first {@code =} (no {@code =}: empty name, the whole pair is the value), value
 * percent-decoded once ({@code +} stays {@code +}). Example: {@code Cookie: sid=a%3Bb; theme=dark}
 * gives {@code COOKIE sid "a%3Bb" "a;b"} and {@code COOKIE theme "dark"}.
 */
final class HeaderInputs {
    private static final Set<String> EXCLUDED = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "te", "trailer", "upgrade", "proxy-authorization", "proxy-connection", "x-forwarded-for",
            "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded", "x-request-id", "cookie");

    private HeaderInputs() {
    }

    static boolean extract(List<HeaderField> headers, InputCollector out) {
        for (HeaderField h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (EXCLUDED.contains(name) || name.startsWith("x-pincer-")) {
                continue;
            }
            if (!out.addName(InputSource.HEADER_NAME, h.name(), h.name())
                    || !out.add(InputSource.HEADER, out.shortName(name), h.value(), h.value())) {
                return false;
            }
            if (name.equals("authorization") && !BasicCredentials.extract(h.value(), out)) {
                return false;
            }
        }
        int[] pairs = {0};
        for (HeaderField h : headers) {
            if (h.name().equalsIgnoreCase("cookie") && !cookies(h.value(), pairs, out)) {
                return false;
            }
        }
        return true;
    }

    private static boolean cookies(String v, int[] pairs, InputCollector out) {
        int len = v.length();
        int i = 0;
        while (i < len) {
            int end = v.indexOf(';', i);
            end = end < 0 ? len : end;
            int from = skipWs(v, i, end);
            int to = trimEnd(v, from, end);
            i = end + 1;
            if (from == to) {
                continue;
            }
            if (++pairs[0] > out.maxPairs()) {
                out.truncated(Truncation.COUNT);
                return true;
            }
            int eq = from;
            while (eq < to && v.charAt(eq) != '=') {
                eq++;
            }
            eq = eq == to ? -1 : eq;
            String rawName = eq < 0 ? "" : out.value(v, from, trimEnd(v, from, eq));
            if (!out.addName(InputSource.COOKIE_NAME, rawName, PercentDecoder.decode(rawName, false))) {
                return false;
            }
            String raw = out.value(v, eq < 0 ? from : skipWs(v, eq + 1, to), to);
            if (!out.add(InputSource.COOKIE, out.shortName(rawName), raw, PercentDecoder.decode(raw, false))) {
                return false;
            }
        }
        return true;
    }

    private static int skipWs(String s, int i, int end) {
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int from, int end) {
        while (end > from && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }
}
