package dev.pincer.inspection.body;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonBody} must never throw and must stay within the limits on any bytes; and a valid
 * document cut anywhere is truncated, never malformed. Seeded, so a failure reproduces.
 */
class JsonBodyFuzzTest {
    private static final BodyFuzz FUZZ = new BodyFuzz(JsonBody::parse, List.of(
            "{\"user\":{\"name\":\"bob\",\"tags\":[\"a\",2,true,null,-1.5e+3]},\"e\":{},\"f\":[]}",
            "[[[[{\"a\":[[{}]]}]]]]",
            "\"caf\u00e9 \\u0027\\ud83d\\ude00\\n\\\\\"",
            "  {\"k\\u002e\" : [ false , null , 0 , \"x\\\"y\" ] }  ",
            "\ufeff[1,2,3]",
            "-0.5"),
            "{}[]\":,\\u0123456789abcdefABCDEF-+.eEtruefalsn \t\r\n\u00e9",
            "\\u", "\\ud800", "\\udc00", "\\", "\"", "[[[[[[", "]]]]", "{\"a\":", "null", "true", "1e99", "\u0000");

    @Test
    void randomAndMutatedBodies() {
        FUZZ.run(20250611L, 20000);
    }

    @Test
    void validSeedsAndEveryCutOfThem() {
        FUZZ.seedsAndTheirPrefixes();
    }
}
