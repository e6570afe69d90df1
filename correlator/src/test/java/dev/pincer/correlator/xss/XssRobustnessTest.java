package dev.pincer.correlator.xss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile documents: random HTML built from the fragments that move a tokenizer between states,
 * with inputs cut from the document (so they occur) and random ones. The tokenizer gives one role
 * per character and the analyzer never fails ({@code analyzer_error} would be a bug here); a
 * finding always names an input that occurs. Pathological megabyte documents finish (the test's
 * bound is the iteration count, never a clock).
 */
class XssRobustnessTest {
    private static final long SEED = 0x8_5eed_c0deL;
    private static final int ITERATIONS = 4_000;
    private static final String[] FRAGMENTS = {"<", ">", "</", "/>", "<!--", "-->", "--!>", "<!", "<?", "<![CDATA[",
        "]]>", "\"", "'", "`", "=", " ", "\t", "\n", "/", "&", "&#39;", "&#x3c;", "&quot;", "&colon;", "&#", "&#x",
        "&#99999999999;", "<script>", "</script>", "<style>", "</style>", "<textarea>", "</textarea>", "<title>",
        "<svg>", "</svg>", "<math>", "<plaintext>", "<noscript>", "</noscript>", "<a href=", "javascript:",
        "data:", " onclick=", "style=", "${", "}", "{", "(", ")", ";", "//", "/*", "*/", "\\", "x", "abc", "p", "b",
        "img", "é", "\ud83d\ude00", "\ud800", "\u2028", "\0"};

    private final Random rnd = new Random(SEED);
    private final XssAnalyzer analyzer = new XssAnalyzer();

    @Test
    void randomDocumentsNeverBreakTheAnalyzer() {
        int findings = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String html = text(1 + rnd.nextInt(80));
            assertEquals(html.length(), HtmlTokenizer.scan(html).roles().length);
            List<Input> inputs = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                String value = rnd.nextBoolean() && html.length() > 2 ? cut(html) : text(4);
                inputs.add(new Input(InputSource.QUERY, "q" + k, value, value));
            }
            Finding f = analyzer.analyze(html, new RequestInputs(inputs, null, false));
            if (f == null) {
                continue;
            }
            findings++;
            String doc = html;
            assertNotEquals(AttackClass.ANALYSIS_LIMIT, f.attackClass(), () -> doc + " " + f);
            assertTrue(inputs.contains(f.input()), () -> doc + " " + f);
        }
        assertTrue(findings > ITERATIONS / 20, "the random documents exercise findings too: " + findings);
    }

    static Stream<String> pathological() {
        int n = 1 << 20;
        return Stream.of("<a ".repeat(n / 3), "<!--".repeat(n / 4), "<script>".repeat(n / 8), "</".repeat(n / 2),
                "<a b=\"".repeat(n / 6), "<svg>".repeat(n / 5), "<textarea>" + "</textare".repeat(n / 10),
                "<script>" + "`${".repeat(n / 3), "<b onclick=\"" + "&#39;".repeat(n / 5), "&".repeat(n),
                "<a href=\"" + " ".repeat(n) + "javascript:x\">");
    }

    @ParameterizedTest
    @MethodSource("pathological")
    void pathologicalDocumentsFinish(String html) {
        assertEquals(html.length(), HtmlTokenizer.scan(html).roles().length);
        String payload = "<script>alert(1)</script>";
        Input in = new Input(InputSource.QUERY, "q", payload, payload);
        Finding f = analyzer.analyze(html + payload, new RequestInputs(List.of(in), null, false));
        // Judged either way (the payload may sit inside a comment or RCDATA the document left open),
        // but never by a failure of the analyzer.
        assertTrue(f == null || !f.reason().contains("analyzer_error"), () -> "got " + f);
    }

    private String cut(String html) {
        int a = rnd.nextInt(html.length() - 1);
        int b = a + 2 + rnd.nextInt(Math.min(20, html.length() - a - 1));
        return html.substring(a, Math.min(b, html.length()));
    }

    private String text(int fragments) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fragments; i++) {
            b.append(FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
        }
        return b.toString();
    }
}
