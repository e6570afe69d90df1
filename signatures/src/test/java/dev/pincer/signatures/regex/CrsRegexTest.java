package dev.pincer.signatures.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@code @rx} pattern of CRS v4.28 compiles, and the inputs that make backtracking engines
 * explode (8 KiB of one repeated char) run against every one of them to completion.
 */
class CrsRegexTest {

    @Test
    void everyCrsPatternCompiles() {
        List<String> patterns = CrsCorpus.rxPatterns();
        assertTrue(patterns.size() >= 290, "found " + patterns.size() + " distinct @rx patterns");
        List<String> failures = new ArrayList<>();
        for (String p : patterns) {
            try {
                Regex.compile(p);
            } catch (IllegalArgumentException e) {
                failures.add(e.getMessage() + " in " + p.substring(0, Math.min(80, p.length())));
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Guards the byte semantics of CRS's {@code \x{e2}} escapes: 934120 catches a URL whose host
     * is written in circled digits ({@code http://\u2460}, UTF-8 E2 91 A0) only when the value is
     * its UTF-8 bytes, one char per byte, as ModSecurity sees it.
     */
    @Test
    void byteEscapesOf934120MatchUtf8Bytes() {
        String pattern = CrsCorpus.operators().stream()
                .filter(u -> u.id().equals("934120") && u.name().equals("rx"))
                .findFirst().orElseThrow().argument();
        assertTrue(pattern.contains("\\x{e2}"));
        Regex r = Regex.compile(pattern);
        assertTrue(r.find(CrsCorpus.bytes("http://\u2460\u2461")), "UTF-8 bytes of circled digits");
        assertTrue(!r.find("http://\u2460\u2461"), "a UTF-16 char above 0xff is no byte");
        assertTrue(!r.find("http://example"));
    }

    /**
     * Guards linear time: java.util.regex takes seconds or overflows its stack on some of these
     * (941160 on 1 KiB of {@code <}). No timing is asserted; the test completing is the proof.
     */
    @Test
    void worstBacktrackingInputsComplete() {
        List<Regex> regexes = CrsCorpus.rxPatterns().stream().map(Regex::compile).toList();
        Captures captures = new Captures();
        int matches = 0;
        for (String unit : List.of("<", "a", "'", " ", "<a", "'a", "\\", "/*", "%0")) {
            String input = unit.repeat(8192 / unit.length());
            for (Regex r : regexes) {
                if (r.find(input)) {
                    matches++;
                }
                r.find(input, captures);
            }
        }
        assertTrue(matches > 0, "some CRS patterns match these inputs");
    }
}
