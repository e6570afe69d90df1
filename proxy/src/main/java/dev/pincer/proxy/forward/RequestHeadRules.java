package dev.pincer.proxy.forward;

import dev.pincer.config.LimitsConfig;
import dev.pincer.proxy.http1.ConnectionRules;
import dev.pincer.proxy.http1.HostRules;
import dev.pincer.proxy.http1.RejectReason;
import dev.pincer.proxy.http1.TargetRules;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Checks of a request head the exchange makes before routing it: the limits an HTTP/2 head is held
 * to (the HTTP/1 decoder enforces them itself), the expectation (RFC 9110 §10.1.1), and whether it
 * asks for a WebSocket upgrade (RFC 6455 §4.1).
 *
 * <p>Example: an h2 HEADERS with {@code content-length: 2g} under {@code max_body_bytes: 1g} is
 * {@link RejectReason#BODY_TOO_LARGE}; {@code Expect: 100-continue} from an HTTP/1.1 client is
 * {@link Expectation#CONTINUE}.
 */
final class RequestHeadRules {
    /** What an {@code Expect} field asks for. */
    enum Expectation { NONE, CONTINUE, UNSUPPORTED }

    private RequestHeadRules() {
    }

    /**
     * Why an HTTP/2 head is refused, or null when it is within the limits and the rules the
     * HTTP/1 decoder holds a head to: the target's bytes ({@link TargetRules}; the head's target
     * becomes its decoded text, as the decoder's would be), one Content-Type at most, and one
     * valid Host ({@code :authority}) at most ({@link HostRules}).
     */
    static RejectReason http2(HttpRequest head, LimitsConfig limits) {
        if (head.uri().length() > limits.maxUriLength()) {
            return RejectReason.URI_TOO_LONG;
        }
        String target = TargetRules.decoded(head.method(), head.uri(), limits.maxUriLength());
        if (target == null) {
            return RejectReason.BAD_TARGET;
        }
        head.setUri(target);
        if (head.headers().getAll(HttpHeaderNames.CONTENT_TYPE).size() > 1) {
            return RejectReason.DUPLICATE_CONTENT_TYPE;
        }
        java.util.List<String> hosts = head.headers().getAll(HttpHeaderNames.HOST); // :authority, or a host field
        if (hosts.stream().distinct().count() > 1) {
            return RejectReason.DUPLICATE_HOST; // RFC 9113 §8.3.1: a host field may repeat :authority, never differ
        }
        if (hosts.size() == 1 && !HostRules.isValidHost(hosts.get(0))) {
            return RejectReason.BAD_HOST;
        }
        if (head.headers().size() > limits.maxHeaders()) {
            return RejectReason.TOO_MANY_HEADERS;
        }
        RejectReason connection = ConnectionRules.check(head.method(), head.headers());
        if (connection != null) {
            return connection;
        }
        long declared;
        try {
            declared = HttpUtil.getContentLength(head, -1L);
        } catch (NumberFormatException e) {
            return RejectReason.BAD_CONTENT_LENGTH;
        }
        return declared > limits.maxBodyBytes() ? RejectReason.BODY_TOO_LARGE : null;
    }

    /** Only {@code 100-continue}, and only from an HTTP/1.1 (or HTTP/2) client, is supported. */
    static Expectation expectation(HttpRequest head, boolean clientHttp11) {
        String expect = head.headers().get(HttpHeaderNames.EXPECT);
        if (expect == null) {
            return Expectation.NONE;
        }
        return expect.equalsIgnoreCase("100-continue") && clientHttp11 ? Expectation.CONTINUE : Expectation.UNSUPPORTED;
    }

    static boolean webSocketUpgrade(HttpRequest r) {
        return HttpMethod.GET.equals(r.method())
                && HopByHop.containsToken(r.headers(), HttpHeaderNames.UPGRADE, "websocket")
                && HopByHop.containsToken(r.headers(), HttpHeaderNames.CONNECTION, "upgrade");
    }
}
