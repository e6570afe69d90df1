package dev.pincer.inspection.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.request.BodyPrefix;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.InputExtractor;
import dev.pincer.inspection.request.InspectionLimits;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.testing.Formats;
import dev.pincer.inspection.testing.RequestCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming body buffer: file contents of multipart bodies neither use the non-file limit nor
 * get buffered, every other byte does, and the limit is exact (limit kept, limit + 1 overflows).
 * The differential test proves that what it keeps parses into exactly the inputs of the whole body.
 */
class BodyBufferTest {
    private static final int LIMIT = 128 * 1024;
    private static final String TYPE = "multipart/form-data; boundary=XyZ";
    private static final InputExtractor EXTRACTOR = new InputExtractor(InspectionLimits.DEFAULT);

    /** A 10 MiB upload with small fields passes: a few hundred bytes are kept and nothing is cut. */
    @Test
    void largeUploadWithSmallFieldsIsComplete() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        write(b, "--XyZ\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\n1' or '1'='1\r\n");
        write(b, "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../x.php\"\r\n\r\n");
        byte[] file = new byte[10 << 20];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i % 97 == 0 ? '\n' : i % 89 == 0 ? '-' : 'a' + i % 26);
        }
        b.writeBytes(file);
        write(b, "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\nv\r\n--XyZ--\r\n");
        BodyBuffer buf = BodyBuffer.of(TYPE, LIMIT);
        assertTrue(feed(buf, b.toByteArray(), 8192));
        assertFalse(buf.overflowed());
        assertTrue(buf.kept().length < 400, "kept " + buf.kept().length);
        RequestInputs r = extract(buf.kept(), true);
        assertEquals(Set.of(), r.truncations());
        assertEquals("header:content-type \"" + TYPE + "\"\nmultipart:q \"1' or '1'='1\"\n"
                + "multipart_filename:f \"../x.php\"\nmultipart:n \"v\"", Formats.lines(r.inputs()));
    }

    /** 129 KiB of non-file field overflows a 128 KiB limit; the body is then cut (BODY). */
    @Test
    void largeFieldOverflows() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\n" + "x".repeat(129 * 1024)
                + "\r\n--XyZ--";
        BodyBuffer buf = BodyBuffer.of(TYPE, LIMIT);
        assertFalse(feed(buf, body.getBytes(StandardCharsets.UTF_8), 4096));
        assertTrue(buf.overflowed());
        assertEquals(LIMIT, buf.kept().length);
        assertTrue(extract(buf.kept(), false).truncations().contains(Truncation.BODY));
    }

    /** Exactly the limit is kept whole; one byte more overflows, for multipart and for any other body. */
    @ParameterizedTest
    @MethodSource("types")
    void limitAndLimitPlusOne(String type) {
        String head = "--XyZ\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\n";
        String tail = "\r\n--XyZ--";
        byte[] exact = (head + "x".repeat(100 - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
        BodyBuffer atLimit = BodyBuffer.of(type, 100);
        assertTrue(feed(atLimit, exact, 7));
        assertArrayEquals(exact, atLimit.kept());
        byte[] over = (head + "x".repeat(101 - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
        BodyBuffer past = BodyBuffer.of(type, 100);
        assertFalse(feed(past, over, 7));
        assertTrue(past.overflowed());
        assertArrayEquals(Arrays.copyOf(over, 100), past.kept());
    }

    /**
     * A JSON file part's content is kept to be read, outside the limit but within an allowance as
     * large: other bytes that fit the limit still fit; a document of exactly the allowance is read
     * whole; one byte more overflows, and the body is then cut (BODY) like any other.
     */
    @Test
    void aDocumentFilePartIsKeptWithinItsOwnAllowance() {
        int limit = 4096;
        String head = "--XyZ\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\n";
        String part = "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"meta\"; filename=\"blob\"\r\n"
                + "Content-Type: application/json\r\n\r\n";
        String tail = "\r\n--XyZ--";
        // the other bytes fill the limit exactly: the part's line break before the delimiter is its content
        String other = head + "v".repeat(limit - head.length() - part.length() - tail.length() + 2) + part;
        for (int content : new int[] {1024, limit, limit + 1}) {
            String json = "{\"name\":\"" + "x".repeat(content - 2 - 11) + "\"}"; // + "\r\n" = content bytes
            BodyBuffer buf = BodyBuffer.of(TYPE, limit);
            boolean fits = feed(buf, (other + json + tail).getBytes(StandardCharsets.UTF_8), 4096);
            assertEquals(content <= limit, fits, "document of " + content);
            assertEquals(content > limit, buf.overflowed(), "document of " + content);
            RequestInputs r = extract(buf.kept(), fits);
            if (fits) {
                assertEquals(limit + content, buf.kept().length);
                assertEquals(Set.of(), r.truncations(), "document of " + content);
                assertEquals(null, r.bodyMalformed());
                assertTrue(Formats.lines(r.inputs()).contains("json:meta.name \"xxx"), Formats.lines(r.inputs()));
            } else {
                assertTrue(r.truncations().contains(Truncation.BODY), "document of " + content);
            }
        }
    }

    static Stream<String> types() {
        return Stream.of(TYPE, "application/json", "multipart/form-data");
    }

    static Stream<RequestCase> multipartCases() throws IOException {
        return RequestCase.load("/extraction/multipart.txt").stream()
                .filter(c -> c.body() != null && c.body().complete());
    }

    /**
     * Differential: for every multipart vector, fed in pieces of every size from 1 to 9, the kept
     * bytes give exactly the inputs (and malformed reason) of the whole body.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("multipartCases")
    void keptBytesParseAsTheWholeBody(RequestCase c) {
        RequestInputs whole = new InputExtractor(c.limits()).extract(c.head(), c.body());
        String type = c.head().headers().stream().filter(h -> h.name().equalsIgnoreCase("content-type"))
                .map(HeaderField::value).findFirst().orElse(null);
        for (int piece = 1; piece <= 9; piece++) {
            BodyBuffer buf = BodyBuffer.of(type, LIMIT);
            feed(buf, c.body().bytes(), piece);
            RequestInputs kept = new InputExtractor(c.limits()).extract(c.head(), new BodyPrefix(buf.kept(), true));
            assertEquals(Formats.lines(whole.inputs()), Formats.lines(kept.inputs()), "piece " + piece);
            assertEquals(whole.bodyMalformed(), kept.bodyMalformed(), "piece " + piece);
            assertEquals(whole.truncations(), kept.truncations(), "piece " + piece);
        }
    }

    /**
     * Differential fuzz: mutated multipart bodies (bytes changed, cut, CR/LF and dashes added), fed
     * in random pieces: the kept bytes give exactly the parsed inputs of the whole body, and are
     * malformed exactly when it is. Longer runs: {@code -Dfuzz.seed=... -Dfuzz.iterations=...}.
     */
    @Test
    void keptBytesParseAsTheWholeBodyUnderMutation() throws IOException {
        java.util.Random r = new java.util.Random(Long.getLong("fuzz.seed", 7L));
        List<RequestCase> seeds = multipartCases().toList();
        byte[] alphabet = "-\r\nXYZ\"=;: fiename".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Integer.getInteger("fuzz.iterations", 3000); i++) {
            RequestCase c = seeds.get(r.nextInt(seeds.size()));
            byte[] b = c.body().bytes().clone();
            for (int m = r.nextInt(4); m >= 0 && b.length > 0; m--) {
                int at = r.nextInt(b.length);
                switch (r.nextInt(3)) {
                    case 0 -> b[at] = alphabet[r.nextInt(alphabet.length)];
                    case 1 -> b = Arrays.copyOf(b, at);
                    default -> {
                        byte[] c2 = new byte[b.length + 1];
                        System.arraycopy(b, 0, c2, 0, at);
                        c2[at] = alphabet[r.nextInt(alphabet.length)];
                        System.arraycopy(b, at, c2, at + 1, b.length - at);
                        b = c2;
                    }
                }
            }
            String type = c.head().headers().stream().filter(h -> h.name().equalsIgnoreCase("content-type"))
                    .map(HeaderField::value).findFirst().orElse(null);
            RequestInputs whole = new InputExtractor(c.limits()).extract(c.head(), new BodyPrefix(b, true));
            BodyBuffer buf = BodyBuffer.of(type, LIMIT);
            feed(buf, b, 1 + r.nextInt(16));
            RequestInputs kept = new InputExtractor(c.limits()).extract(c.head(), new BodyPrefix(buf.kept(), true));
            byte[] body = b;
            // A malformed body is also kept raw and sniffed: without its file contents when filtered, by
            // design (file contents are no input), so there only the multipart inputs must agree.
            assertEquals(Formats.lines(parsed(whole)), Formats.lines(parsed(kept)),
                    () -> "for " + dev.pincer.inspection.testing.Invariants.show(body));
            assertEquals(whole.bodyMalformed() == null, kept.bodyMalformed() == null);
        }
    }

    /** A file line that starts like the boundary but continues is file content, never a new part. */
    @Test
    void fileLineThatLooksLikeADelimiterStaysInTheFile() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n"
                + "--XyZZ\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nhidden\r\n--XyZ--";
        BodyBuffer buf = BodyBuffer.of(TYPE, LIMIT);
        feed(buf, body.getBytes(StandardCharsets.UTF_8), 3);
        assertEquals("--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n--XyZ--",
                new String(buf.kept(), StandardCharsets.UTF_8));
    }

    /** A part with only filename* is kept like a field: not every application honours filename*. */
    @Test
    void extendedFilenameOnlyIsKept() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''a\r\n\r\ndata\r\n--XyZ--";
        BodyBuffer buf = BodyBuffer.of(TYPE, LIMIT);
        feed(buf, body.getBytes(StandardCharsets.UTF_8), 5);
        assertEquals(body, new String(buf.kept(), StandardCharsets.UTF_8));
    }

    private static List<dev.pincer.inspection.input.Input> parsed(RequestInputs r) {
        return r.inputs().stream().filter(i -> r.bodyMalformed() == null
                || i.source().label().startsWith("multipart") || i.source().label().equals("header")).toList();
    }

    private static boolean feed(BodyBuffer buf, byte[] b, int piece) {
        boolean ok = true;
        for (int at = 0; at < b.length; at += piece) {
            ok = buf.append(b, at, Math.min(piece, b.length - at));
        }
        return ok;
    }

    private static RequestInputs extract(byte[] kept, boolean complete) {
        return EXTRACTOR.extract(new RequestHead("POST", "/", List.of(new HeaderField("Content-Type", TYPE))),
                new BodyPrefix(kept, complete));
    }

    private static void write(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
