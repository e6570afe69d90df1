package dev.pincer.proxy.http1;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.CharsetUtil;

/**
 * RFC 9112 §3.2: the four forms of request-target, each only where it belongs.
 * <ul>
 *   <li>origin-form (§3.2.1): starts with {@code /};</li>
 *   <li>absolute-form (§3.2.2): {@code http://} or {@code https://} (scheme case-insensitive) and a
 *       non-empty authority that is a valid host[:port] without userinfo (RFC 9110 §4.2.4);</li>
 *   <li>authority-form (§3.2.3): {@code host:port}, only and always with CONNECT;</li>
 *   <li>asterisk-form (§3.2.4): {@code *}, only with OPTIONS.</li>
 * </ul>
 * Bytes are visible ASCII without {@code #}; no percent-decoding or normalisation happens here.
 */
final class TargetRules {

    private TargetRules() {
    }

    static String check(HttpMethod method, ByteBuf buf, int start, int length, int maxUriLength) {
        if (length > maxUriLength) {
            throw new RejectException(RejectReason.URI_TOO_LONG,
                    "request-target of " + length + " bytes: " + HttpChars.escape(buf, start, length));
        }
        if (buf.forEachByte(start, length, HttpChars.FIND_BAD_TARGET) >= 0) {
            throw reject("byte not allowed in request-target", buf, start, length);
        }
        String target = buf.toString(start, length, CharsetUtil.US_ASCII);
        if (HttpMethod.CONNECT.equals(method)) {
            if (!HostRules.isValid(target, 0, length, true)) {
                throw reject("CONNECT needs authority-form host:port", buf, start, length);
            }
            return target;
        }
        if (target.charAt(0) == '/') {
            return target;
        }
        if (target.equals("*")) {
            if (!HttpMethod.OPTIONS.equals(method)) {
                throw reject("asterisk-form only with OPTIONS", buf, start, length);
            }
            return target;
        }
        int authority = schemeLength(target);
        if (authority < 0) {
            throw reject("not origin-form or http(s) absolute-form", buf, start, length);
        }
        int authorityEnd = authority;
        while (authorityEnd < length && target.charAt(authorityEnd) != '/' && target.charAt(authorityEnd) != '?') {
            authorityEnd++;
        }
        if (!HostRules.isValid(target, authority, authorityEnd, false)) {
            throw reject("bad authority in absolute-form", buf, start, length);
        }
        return target;
    }

    /** Length of {@code http://} or {@code https://} at the start of {@code target}, or -1. */
    private static int schemeLength(String target) {
        if (target.regionMatches(true, 0, "http://", 0, 7)) {
            return 7;
        }
        if (target.regionMatches(true, 0, "https://", 0, 8)) {
            return 8;
        }
        return -1;
    }

    private static RejectException reject(String what, ByteBuf buf, int start, int length) {
        return new RejectException(RejectReason.BAD_TARGET, what + ": " + HttpChars.escape(buf, start, length));
    }
}
