package dev.pincer.proxy.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Strict HTTP/1.1 request decoder (RFC 9112) for the client side of the proxy: first handler after
 * TLS, {@code [SslHandler] -> StrictHttpRequestDecoder -> HeadTimeoutHandler -> frontend handler}.
 *
 * <p>Ownership: the ByteBufs it receives are cumulated and released by {@link ByteToMessageDecoder};
 * each {@code HttpContent} it emits holds a retained slice of them, released by whoever reads it.
 *
 * <p>Per request it emits an {@code HttpRequest} (only once the whole head is read and valid), then
 * the body as {@code HttpContent}s of the bytes as they arrive, never accumulated, then one
 * {@code LastHttpContent} that carries no data (trailer fields only). On any violation it emits an
 * {@link HttpRejection} instead, after whatever body content was already emitted, and discards all
 * later input: an ambiguous request is never forwarded. It fires {@link #HEAD_STARTED} when the
 * first byte of a request (or of the empty lines before it) arrives.
 *
 * <p>The grammar lives in small rule classes: {@link LineReader} (§2.2 line endings),
 * {@link RequestLineParser} and {@link TargetRules} (§3), {@link FieldLineParser} (§5),
 * {@link HeadRules} (§3.2 Host, §6 message body length), {@link ConnectionRules} (RFC 9110 §7.6.1),
 * {@link ChunkSizeParser} (§7.1).
 * This class holds the state machine and the limits.
 */
public final class StrictHttpRequestDecoder extends ByteToMessageDecoder {

    /** User event fired when the first byte of a new request head is read. */
    public static final Object HEAD_STARTED = new Object() {
        @Override
        public String toString() {
            return "HEAD_STARTED";
        }
    };

    /** RFC 9112 §2.2: empty lines ignored before a request-line. */
    static final int MAX_EMPTY_LINES = 4;
    /** Request line bytes beyond maxUriLength allowed for method, version and SPs. */
    static final int REQUEST_LINE_SLACK = 64;

    private static final DefaultHttpHeadersFactory TRAILERS =
            DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

    private enum State { REQUEST_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_CRLF, TRAILERS, REJECTED }

    private final Http1Limits limits;
    private final LineReader lines = new LineReader();

    // Per request; reset() clears all of it.
    private State state = State.REQUEST_LINE;
    private boolean headStarted;
    private int emptyLines;
    private RequestLine requestLine;
    private List<FieldLine> fields;
    private int fieldCount;
    private int fieldBytes;
    private long remaining;
    private long bodyBytes;

    public StrictHttpRequestDecoder(Http1Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            // One message group per call: ByteToMessageDecoder fires `out` before calling again,
            // which keeps HEAD_STARTED behind the previous request's messages.
            while (in.isReadable() && out.isEmpty() && !ctx.isRemoved()) {
                if (!step(ctx, in, out)) {
                    return;
                }
            }
        } catch (RejectException e) {
            reject(in, out, e.toRejection());
        }
    }

    /** Does one unit of work; false when it needs more bytes. */
    private boolean step(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case REQUEST_LINE:
                return readRequestLine(ctx, in);
            case HEADERS:
                return readHeaderLine(in, out);
            case FIXED_BODY:
            case CHUNK_DATA:
                return readBody(in, out);
            case CHUNK_SIZE:
                return readChunkSize(in);
            case CHUNK_DATA_CRLF:
                return readChunkDataCrlf(in);
            case TRAILERS:
                return readTrailerLine(in, out);
            default:
                in.skipBytes(in.readableBytes());
                return false;
        }
    }

    /** RFC 9112 §3, and §2.2 for the empty lines before it. */
    private boolean readRequestLine(ChannelHandlerContext ctx, ByteBuf in) {
        if (!headStarted) {
            headStarted = true;
            ctx.fireUserEventTriggered(HEAD_STARTED);
        }
        int length = lines.next(in, limits.maxUriLength() + REQUEST_LINE_SLACK);
        if (length < 0) {
            return lineError(length, RejectReason.URI_TOO_LONG, "request line too long");
        }
        if (length == 0) {
            in.skipBytes(2);
            if (++emptyLines > MAX_EMPTY_LINES) {
                throw new RejectException(RejectReason.BAD_REQUEST_LINE, "more than 4 empty lines before request");
            }
            return true;
        }
        requestLine = RequestLineParser.parse(in, in.readerIndex(), length, limits.maxUriLength());
        in.skipBytes(length + 2);
        fields = new ArrayList<>();
        state = State.HEADERS;
        return true;
    }

    /** RFC 9112 §5, then §3.2 and §6 once the section ends. */
    private boolean readHeaderLine(ByteBuf in, List<Object> out) {
        FieldLine field = readField(in);
        if (field == NEED_MORE) {
            return false;
        }
        if (field != null) {
            fields.add(field);
            return true;
        }
        long bodyLength = HeadRules.bodyLength(requestLine.version(), fields, limits.maxBodyBytes());
        ConnectionRules.check(requestLine.method(), fields);
        out.add(HeadRules.build(requestLine, fields, bodyLength));
        fields = null;
        if (bodyLength == HeadRules.CHUNKED) {
            state = State.CHUNK_SIZE;
        } else if (bodyLength == 0) {
            endRequest(out, LastHttpContent.EMPTY_LAST_CONTENT);
        } else {
            remaining = bodyLength;
            state = State.FIXED_BODY;
        }
        return true;
    }

    /** Content-Length body (RFC 9112 §6.2) or chunk-data (§7.1): what is there, as it is. */
    private boolean readBody(ByteBuf in, List<Object> out) {
        int n = (int) Math.min(remaining, in.readableBytes());
        out.add(new DefaultHttpContent(in.readRetainedSlice(n)));
        remaining -= n;
        if (remaining == 0) {
            if (state == State.FIXED_BODY) {
                endRequest(out, LastHttpContent.EMPTY_LAST_CONTENT);
            } else {
                state = State.CHUNK_DATA_CRLF;
            }
        }
        return true;
    }

    /** RFC 9112 §7.1: chunk-size line; the sum of sizes is held to maxBodyBytes. */
    private boolean readChunkSize(ByteBuf in) {
        int length = lines.next(in, ChunkSizeParser.MAX_LINE);
        if (length < 0) {
            return lineError(length, RejectReason.BAD_CHUNK, "chunk-size line too long");
        }
        long size = ChunkSizeParser.parse(in, in.readerIndex(), length);
        in.skipBytes(length + 2);
        if (size > limits.maxBodyBytes() - bodyBytes) {
            throw new RejectException(RejectReason.BODY_TOO_LARGE,
                    "chunked body over " + limits.maxBodyBytes() + " bytes");
        }
        bodyBytes += size;
        if (size == 0) {
            fields = new ArrayList<>();
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
        return true;
    }

    /** RFC 9112 §7.1: chunk-data is followed by exactly CRLF. */
    private boolean readChunkDataCrlf(ByteBuf in) {
        int r = in.readerIndex();
        if (in.getByte(r) != HttpChars.CR || (in.readableBytes() > 1 && in.getByte(r + 1) != HttpChars.LF)) {
            throw new RejectException(RejectReason.BAD_CHUNK,
                    "chunk-data not followed by CRLF: " + HttpChars.escape(in, r, Math.min(2, in.readableBytes())));
        }
        if (in.readableBytes() < 2) {
            return false;
        }
        in.skipBytes(2);
        state = State.CHUNK_SIZE;
        return true;
    }

    /** RFC 9112 §7.1.2: trailer section, field lines as in §5; framing and Host fields refused. */
    private boolean readTrailerLine(ByteBuf in, List<Object> out) {
        FieldLine field = readField(in);
        if (field == NEED_MORE) {
            return false;
        }
        if (field != null) {
            if (field.is(HttpHeaderNames.CONTENT_LENGTH) || field.is(HttpHeaderNames.TRANSFER_ENCODING)
                    || field.is(HttpHeaderNames.HOST)) {
                throw new RejectException(RejectReason.BAD_CHUNK,
                        "forbidden trailer field: " + HttpChars.escape(field.name()));
            }
            fields.add(field);
            return true;
        }
        if (fields.isEmpty()) {
            endRequest(out, LastHttpContent.EMPTY_LAST_CONTENT);
            return true;
        }
        HttpHeaders trailers = TRAILERS.newHeaders();
        for (FieldLine trailer : fields) {
            trailers.add(trailer.name(), trailer.value());
        }
        endRequest(out, new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER, trailers));
        return true;
    }

    /** Marker returned by {@link #readField} when the line is not complete yet. */
    private static final FieldLine NEED_MORE = new FieldLine(null, null, false);

    /**
     * Reads one field line against the request's field budget (maxHeaders, maxHeaderBytes).
     * Returns the field, {@code null} at the empty line ending the section, or {@link #NEED_MORE}.
     */
    private FieldLine readField(ByteBuf in) {
        int budget = limits.maxHeaderBytes() - fieldBytes;
        int length = lines.next(in, budget);
        if (length < 0) {
            lineError(length, RejectReason.HEADERS_TOO_LARGE, "field section over " + limits.maxHeaderBytes() + " bytes");
            return NEED_MORE;
        }
        if (length == 0) {
            in.skipBytes(2);
            return null;
        }
        if (length + 2 > budget) {
            throw new RejectException(RejectReason.HEADERS_TOO_LARGE,
                    "field section over " + limits.maxHeaderBytes() + " bytes");
        }
        if (fieldCount == limits.maxHeaders()) {
            throw new RejectException(RejectReason.TOO_MANY_HEADERS, "more than " + limits.maxHeaders() + " fields");
        }
        FieldLine field = FieldLineParser.parse(in, in.readerIndex(), length);
        in.skipBytes(length + 2);
        fieldCount++;
        fieldBytes += length + 2;
        return field;
    }

    /** Maps a negative {@link LineReader} code: false for NEED_MORE, else throws. */
    private static boolean lineError(int code, RejectReason tooLong, String tooLongDetail) {
        boolean chunkLine = tooLong == RejectReason.BAD_CHUNK;
        switch (code) {
            case LineReader.NEED_MORE:
                return false;
            case LineReader.BARE_CR:
                throw new RejectException(chunkLine ? RejectReason.BAD_CHUNK : RejectReason.BARE_CR, "CR not followed by LF");
            case LineReader.BARE_LF:
                throw new RejectException(chunkLine ? RejectReason.BAD_CHUNK : RejectReason.BARE_LF, "LF without CR");
            default:
                throw new RejectException(tooLong, tooLongDetail);
        }
    }

    private void endRequest(List<Object> out, LastHttpContent last) {
        out.add(last);
        reset();
    }

    private void reject(ByteBuf in, List<Object> out, HttpRejection rejection) {
        out.add(rejection);
        reset();
        state = State.REJECTED;
        in.skipBytes(in.readableBytes());
    }

    private void reset() {
        state = State.REQUEST_LINE;
        headStarted = false;
        emptyLines = 0;
        requestLine = null;
        fields = null;
        fieldCount = 0;
        fieldBytes = 0;
        remaining = 0;
        bodyBytes = 0;
        lines.reset();
    }
}
