package dev.pincer.proxy.guard;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A response body as text, decoded as it streams: the content coding undone ({@code gzip} by its
 * RFC 1952 header then raw deflate; {@code deflate} as zlib, or raw deflate when the stream has
 * no zlib header, as browsers accept), then the charset decoded (malformed bytes become U+FFFD; a
 * character split between two contents is kept whole). Never retains or releases what it is fed.
 *
 * <p>Bounded: each {@link #feed} decodes one content whole, and inflates at most
 * {@link #MAX_INFLATE_PER_FEED} bytes of it; a content that would inflate to more (a decompression bomb),
 * a corrupt stream, a gzip header longer than {@link #MAX_GZIP_HEADER}, or bytes after the
 * compressed stream beyond gzip's trailer (a second member) make {@link #failed()} true, and the
 * caller treats the body as not judged.
 *
 * <p>{@link #bytes} makes one whose text is the decoded body's bytes, one char per byte (ISO-8859-1),
 * as the rule engine reads {@code RESPONSE_BODY}.
 *
 * <p>Example: the gzip of {@code <p>hi</p>} fed in two halves yields {@code "<p>"} and then
 * {@code "hi</p>"} (or any split of it).
 */
public final class ResponseText {
    /** A gzip header's optional name, comment and extra field, at most; real ones are a few dozen bytes. */
    static final int MAX_GZIP_HEADER = 4096;
    /** Inflated bytes per content, at most: a 16 KiB content of real HTML inflates to well under 1 MiB. */
    static final int MAX_INFLATE_PER_FEED = 1 << 20;

    private final ResponseTypes.Coding coding;
    private final CharsetDecoder charset;
    private Inflater inflater;
    private byte[] header;
    private int headerLength;
    private boolean memberDone;
    private long trailerBytes;
    /** CRC-32 and ISIZE after a gzip member's deflate data (RFC 1952 §2.3.1). */
    private static final int GZIP_TRAILER = 8;
    private boolean failed;
    private final byte[] window = new byte[8192];
    private ByteBuffer pending = ByteBuffer.allocate(0);

    ResponseText(ResponseTypes.Coding coding, Charset cs) {
        this.coding = coding;
        this.charset = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        if (coding == ResponseTypes.Coding.GZIP || coding == ResponseTypes.Coding.DEFLATE) {
            header = new byte[64];
        }
        if (coding == ResponseTypes.Coding.UNDECODABLE) {
            failed = true;
        }
    }

    /**
     * A decoder that undoes the content codings {@code contentEncodings} (the response's
     * {@code Content-Encoding} fields) and yields the body's bytes, one char per byte.
     */
    public static ResponseText bytes(java.util.List<String> contentEncodings) {
        return new ResponseText(ResponseTypes.coding(contentEncodings), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** True once the body could not be decoded (or would inflate past the bound): not judged. */
    public boolean failed() {
        return failed;
    }

    /** Decodes {@code content} whole and appends its text to {@code out}. */
    public void feed(ByteBuf content, StringBuilder out) {
        if (failed) {
            return;
        }
        byte[] in = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), in);
        try {
            if (coding == ResponseTypes.Coding.IDENTITY) {
                chars(in, 0, in.length, out);
            } else {
                inflate(in, out);
            }
        } catch (DataFormatException | RuntimeException e) {
            failed = true;
        }
    }

    private void inflate(byte[] in, StringBuilder out) throws DataFormatException {
        int from = 0;
        if (inflater == null) {
            int old = headerLength;
            from = start(in);
            if (inflater == null) {
                return; // the header is not complete yet
            }
            if (coding == ResponseTypes.Coding.DEFLATE && old > 0) { // the stream's first byte came in an earlier content
                byte[] joined = new byte[old + in.length];
                System.arraycopy(header, 0, joined, 0, old);
                System.arraycopy(in, 0, joined, old, in.length);
                in = joined;
            }
        }
        if (memberDone) {
            trailer(in.length - from);
            return;
        }
        inflater.setInput(in, from, in.length - from);
        int inflated = 0;
        while (!inflater.finished() && !inflater.needsInput()) {
            int n = inflater.inflate(window);
            if (n == 0 && inflater.needsDictionary()) {
                failed = true;
                return;
            }
            inflated += n;
            if (inflated > MAX_INFLATE_PER_FEED) {
                failed = true;
                return;
            }
            chars(window, 0, n, out);
        }
        memberDone = inflater.finished();
        if (memberDone) {
            trailer(inflater.getRemaining());
        }
    }

    /**
     * Bytes after the compressed stream: gzip's 8-byte trailer (CRC and size). Anything more (a
     * second gzip member, bytes after a deflate stream) is text no reading here judges, so the
     * body counts as not decodable.
     */
    private void trailer(int bytes) {
        trailerBytes += bytes;
        if (trailerBytes > GZIP_TRAILER) {
            failed = true;
        }
    }

    /** Reads the stream's header; makes the inflater once it is complete. Returns where deflate data starts in {@code in}. */
    private int start(byte[] in) {
        if (coding == ResponseTypes.Coding.DEFLATE) { // zlib or raw: the first two bytes say
            if (headerLength + in.length < 2) {
                System.arraycopy(in, 0, header, headerLength, in.length);
                headerLength += in.length;
                return in.length;
            }
            byte b0 = headerLength > 0 ? header[0] : in[0];
            byte b1 = headerLength > 1 ? header[1] : in[1 - headerLength];
            boolean zlib = (b0 & 0x0f) == 8 && (((b0 & 0xff) << 8) | (b1 & 0xff)) % 31 == 0;
            inflater = new Inflater(!zlib);
            return 0;
        }
        int take = Math.min(in.length, MAX_GZIP_HEADER - headerLength);
        if (headerLength + take > header.length) {
            header = java.util.Arrays.copyOf(header, Math.min(MAX_GZIP_HEADER, Math.max(header.length * 2,
                    headerLength + take)));
        }
        System.arraycopy(in, 0, header, headerLength, take);
        int old = headerLength;
        headerLength += take;
        int end = GzipHeader.length(header, headerLength);
        if (end == GzipHeader.BAD || end == GzipHeader.INCOMPLETE && headerLength >= MAX_GZIP_HEADER) {
            failed = true;
            return in.length;
        }
        if (end == GzipHeader.INCOMPLETE) {
            return in.length;
        }
        inflater = new Inflater(true);
        return end - old; // the deflate data starts inside this content
    }

    private void chars(byte[] b, int off, int len, StringBuilder out) {
        ByteBuffer bytes;
        if (pending.hasRemaining()) {
            bytes = ByteBuffer.allocate(pending.remaining() + len);
            bytes.put(pending).put(b, off, len).flip();
        } else {
            bytes = ByteBuffer.wrap(b, off, len);
        }
        CharBuffer chars = CharBuffer.allocate(bytes.remaining() + 4); // no charset makes more chars than bytes
        charset.decode(bytes, chars, false);
        chars.flip();
        out.append(chars);
        pending = bytes.remaining() <= 8 ? ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes.array(),
                bytes.arrayOffset() + bytes.position(), bytes.arrayOffset() + bytes.limit())) : ByteBuffer.allocate(0);
    }

    /** Frees the inflater's native memory; call once. */
    public void close() {
        if (inflater != null) {
            inflater.end();
        }
    }
}
