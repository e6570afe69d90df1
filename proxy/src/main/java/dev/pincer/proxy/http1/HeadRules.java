package dev.pincer.proxy.http1;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * Rules on a whole header section, applied once its empty line is read, and the building of the
 * request from it.
 * <ul>
 *   <li>Host (RFC 9112 §3.2): required in HTTP/1.1, at most one, a valid {@link HostRules} value.</li>
 *   <li>Message body length (RFC 9112 §6.1-6.3): Content-Length and Transfer-Encoding together are
 *       refused (not "TE wins"); Transfer-Encoding only in HTTP/1.1 and only as the single coding
 *       {@code chunked}; every Content-Length value and list element 1..18 DIGIT and all equal
 *       (RFC 9110 §8.6), then merged into one field; neither means no body.</li>
 * </ul>
 */
final class HeadRules {

    /** {@link #bodyLength} of a chunked request. */
    static final long CHUNKED = -1;

    private static final int MAX_CONTENT_LENGTH_DIGITS = 18;
    private static final DefaultHttpHeadersFactory UNVALIDATED =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private HeadRules() {
    }

    /** Checks Host; returns the body length, or {@link #CHUNKED}. Throws RejectException. */
    static long bodyLength(HttpVersion version, List<FieldLine> fields, long maxBodyBytes) {
        checkHost(version, fields);
        checkContentType(fields);
        int contentLengths = 0;
        int transferEncodings = 0;
        FieldLine transferEncoding = null;
        for (FieldLine field : fields) {
            if (field.is(HttpHeaderNames.CONTENT_LENGTH)) {
                contentLengths++;
            } else if (field.is(HttpHeaderNames.TRANSFER_ENCODING)) {
                transferEncodings++;
                transferEncoding = field;
            }
        }
        if (transferEncoding != null) {
            checkTransferEncoding(version, contentLengths > 0, transferEncodings, transferEncoding);
            return CHUNKED;
        }
        long contentLength = -1;
        for (FieldLine field : fields) {
            if (field.is(HttpHeaderNames.CONTENT_LENGTH)) {
                contentLength = contentLength(field, contentLength);
            }
        }
        if (contentLength > maxBodyBytes) {
            throw new RejectException(RejectReason.BODY_TOO_LARGE,
                    "Content-Length " + contentLength + " > " + maxBodyBytes);
        }
        return Math.max(contentLength, 0);
    }

    /** The request, with fields in received order and duplicate Content-Length merged into the first. */
    static HttpRequest build(RequestLine line, List<FieldLine> fields, long bodyLength) {
        HttpHeaders headers = UNVALIDATED.newHeaders();
        boolean contentLengthAdded = false;
        for (FieldLine field : fields) {
            if (!field.is(HttpHeaderNames.CONTENT_LENGTH)) {
                headers.add(field.name(), field.value());
            } else if (!contentLengthAdded) {
                headers.add(field.name(), Long.toString(bodyLength));
                contentLengthAdded = true;
            }
        }
        return new DefaultHttpRequest(line.version(), line.method(), line.target(), headers);
    }

    /**
     * Content-Type is a singleton (RFC 9110 §8.3, not list-based): two fields leave the body's
     * type to whoever reads which one (Apache joins them, Tomcat takes the first, others the
     * last), so the edge's body parser and the app's could read the same bytes as JSON and as XML.
     * Refused with 400, never forwarded.
     */
    private static void checkContentType(List<FieldLine> fields) {
        boolean seen = false;
        for (FieldLine field : fields) {
            if (field.is(HttpHeaderNames.CONTENT_TYPE)) {
                if (seen) {
                    throw new RejectException(RejectReason.DUPLICATE_CONTENT_TYPE, "more than one Content-Type field");
                }
                seen = true;
            }
        }
    }

    private static void checkHost(HttpVersion version, List<FieldLine> fields) {
        FieldLine host = null;
        for (FieldLine field : fields) {
            if (field.is(HttpHeaderNames.HOST)) {
                if (host != null) {
                    throw new RejectException(RejectReason.DUPLICATE_HOST, "more than one Host field");
                }
                host = field;
            }
        }
        if (host == null) {
            if (version == HttpVersion.HTTP_1_1) {
                throw new RejectException(RejectReason.MISSING_HOST, "HTTP/1.1 request without Host");
            }
            return;
        }
        if (!HostRules.isValid(host.value(), 0, host.value().length(), false)) {
            throw new RejectException(RejectReason.BAD_HOST, "Host: " + HttpChars.escape(host.value()));
        }
    }

    /** Parses one Content-Length field value; {@code previous} is -1 or the value seen before. */
    private static long contentLength(FieldLine field, long previous) {
        CharSequence value = field.value();
        int start = 0;
        long result = previous;
        while (true) {
            int comma = indexOf(value, ',', start);
            int end = comma < 0 ? value.length() : comma;
            long element = digits(value, trimStart(value, start, end), trimEnd(value, start, end));
            if (element < 0 || (result >= 0 && element != result)) {
                throw new RejectException(RejectReason.BAD_CONTENT_LENGTH,
                        "Content-Length: " + HttpChars.escape(value));
            }
            result = element;
            if (comma < 0) {
                return result;
            }
            start = comma + 1;
        }
    }

    private static void checkTransferEncoding(HttpVersion version, boolean hasContentLength, int count, FieldLine te) {
        if (hasContentLength) {
            throw new RejectException(RejectReason.CONTENT_LENGTH_AND_TRANSFER_ENCODING,
                    "both Content-Length and Transfer-Encoding");
        }
        if (version != HttpVersion.HTTP_1_1) {
            throw new RejectException(RejectReason.BAD_TRANSFER_ENCODING, "Transfer-Encoding in HTTP/1.0");
        }
        if (count > 1) {
            throw new RejectException(RejectReason.BAD_TRANSFER_ENCODING, "more than one Transfer-Encoding field");
        }
        if (te.trailingOws() || !te.value().contentEqualsIgnoreCase(HttpHeaderValues.CHUNKED)) {
            throw new RejectException(RejectReason.BAD_TRANSFER_ENCODING,
                    "Transfer-Encoding is not exactly chunked: " + HttpChars.escape(te.value()));
        }
    }

    /** Value of 1..18 DIGIT in {@code s[start, end)}, or -1. */
    private static long digits(CharSequence s, int start, int end) {
        if (end <= start || end - start > MAX_CONTENT_LENGTH_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!HttpChars.isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int trimStart(CharSequence s, int start, int end) {
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        return start;
    }

    private static int trimEnd(CharSequence s, int start, int end) {
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
