package dev.pincer.proxy.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Response bodies decoded as they stream: every coding the XSS check reads, split at every byte
 * boundary, gives the document back; what it cannot read is {@link ResponseText#failed()}.
 */
class ResponseTextTest {
    private static final String PAGE = "<p>Grüße, O'Brien &lt;b&gt; € \ud83d\ude00</p>";

    @ParameterizedTest
    @ValueSource(strings = {"identity", "gzip", "zlib", "raw"})
    void everySplitOfEveryCodingGivesTheDocumentBack(String coding) {
        byte[] body = encode(coding, PAGE.getBytes(StandardCharsets.UTF_8));
        for (int cut = 0; cut <= body.length; cut++) {
            ResponseText t = new ResponseText(coding(coding), StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            feed(t, out, slice(body, 0, cut), slice(body, cut, body.length));
            assertFalse(t.failed(), coding + " cut at " + cut);
            assertEquals(PAGE, out.toString(), coding + " cut at " + cut);
            t.close();
        }
    }

    @Test
    void theDeclaredCharsetIsUsed() {
        ResponseText t = new ResponseText(ResponseTypes.Coding.IDENTITY, Charset.forName("ISO-8859-1"));
        StringBuilder out = new StringBuilder();
        feed(t, out, new byte[] {'<', 'p', '>', (byte) 0xe9});
        assertEquals("<p>é", out.toString());
    }

    @Test
    void aGzipHeaderWithNameAndCommentIsSkipped() throws IOException {
        byte[] deflated = encode("raw", PAGE.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {0x1f, (byte) 0x8b, 8, 8 | 16, 0, 0, 0, 0, 0, 3});
        b.write("index.html\0a comment\0".getBytes(StandardCharsets.US_ASCII));
        b.write(deflated);
        ResponseText t = new ResponseText(ResponseTypes.Coding.GZIP, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        byte[] all = b.toByteArray();
        feed(t, out, slice(all, 0, 5), slice(all, 5, 17), slice(all, 17, all.length));
        assertEquals(PAGE, out.toString());
    }

    /** A second gzip member would be text nothing judged: not decodable. The first member alone, trailer included, is fine. */
    @Test
    void aSecondGzipMemberFails() {
        byte[] one = encode("gzip", PAGE.getBytes(StandardCharsets.UTF_8));
        ResponseText single = new ResponseText(ResponseTypes.Coding.GZIP, StandardCharsets.UTF_8);
        feed(single, new StringBuilder(), slice(one, 0, one.length - 3), slice(one, one.length - 3, one.length));
        assertFalse(single.failed());
        byte[] two = encode("gzip", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        ResponseText both = new ResponseText(ResponseTypes.Coding.GZIP, StandardCharsets.UTF_8);
        feed(both, new StringBuilder(), one, two);
        assertTrue(both.failed());
        ResponseText joined = new ResponseText(ResponseTypes.Coding.GZIP, StandardCharsets.UTF_8);
        byte[] all = new byte[one.length + two.length];
        System.arraycopy(one, 0, all, 0, one.length);
        System.arraycopy(two, 0, all, one.length, two.length);
        feed(joined, new StringBuilder(), all);
        assertTrue(joined.failed());
    }

    @Test
    void notGzipFails() {
        ResponseText t = new ResponseText(ResponseTypes.Coding.GZIP, StandardCharsets.UTF_8);
        feed(t, new StringBuilder(), "<p>plain</p>".getBytes(StandardCharsets.US_ASCII));
        assertTrue(t.failed());
    }

    @Test
    void corruptDeflateFails() {
        ResponseText t = new ResponseText(ResponseTypes.Coding.DEFLATE, StandardCharsets.UTF_8);
        feed(t, new StringBuilder(), new byte[] {0x78, (byte) 0x9c, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3});
        assertTrue(t.failed());
    }

    @Test
    void anUndecodableCodingHasFailedFromTheStart() {
        assertTrue(new ResponseText(ResponseTypes.Coding.UNDECODABLE, StandardCharsets.UTF_8).failed());
    }

    /** One content that inflates past the bound (a decompression bomb) is not decoded on: at the limit it is. */
    @Test
    void inflatingPastTheBoundFails() {
        byte[] atLimit = encode("gzip", new byte[ResponseText.MAX_INFLATE_PER_FEED - 16]);
        ResponseText ok = new ResponseText(ResponseTypes.Coding.GZIP, StandardCharsets.UTF_8);
        feed(ok, new StringBuilder(), atLimit);
        assertFalse(ok.failed());
        byte[] over = encode("gzip", new byte[ResponseText.MAX_INFLATE_PER_FEED + 1]);
        ResponseText bomb = new ResponseText(ResponseTypes.Coding.GZIP, StandardCharsets.UTF_8);
        feed(bomb, new StringBuilder(), over);
        assertTrue(bomb.failed());
    }

    @Test
    void codingsAndTypesAreReadFromTheHead() {
        assertEquals(ResponseTypes.Coding.IDENTITY, ResponseTypes.coding(List.of()));
        assertEquals(ResponseTypes.Coding.GZIP, ResponseTypes.coding(List.of("GZIP")));
        assertEquals(ResponseTypes.Coding.GZIP, ResponseTypes.coding(List.of("identity, x-gzip")));
        assertEquals(ResponseTypes.Coding.DEFLATE, ResponseTypes.coding(List.of("deflate")));
        assertEquals(ResponseTypes.Coding.UNDECODABLE, ResponseTypes.coding(List.of("br")));
        assertEquals(ResponseTypes.Coding.UNDECODABLE, ResponseTypes.coding(List.of("deflate, gzip")));
        assertEquals(ResponseTypes.Coding.UNDECODABLE, ResponseTypes.coding(List.of("gzip", "gzip")));
        assertTrue(ResponseTypes.markup(List.of("text/html; charset=utf-8")));
        assertTrue(ResponseTypes.markup(List.of("Application/XHTML+XML")));
        assertTrue(ResponseTypes.markup(List.of("image/svg+xml")));
        assertTrue(ResponseTypes.markup(List.of()));
        assertTrue(ResponseTypes.markup(List.of("application/json", "text/html")));
        assertFalse(ResponseTypes.markup(List.of("application/json")));
        assertFalse(ResponseTypes.markup(List.of("text/plain;charset=UTF-8")));
        assertEquals(StandardCharsets.ISO_8859_1, ResponseTypes.charset(List.of("text/html; charset=\"ISO-8859-1\"")));
        assertEquals(StandardCharsets.UTF_8, ResponseTypes.charset(List.of("text/html; charset=no-such-charset")));
    }

    private static ResponseTypes.Coding coding(String name) {
        return switch (name) {
            case "gzip" -> ResponseTypes.Coding.GZIP;
            case "zlib", "raw" -> ResponseTypes.Coding.DEFLATE;
            default -> ResponseTypes.Coding.IDENTITY;
        };
    }

    private static byte[] encode(String coding, byte[] plain) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            switch (coding) {
                case "gzip" -> {
                    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
                        z.write(plain);
                    }
                }
                case "zlib", "raw" -> {
                    try (DeflaterOutputStream z = new DeflaterOutputStream(b,
                            new Deflater(Deflater.DEFAULT_COMPRESSION, coding.equals("raw")))) {
                        z.write(plain);
                    }
                }
                default -> b.write(plain);
            }
            return b.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static void feed(ResponseText t, StringBuilder out, byte[]... contents) {
        for (byte[] c : contents) {
            ByteBuf buf = Unpooled.wrappedBuffer(c);
            try {
                t.feed(buf, out);
            } finally {
                buf.release();
            }
        }
    }
}
