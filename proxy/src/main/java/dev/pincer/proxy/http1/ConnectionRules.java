package dev.pincer.proxy.http1;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.AsciiString;
import java.util.List;
import java.util.function.Predicate;

/**
 * RFC 9110 §7.6.1: the fields a {@code Connection} header names are removed by every proxy on the
 * way. A client that names a field the message's framing or routing depends on asks Pincer to
 * strip it while the app still acts on what it framed: {@code Connection: Content-Length} once
 * made the proxy drop the length but forward the body, which the app then read as a second,
 * uninspected request. Such a request is refused with {@link RejectReason#BAD_CONNECTION_HEADER}.
 *
 * <p>Refused tokens: {@code content-length}, {@code transfer-encoding}, {@code host},
 * {@code x-pincer-*} (Pincer's own namespace), and {@code upgrade} unless the request is a
 * WebSocket handshake ({@code GET} with {@code Upgrade: websocket}, RFC 6455 §4.1) or only offers
 * cleartext HTTP/2 ({@code Upgrade: h2c}, what Java's HttpClient and {@code curl --http2} send by
 * default): Pincer never forwards that offer and answers in HTTP/1.1 (RFC 9110 §7.8 lets a server
 * ignore it), so the h2c-smuggling trick of tunnelling past the proxy cannot happen. Example:
 * {@code Connection: keep-alive, Content-Length} is refused; {@code Connection: keep-alive, X-Foo}
 * is not (X-Foo is stripped as asked).
 */
public final class ConnectionRules {
    private static final String PINCER_PREFIX = "x-pincer-";
    private static final String WEBSOCKET = "websocket";
    private static final String H2C = "h2c";

    private ConnectionRules() {
    }

    /** HTTP/1: checks the field lines of a head; throws {@link RejectException}. */
    static void check(HttpMethod method, List<FieldLine> fields) {
        boolean upgradeAllowed = false;
        for (FieldLine f : fields) {
            if (f.is(HttpHeaderNames.UPGRADE)) {
                upgradeAllowed |= allowedUpgrade(method, f.value());
            }
        }
        for (FieldLine f : fields) {
            if (f.is(HttpHeaderNames.CONNECTION)) {
                CharSequence bad = forbiddenToken(f.value(), upgradeAllowed);
                if (bad != null) {
                    throw new RejectException(RejectReason.BAD_CONNECTION_HEADER,
                            "Connection names " + HttpChars.escape(bad));
                }
            }
        }
    }

    /**
     * Any decoded head, HTTP/2 included (where Connection is not allowed at all, RFC 9113 §8.2.2,
     * and Netty's codec already refuses it): the reason to refuse it, or {@code null}.
     */
    public static RejectReason check(HttpMethod method, HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.CONNECTION)) {
            return null;
        }
        boolean upgradeAllowed = false;
        for (String v : headers.getAll(HttpHeaderNames.UPGRADE)) {
            upgradeAllowed |= allowedUpgrade(method, v);
        }
        for (String v : headers.getAll(HttpHeaderNames.CONNECTION)) {
            if (forbiddenToken(v, upgradeAllowed) != null) {
                return RejectReason.BAD_CONNECTION_HEADER;
            }
        }
        return null;
    }

    /** A WebSocket handshake, or an offer of nothing but h2c (which is ignored, never forwarded). */
    private static boolean allowedUpgrade(HttpMethod method, CharSequence upgrade) {
        if (HttpMethod.GET.equals(method) && containsToken(upgrade, WEBSOCKET)) {
            return true;
        }
        return firstToken(upgrade, t -> !AsciiString.contentEqualsIgnoreCase(t, H2C)) == null;
    }

    /** The first token of a Connection value that names a protected field, or {@code null}. */
    static CharSequence forbiddenToken(CharSequence value, boolean upgradeAllowed) {
        return firstToken(value, t -> forbidden(t, upgradeAllowed));
    }

    private static boolean forbidden(CharSequence token, boolean websocket) {
        return AsciiString.contentEqualsIgnoreCase(token, HttpHeaderNames.CONTENT_LENGTH)
                || AsciiString.contentEqualsIgnoreCase(token, HttpHeaderNames.TRANSFER_ENCODING)
                || AsciiString.contentEqualsIgnoreCase(token, HttpHeaderNames.HOST)
                || (!websocket && AsciiString.contentEqualsIgnoreCase(token, HttpHeaderNames.UPGRADE))
                || AsciiString.regionMatches(token, true, 0, PINCER_PREFIX, 0, PINCER_PREFIX.length());
    }

    private static boolean containsToken(CharSequence value, String token) {
        return firstToken(value, t -> AsciiString.contentEqualsIgnoreCase(t, token)) != null;
    }

    /** RFC 9110 §5.6.1 list elements of {@code value}, OWS trimmed: the first that {@code test} accepts. */
    private static CharSequence firstToken(CharSequence value, Predicate<CharSequence> test) {
        int n = value.length();
        for (int start = 0; start <= n; ) {
            int comma = start;
            while (comma < n && value.charAt(comma) != ',') {
                comma++;
            }
            int s = start;
            int e = comma;
            while (s < e && isOws(value.charAt(s))) {
                s++;
            }
            while (e > s && isOws(value.charAt(e - 1))) {
                e--;
            }
            CharSequence token = value.subSequence(s, e);
            if (test.test(token)) {
                return token;
            }
            start = comma + 1;
        }
        return null;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
