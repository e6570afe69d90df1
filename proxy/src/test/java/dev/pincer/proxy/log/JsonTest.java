package dev.pincer.proxy.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Json#quote}: RFC 8259 §7 string escaping for log lines. */
class JsonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain                    | \"plain\"",
        "say \"hi\"               | \"say \\\"hi\\\"\"",
        "C:\\dir                  | \"C:\\\\dir\"",
        "`a\nb\rc\td`             | \"a\\nb\\rc\\td\"",
        "`\u0001\u001f`           | \"\\u0001\\u001f\"",
        "`\u007f`                 | \"\\u007f\"",
        "`\u2028\u2029`           | \"\\u2028\\u2029\"",
        "`\ud800`                 | \"\\ud800\"",
        "`x\udfffy`               | \"x\\udfffy\"",
        "é/ü €                    | \"é/ü €\"",
        "``                       | \"\"",
    })
    void escapes(String in, String expected) {
        assertEquals(expected, quote(in));
    }

    @Test
    void nulCharacter() {
        assertEquals("\"a\\u0000b\"", quote("a\u0000b"));
    }

    @Test
    void nullIsTheJsonLiteral() {
        assertEquals("null", quote(null));
    }

    @Test
    void appendsToWhatIsThere() {
        StringBuilder sb = new StringBuilder("{\"k\":");
        assertEquals("{\"k\":\"v\"", Json.quote(sb, "v").toString());
    }

    /** Whatever the input, the output is one line of printable text that reads back as the input. */
    @ParameterizedTest
    @ValueSource(strings = {"", "GET /a?b=c HTTP/1.1", "\u0000\r\n\u001b[31mred", "\ud83d\ude00 smile",
            "lone \ud83d high", "lone \ude00 low", "\u2028line\u2029para", "\\\"\\\"", "tab\tdel\u007f"})
    void roundTripsAndStaysOnOneSafeLine(String in) {
        String out = quote(in);
        assertEquals(in, FlatJson.string(out));
        for (char c : out.toCharArray()) {
            boolean unsafe = c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029;
            assertTrue(!unsafe, "raw U+" + Integer.toHexString(c) + " in " + out);
        }
    }

    @Test
    void everyCharRoundTrips() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            all.append(c);
        }
        all.append(Character.MAX_VALUE);
        String in = all.toString();
        assertEquals(in, FlatJson.string(quote(in)));
    }

    private static String quote(String s) {
        return Json.quote(new StringBuilder(), s).toString();
    }
}
