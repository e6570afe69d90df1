package dev.pincer.inspection.body;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lenient JSON reading ({@link JsonParser#parseLenient}) must end, never throw and stay within
 * the limits on any bytes; it never reports a malformed body of its own. Seeded, so a failure
 * reproduces.
 */
class JsonLenientFuzzTest {
    private static final BodyFuzz FUZZ = new BodyFuzz((b, complete, out) -> JsonBody.parseLenient(b, out), List.of(
            ")]}'\n{'name': 'x\\' OR 1=1', id => 7; /* c */ note = hi there, # more\n 'list': ['a';;'b',],}",
            "{q: 1' OR '1'='1}",
            "[\"\\x27\\q\", 'a\\\nb', \"\\ud83d\\ude00\", NaN, -Infinity, 0x1F, TRUE]",
            "{\"a\":{\"b\":[1,2,{\"c\":null}]}} {\"second\": 2}",
            "// lead\n[ /* in */ 1 , 2 ; 3 ]"),
            "{}[]\"':,;=>/*#\\u0123456789abcdefxX-+.eEtruefalsnNaIiy \t\r\n\f\u000b\u00e9",
            "/*", "*/", "//", "#", "'", "\"", "\\", "=>", ")]}'", "[[[[[[", "]]]]", "{a:", "null", "\u0000");

    @Test
    void randomAndMutatedBodies() {
        FUZZ.run(20261204L, 20000);
    }

    @Test
    void validSeedsAndEveryCutOfThem() {
        FUZZ.seedsAndTheirPrefixes();
    }
}
