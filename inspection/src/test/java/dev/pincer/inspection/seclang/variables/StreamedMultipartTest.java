package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The multipart processor fed piece by piece as the body streams past gives exactly what it gives
 * for the whole body at once (every vector of {@code multipart-vectors.txt}, cut into pieces of
 * many sizes), keeps no file content, and stops at its non-file limit.
 */
class StreamedMultipartTest {
    private static final String CT = "multipart/form-data; boundary=b";
    private static final int[] PIECES = {1, 2, 3, 7, 64, 4095, 4096, 4097, Integer.MAX_VALUE};

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pincer.inspection.seclang.variables.MultipartArgumentsTest#vectors")
    void streamedInPiecesItParsesAsTheWholeBody(MultipartArgumentsTest.Vector v) {
        MultipartArgumentsTest.Recorder whole = new MultipartArgumentsTest.Recorder();
        String wholeError = MultipartArguments.parse(v.body(), v.contentType(), whole);
        byte[] body = v.body().getBytes(StandardCharsets.ISO_8859_1);
        for (int piece : PIECES) {
            StreamedMultipart s = new StreamedMultipart(v.contentType(), Long.MAX_VALUE);
            for (int at = 0; at < body.length; at += piece) {
                s.write(body, at, Math.min(piece, body.length - at));
            }
            MultipartArgumentsTest.Recorder r = new MultipartArgumentsTest.Recorder();
            String error = s.finish(r);
            r.assertZerosFirst();
            assertEquals(wholeError, error, "pieces of " + piece);
            assertEquals(whole.flags, r.flags, "pieces of " + piece);
            assertEquals(whole.events, r.events, "pieces of " + piece);
            assertEquals(body.length, s.length());
            assertFalse(s.overflowed());
        }
    }

    private static byte[] upload(String field, int fileSize) {
        String head = "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + field + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
        String tail = "\r\n--b--\r\n";
        byte[] out = new byte[head.length() + fileSize + tail.length()];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, out, 0, head.length());
        byte[] file = new byte[fileSize];
        Arrays.fill(file, (byte) 'x');
        for (int i = 0; i < fileSize; i += 100) {
            file[i] = '\n'; // many short lines: the line machine's common case in binary data
        }
        System.arraycopy(file, 0, out, head.length(), fileSize);
        System.arraycopy(tail.getBytes(StandardCharsets.ISO_8859_1), 0, out, head.length() + fileSize, tail.length());
        return out;
    }

    private static StreamedMultipart stream(byte[] body, long limit) {
        StreamedMultipart s = new StreamedMultipart(CT, limit);
        for (int at = 0; at < body.length; at += 16384) {
            s.write(body, at, Math.min(16384, body.length - at));
        }
        return s;
    }

    @Test
    void aTwoMebibyteFileCountsItsSizeAndNoneOfTheNonFileLimit() {
        byte[] body = upload("hello", 2 << 20);
        StreamedMultipart s = stream(body, 1024);
        assertFalse(s.overflowed());
        assertEquals(body.length - (2 << 20), s.nonFileBytes());
        MultipartArgumentsTest.Recorder r = new MultipartArgumentsTest.Recorder();
        assertNull(s.finish(r));
        assertTrue(r.events.contains("field note | hello"), r.events.toString());
        assertTrue(r.events.contains("file f | photo.jpg | " + (2 << 20) + " | image/jpeg"), r.events.toString());
    }

    /** The non-file limit is exact: a body whose non-file bytes are the limit passes, one more overflows. */
    @Test
    void theNonFileLimitAndOneByteMore() {
        byte[] body = upload("v", 300_000);
        long nonFile = body.length - 300_000;
        assertFalse(stream(body, nonFile).overflowed());
        assertTrue(stream(body, nonFile - 1).overflowed());
        byte[] longer = upload("vv", 300_000);
        assertTrue(stream(longer, nonFile).overflowed(), "one more byte of field value");
    }

    @Test
    void aFieldPastTheLimitStopsTheParse() {
        byte[] body = upload("a".repeat(200_000), 10);
        StreamedMultipart s = stream(body, 128 * 1024);
        assertTrue(s.overflowed());
        MultipartArgumentsTest.Recorder r = new MultipartArgumentsTest.Recorder();
        s.finish(r);
        assertTrue(r.events.stream().noneMatch(e -> e.startsWith("field note")), "the cut field is never reported");
    }

    @Test
    void dataAfterTheFinalBoundaryInALaterPieceIsFlagged() {
        byte[] a = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b--\r\n".getBytes(StandardCharsets.ISO_8859_1);
        StreamedMultipart s = new StreamedMultipart(CT, 1 << 20);
        s.write(a, 0, a.length);
        s.write(new byte[] {'z'}, 0, 1);
        MultipartArgumentsTest.Recorder r = new MultipartArgumentsTest.Recorder();
        s.finish(r);
        assertEquals("1", r.flags.get("MULTIPART_DATA_AFTER"));
    }

    @Test
    void noBoundaryIsTheProcessorsError() {
        StreamedMultipart s = new StreamedMultipart("multipart/form-data", 1 << 20);
        s.write(new byte[] {'a'}, 0, 1);
        String error = s.finish(new MultipartArgumentsTest.Recorder());
        assertEquals(MultipartArguments.parse("a", "multipart/form-data", new MultipartArgumentsTest.Recorder()), error);
    }
}
