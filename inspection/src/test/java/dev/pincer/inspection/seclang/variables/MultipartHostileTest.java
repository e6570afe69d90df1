package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Hostile multipart bodies: limits (parts, header line length) and inputs that would take
 * quadratic time or unbounded memory in a naive parser (folded headers, dash storms, lines that
 * never end). Each test checks the outcome, not a timing; a regression to quadratic time shows as
 * a test that does not finish.
 */
class MultipartHostileTest {
    private static final String CT = "multipart/form-data; boundary=b";
    private static final String CD = "Content-Disposition: form-data; name=\"a\"\r\n";

    private static MultipartArgumentsTest.Recorder parse(String body, String ct, String expectedError) {
        MultipartArgumentsTest.Recorder r = new MultipartArgumentsTest.Recorder();
        String error = MultipartArguments.parse(body, ct, r);
        assertEquals(expectedError, error);
        r.assertZerosFirst();
        return r;
    }

    /** Guards the part bound: v3 limits files only when it writes them to disk; we never keep more than 1000. */
    @Test
    void moreThanAThousandPartsAreCutAndFlagged() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            b.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        b.append("--b--\r\n");
        MultipartArgumentsTest.Recorder r = parse(b.toString(), CT,
                "Multipart parsing error: Multipart: Too many parts (limit 1000).");
        assertEquals(1000, r.events.stream().filter(e -> e.startsWith("field ")).count());
        assertEquals("1", r.flags.get("MULTIPART_FILE_LIMIT_EXCEEDED"));
        assertEquals("1", r.flags.get("MULTIPART_STRICT_ERROR"));
    }

    @Test
    void exactlyAThousandPartsAreFine() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            b.append("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n");
        }
        b.append("--b--\r\n");
        MultipartArgumentsTest.Recorder r = parse(b.toString(), CT, null);
        assertEquals("0", r.flags.get("MULTIPART_FILE_LIMIT_EXCEEDED"));
    }

    /** v3: a part header line must fit its 4096-byte buffer with its line end (CRLF included). */
    @Test
    void partHeaderLinesUpTo4095BytesWithTheirLineEnd() {
        String ok = "X-Long: " + "y".repeat(4093 - 8) + "\r\n";
        assertEquals(4095, ok.length());
        parse("--b\r\n" + CD + ok + "\r\nv\r\n--b--\r\n", CT, null);
        String tooLong = "X-Long: " + "y".repeat(4094 - 8) + "\r\n";
        MultipartArgumentsTest.Recorder r = parse("--b\r\n" + CD + tooLong + "\r\nv\r\n--b--\r\n", CT,
                "Multipart parsing error: Multipart: Final boundary missing.");
        assertEquals("1", r.flags.get("MULTIPART_STRICT_ERROR"));
    }

    @Test
    void aMegabyteValueWithoutLineEndIsKeptWhole() {
        String value = "x".repeat(1 << 20);
        MultipartArgumentsTest.Recorder r = parse("--b\r\n" + CD + "\r\n" + value + "\r\n--b--\r\n", CT, null);
        assertTrue(r.events.contains("field a | " + value));
    }

    @Test
    void aMegabyteFileIsCountedNotKept() {
        String data = ("0123456789abcdef".repeat(64) + "\r\n").repeat(1000);
        String body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n\r\n" + data + "\r\n--b--\r\n";
        MultipartArgumentsTest.Recorder r = parse(body, CT, null);
        assertTrue(r.events.contains("file f | x.bin | " + (data.length()) + " | "));
    }

    @Test
    void aQuarterMillionFoldedLinesStayLinear() {
        String folds = " x\r\n".repeat(250_000);
        MultipartArgumentsTest.Recorder r = parse("--b\r\n" + CD + "X-Fold: a\r\n" + folds + "\r\nv\r\n--b--\r\n", CT,
                "Multipart parsing error: Multipart: Part header too long.");
        assertEquals("1", r.flags.get("MULTIPART_HEADER_FOLDING"));
        // The header line recorded is the one before the value outgrew the limit.
        String line = r.events.stream().filter(e -> e.startsWith("header a | X-Fold")).findFirst().orElseThrow();
        assertTrue(line.length() < 4200, "recorded line stays bounded: " + line.length());
        assertTrue(r.events.contains("field a | v"));
    }

    @Test
    void aDashStormWithALongBoundaryStaysLinear() {
        String boundary = "-".repeat(60) + "x";
        String storm = ("-".repeat(4000) + "\r\n").repeat(250);
        String body = "--" + boundary + "\r\n" + CD + "\r\n" + storm + "--" + boundary + "--\r\n";
        MultipartArgumentsTest.Recorder r = parse(body, "multipart/form-data; boundary=" + boundary, null);
        assertEquals("2", r.flags.get("MULTIPART_UNMATCHED_BOUNDARY"));
    }

    @Test
    void aHundredThousandBoundaryLines() {
        String body = "--b\r\n".repeat(100_000) + "--b--\r\n";
        // Every boundary after the first comes where data should begin: v3 reads it as a header
        // line, so even the final one, and then misses the final boundary.
        MultipartArgumentsTest.Recorder r = parse(body, CT,
                "Multipart parsing error: Multipart: Final boundary missing.");
        assertEquals("1", r.flags.get("MULTIPART_INVALID_PART"));
    }

    @Test
    void everythingUnterminated() {
        parse("--b\r\nContent-Disposition: form-data; name=\"a", CT,
                "Multipart parsing error: Multipart: Final boundary missing.");
        parse("--b", CT, "Multipart parsing error: Multipart: No boundaries found in payload.");
        parse("--b\r\n" + CD + "\r\n", CT, "Multipart parsing error: Multipart: Final boundary missing.");
        parse("--b\r\n" + CD, CT, "Multipart parsing error: Multipart: Final boundary missing.");
    }

    @Test
    void aContentTypeOverTheLimit() {
        String ct = "multipart/form-data; boundary=" + "a".repeat(1024);
        parse("--b\r\n", ct, "Multipart parsing error: Multipart: Invalid boundary in C-T (length).");
        String boundary = "a".repeat(900);
        String body = "--" + boundary + "\r\n" + CD + "\r\nv\r\n--" + boundary + "--\r\n";
        assertTrue(parse(body, "multipart/form-data; boundary=" + boundary, null).events.contains("field a | v"));
    }

    @Test
    void nullBodyAndContentType() {
        parse(null, CT, null);
        parse("--b\r\n", null, "Multipart parsing error: Multipart: Content-Type header not available.");
    }
}
