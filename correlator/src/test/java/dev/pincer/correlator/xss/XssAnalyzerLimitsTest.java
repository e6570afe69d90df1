package dev.pincer.correlator.xss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analyzer's bounds on real sizes: a response prefix far larger than one occurrence search's
 * budget is searched window by window; an input longer than a window is searched by segments (a
 * long value cannot hide a reflected payload); and only a response an attacker sized past
 * {@link WindowedSearch#MAX_WORK} is an {@code analysis_limit}.
 */
class XssAnalyzerLimitsTest {
    private static final XssAnalyzer ANALYZER = new XssAnalyzer();
    private static final String CARD = "<li class=\"card\"><a href=\"/p/1\">Product &ndash; 9.99</a></li>\n";

    private static RequestInputs inputs(String... values) {
        Input[] in = new Input[values.length];
        for (int i = 0; i < values.length; i++) {
            in[i] = new Input(InputSource.QUERY, "q" + i, values[i], values[i]);
        }
        return new RequestInputs(List.of(in), null, false);
    }

    private static String page(int chars, String echoAtEnd) {
        StringBuilder b = new StringBuilder(chars + 64).append("<ul>");
        while (b.length() < chars) {
            b.append(CARD);
        }
        return b.append("<p>").append(echoAtEnd).append("</p></ul>").toString();
    }

    @Test
    void aReflectionAtTheEndOfAMegabytePageIsFound() {
        Finding f = ANALYZER.analyze(page(1 << 20, "<script>alert(1)</script>"),
                inputs("O'Brien", "\"quoted\"", "<script>alert(1)</script>"));
        assertNotNull(f);
        assertEquals(AttackClass.XSS, f.attackClass(), f::toString);
        assertEquals("query:q2", f.input().where());
    }

    @Test
    void aMegabytePageWithoutEchoIsJudgedNotLimited() {
        assertNull(ANALYZER.analyze(page(1 << 20, "nothing"), inputs("O'Brien", "\"quoted\"", "a < b", "<b>")));
    }

    @Test
    void aPayloadInsideALongValueIsFound() {
        String value = "x".repeat(70_000) + "<img src=x onerror=alert(1)>" + "y".repeat(10_000);
        Finding f = ANALYZER.analyze(page(4096, value), inputs(value));
        assertNotNull(f);
        assertEquals(AttackClass.XSS, f.attackClass(), f::toString);
        assertEquals("query:q0", f.input().where());
        assertTrue(f.reason().contains("opens a tag"), f.reason());
    }

    @Test
    void aLongValueEchoedEscapedPasses() {
        String value = "It's " + "x".repeat(70_000) + " <b>bold</b> " + "'".repeat(3);
        String escaped = value.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
        assertNull(ANALYZER.analyze(page(4096, escaped), inputs(value)));
        assertNull(ANALYZER.analyze(page(4096, "<textarea>" + value.replace("<", "&lt;") + "</textarea>"),
                inputs(value)));
    }

    /**
     * Past the total search budget the response is not passed as judged; well under it, it is
     * judged. The inputs are made of character pairs the page holds (so the pair prefilter cannot
     * skip them) without occurring in it: each must really be scanned.
     */
    @Test
    void anAttackerSizedResponseIsAnAnalysisLimit() {
        String[] many = new String[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = "\">" + "<li class=\"card\">".repeat(i + 1);
        }
        Finding f = ANALYZER.analyze(page(1 << 20, "end"), inputs(many));
        assertNotNull(f);
        assertEquals(AttackClass.ANALYSIS_LIMIT, f.attackClass());
        assertTrue(f.reason().contains(WindowedSearch.WORK), f.reason());
        assertNull(ANALYZER.analyze(page(64 * 1024, "end"), inputs(many)), "40 inputs on a 64 KiB page are judged");
    }

    /** Harmless echoes spread so that no window holds more than one search keeps, but too many in all. */
    @Test
    void tooManyEchoesInAllAreAnAnalysisLimitAndJustEnoughAreJudged() {
        String filler = "<i>" + "x".repeat(245) + "</i> ";
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= WindowedSearch.MAX_HITS; i++) {
            many.append("\"q\" ").append(filler);
        }
        Finding f = ANALYZER.analyze(many.toString(), inputs("\"q\""));
        assertNotNull(f);
        assertEquals(AttackClass.ANALYSIS_LIMIT, f.attackClass(), f::toString);
        assertTrue(f.reason().contains("more than " + WindowedSearch.MAX_HITS), f.reason());
        String fewer = many.substring(0, many.length() / 2);
        assertNull(ANALYZER.analyze(fewer, inputs("\"q\"")));
    }
}
