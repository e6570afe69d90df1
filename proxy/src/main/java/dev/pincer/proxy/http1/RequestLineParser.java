package dev.pincer.proxy.http1;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * RFC 9112 §3: {@code request-line = method SP request-target SP HTTP-version}, with exactly one
 * SP between the parts (the "MAY parse on whitespace" leniency of §3 is not taken). The version
 * is checked first, so an HTTP/2 preface gets a 505, then the method (RFC 9110 §9.1, a token of
 * at most 32 bytes), then the target ({@link TargetRules}).
 */
final class RequestLineParser {

    static final int MAX_METHOD_LENGTH = 32;

    private RequestLineParser() {
    }

    /** Parses the {@code length} bytes at {@code start} (CRLF excluded); throws RejectException. */
    static RequestLine parse(ByteBuf buf, int start, int length, int maxUriLength) {
        int end = start + length;
        int sp1 = buf.indexOf(start, end, HttpChars.SP);
        int sp2 = sp1 < 0 ? -1 : buf.indexOf(sp1 + 1, end, HttpChars.SP);
        if (sp2 < 0 || buf.indexOf(sp2 + 1, end, HttpChars.SP) >= 0
                || sp1 == start || sp2 == sp1 + 1 || sp2 == end - 1) {
            throw reject(RejectReason.BAD_REQUEST_LINE, "not 'method SP target SP version'", buf, start, length);
        }
        HttpVersion version = version(buf, sp2 + 1, end - sp2 - 1);
        HttpMethod method = method(buf, start, sp1 - start);
        String target = TargetRules.check(method, buf, sp1 + 1, sp2 - sp1 - 1, maxUriLength);
        return new RequestLine(method, target, version);
    }

    /** RFC 9112 §2.3: {@code HTTP-version = "HTTP/" DIGIT "." DIGIT}, case-sensitive. */
    private static HttpVersion version(ByteBuf buf, int start, int length) {
        boolean shaped = length == 8
                && buf.getByte(start) == 'H' && buf.getByte(start + 1) == 'T'
                && buf.getByte(start + 2) == 'T' && buf.getByte(start + 3) == 'P'
                && buf.getByte(start + 4) == '/' && HttpChars.isDigit(buf.getByte(start + 5))
                && buf.getByte(start + 6) == '.' && HttpChars.isDigit(buf.getByte(start + 7));
        if (!shaped) {
            throw reject(RejectReason.BAD_REQUEST_LINE, "malformed HTTP-version", buf, start, length);
        }
        if (buf.getByte(start + 5) == '1' && buf.getByte(start + 7) == '1') {
            return HttpVersion.HTTP_1_1;
        }
        if (buf.getByte(start + 5) == '1' && buf.getByte(start + 7) == '0') {
            return HttpVersion.HTTP_1_0;
        }
        throw reject(RejectReason.BAD_VERSION, "unsupported version", buf, start, length);
    }

    private static HttpMethod method(ByteBuf buf, int start, int length) {
        if (length > MAX_METHOD_LENGTH || buf.forEachByte(start, length, HttpChars.FIND_NON_TCHAR) >= 0) {
            throw reject(RejectReason.BAD_METHOD, "method is not a token of 1..32 tchar", buf, start, length);
        }
        return HttpMethod.valueOf(buf.toString(start, length, io.netty.util.CharsetUtil.US_ASCII));
    }

    private static RejectException reject(RejectReason reason, String what, ByteBuf buf, int start, int length) {
        return new RejectException(reason, what + ": " + HttpChars.escape(buf, start, length));
    }
}
