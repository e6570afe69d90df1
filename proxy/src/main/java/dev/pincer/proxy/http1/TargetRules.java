package dev.pincer.proxy.http1;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.CharsetUtil;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 9112 §3.2: the four forms of request-target, each only where it belongs.
 * <ul>
 *   <li>origin-form (§3.2.1): starts with {@code /};</li>
 *   <li>absolute-form (§3.2.2): {@code http://} or {@code https://} (scheme case-insensitive) and a
 *       non-empty authority that is a valid host[:port] without userinfo (RFC 9110 §4.2.4);</li>
 *   <li>authority-form (§3.2.3): {@code host:port}, only and always with CONNECT;</li>
 *   <li>asterisk-form (§3.2.4): {@code *}, only with OPTIONS.</li>
 * </ul>
 * Bytes are visible ASCII without {@code #}, or well-formed UTF-8: browsers percent-encode, but
 * other clients send raw UTF-8 (nginx, Apache httpd and Tomcat accept it), and the app reads those
 * bytes as UTF-8 too. Anything else above 0x7F (Latin-1, overlong or truncated sequences) is
 * rejected, so that the proxy, its rules and the app cannot read the same bytes differently. The
 * target is forwarded as the same UTF-8 bytes. No percent-decoding or normalisation happens here.
 */
public final class TargetRules {

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
        String target = decode(buf, start, length);
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

    /**
     * For a head that did not come through the HTTP/1 decoder (HTTP/2's {@code :path}, whose
     * bytes arrive one char per byte): the target's text as the decoder would give it, or null
     * where the decoder would refuse it, so that both protocols hold targets to the same rules.
     */
    public static String decoded(HttpMethod method, String bytes, int maxUriLength) {
        byte[] raw = bytes.getBytes(StandardCharsets.ISO_8859_1);
        if (raw.length == 0 || !new String(raw, StandardCharsets.ISO_8859_1).equals(bytes)) {
            return null; // empty, or chars above 0xFF: not bytes
        }
        try {
            return check(method, io.netty.buffer.Unpooled.wrappedBuffer(raw), 0, raw.length, maxUriLength);
        } catch (RejectException e) {
            return null;
        }
    }

    /** The target's text: ASCII as it is, UTF-8 decoded strictly. */
    private static String decode(ByteBuf buf, int start, int length) {
        if (buf.forEachByte(start, length, b -> b >= 0) < 0) {
            return buf.toString(start, length, CharsetUtil.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buf.nioBuffer(start, length)).toString();
        } catch (CharacterCodingException e) {
            throw reject("request-target bytes above 0x7F that are not UTF-8", buf, start, length);
        }
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
