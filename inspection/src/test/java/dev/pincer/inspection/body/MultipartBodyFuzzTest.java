package dev.pincer.inspection.body;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MultipartBody} (boundary {@code XyZ}) must never throw and must stay within the limits on
 * any bytes; and a valid body cut anywhere is truncated, never malformed. Seeded, so a failure
 * reproduces.
 */
class MultipartBodyFuzzTest {
    private static final BodyFuzz FUZZ = new BodyFuzz(
            (b, complete, out) -> MultipartBody.parse(b, "XyZ", complete, out),
            List.of("pre\r\n--XyZ\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\n1' or '1'='1\r\n"
                    + "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\\\"b.php\"; "
                    + "filename*=UTF-8''%2e%2e\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n--XyZ--\r\nepi",
                    "--XyZ \n\n\nbare\n--XyZ\ncontent-disposition: form-data; name=x\n\nv\n--XyZ--"),
            "-XyZ\r\n:;=\" \\'%Content-Disposition form-data name filename*",
            "--XyZ", "--XyZ--", "\r\n", "\n", "\r\n\r\n", "; filename=\"", "; name=", "Content-Disposition: ", "\"",
            "''");

    @Test
    void randomAndMutatedBodies() {
        FUZZ.run(20250613L, 20000);
    }

    @Test
    void validSeedsAndEveryCutOfThem() {
        FUZZ.seedsAndTheirPrefixes();
    }
}
