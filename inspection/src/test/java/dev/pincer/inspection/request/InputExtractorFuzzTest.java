package dev.pincer.inspection.request;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pincer.inspection.hint.InputHint;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.testing.Invariants;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whole random requests (targets, headers, cookies, credentials, content types and bodies built
 * from hostile fragments) through {@link InputExtractor} and {@link InputHint}: neither may throw,
 * the extractor's safety net must never fire (an {@code internal:} reason is a bug), and the limits
 * must hold. Seeded, so a failure reproduces.
 */
class InputExtractorFuzzTest {
    private static final String[] TARGET = {"/", "?", "&", "=", "%", "%2", "%25", "%C0%AE", "%zz", "+", "a", "..",
        "http://", "h:80", "*", "#", "\\", ";", "%u0027", "\u00e9", "\ud83d", "\u0000", " "};
    private static final String[] NAMES = {"Host", "Cookie", "cookie", "Authorization", "Content-Type",
        "Content-Encoding", "Accept", "User-Agent", "X-Pincer-X", "Content-Length", "X-A", "priority"};
    private static final String[] VALUES = {"a=b; c", ";;", "=", "Basic YWRtaW4nLS06cHc=", "Basic =", "Basic YQ",
        "application/json", "application/xml", "multipart/form-data; boundary=b", "multipart/form-data; boundary=\"",
        "multipart/form-data; boundary=", "application/x-www-form-urlencoded", "text/plain", "gzip", "identity",
        "*/*", "curl/8.5.0", "u=1, i", "[::1]:80", "", " ", "\"", "%", "\u00e9", "a,b;c=d"};
    private static final String[] BODY = {"{\"a\":[1,\"x\"]}", "<a b='c'>d</a>",
        "--b\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\nv\r\n--b--", "a=1&b=%27", "[[[", "<a>", "\\u",
        "\u0000", "\u00e9", "\"", "&", "--b", "\r\n"};

    @Test
    void randomRequestsNeverThrowAndStayBounded() {
        Random r = new Random(Long.getLong("fuzz.seed", 20250615L));
        int iterations = Integer.getInteger("fuzz.iterations", 20000);
        for (int i = 0; i < iterations; i++) {
            InspectionLimits limits = r.nextInt(3) == 0 ? new InspectionLimits(1 + r.nextInt(8), 1 + r.nextInt(4),
                    1 + r.nextInt(16), 1 + r.nextInt(8), 1 + r.nextInt(4), 1 + r.nextInt(4)) : InspectionLimits.DEFAULT;
            RequestHead head = new RequestHead("GET", pick(TARGET, r, 12), headers(r));
            BodyPrefix body = r.nextInt(4) == 0 ? null
                    : new BodyPrefix(pick(BODY, r, 6).getBytes(StandardCharsets.UTF_8), r.nextBoolean());
            try {
                RequestInputs result = new InputExtractor(limits).extract(head, body);
                Invariants.check(result, limits.maxInputs(), limits.maxValueChars(), limits.maxNameChars(),
                        () -> head + " " + body);
                int bits = InputHint.of(result, r.nextBoolean());
                assertTrue(bits >= 0 && bits <= InputHint.ALL);
            } catch (AssertionError e) {
                throw e;
            } catch (Throwable t) {
                fail("iteration " + i + " threw for " + head + " " + body, t);
            }
        }
    }

    private static List<HeaderField> headers(Random r) {
        List<HeaderField> headers = new ArrayList<>();
        for (int k = r.nextInt(5); k > 0; k--) {
            headers.add(new HeaderField(NAMES[r.nextInt(NAMES.length)], pick(VALUES, r, 3)));
        }
        return headers;
    }

    private static String pick(String[] parts, Random r, int max) {
        StringBuilder s = new StringBuilder();
        for (int k = r.nextInt(max + 1); k > 0; k--) {
            s.append(parts[r.nextInt(parts.length)]);
        }
        return s.toString();
    }
}
