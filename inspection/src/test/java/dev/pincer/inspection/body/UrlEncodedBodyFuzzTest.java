package dev.pincer.inspection.body;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link UrlEncodedBody} must never throw and must stay within the limits on any bytes, and is
 * never malformed. Seeded, so a failure reproduces.
 */
class UrlEncodedBodyFuzzTest {
    private static final BodyFuzz FUZZ = new BodyFuzz((b, complete, out) -> UrlEncodedBody.parse(b, out),
            List.of("user=bob&note=1%27+or+1%3D1&n=%2527&flag&=x&%C3%A9=\u00e9", "a=%zz%4&b=100%&c=%C0%AE"),
            "=&%+0123456789abcdefABCDEFxyz\u00e9", "%", "%2", "%25", "%C0%AE", "&&", "==", "%u0027", "+");

    @Test
    void randomAndMutatedBodies() {
        FUZZ.run(20250614L, 20000);
    }

    @Test
    void validSeedsAndEveryCutOfThem() {
        FUZZ.seedsAndTheirPrefixes();
    }
}
