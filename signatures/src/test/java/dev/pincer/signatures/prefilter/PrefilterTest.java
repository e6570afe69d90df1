package dev.pincer.signatures.prefilter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.signatures.lang.RuleFileParser;
import dev.pincer.signatures.regex.Regex;
import dev.pincer.signatures.rule.Rule;
import dev.pincer.signatures.rule.RuleSet;
import dev.pincer.signatures.rule.RuleSetCompiler;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The prefilter over rules: its one-pass scan of all views decides as the regex does on every
 * value where it skips, on evasion-spelled commands (the Unix view's hatch included) and on
 * random values built from the chars the views drop.
 */
class PrefilterTest {

    private static final String RULES = """
            SecRule ARGS "@rx (?i)c[\\"'\\x5c]*(?:\\$[a-z]*)?a[\\"'\\x5c]*t\\s" "id:1,phase:2,pass"
            SecRule ARGS "@rx (?i)c[\\"\\^]*m[\\"\\^]*d\\b" "id:2,phase:2,pass"
            SecRule ARGS "@rx (?i)union\\s+select" "id:3,phase:2,pass"
            SecRule ARGS "@rx x*" "id:4,phase:2,pass"
            """;

    @Test
    void skipsOnlyWhatCannotMatch() {
        RuleSet set = RuleSetCompiler.compile(RuleFileParser.parse(RULES, "test.conf"));
        List<Rule> rules = set.phase(2);
        Prefilter prefilter = Prefilter.of(rules);
        assertNotNull(prefilter.condition(rules.get(0)));
        assertNull(prefilter.condition(rules.get(3)), "x* has no literal: always runs");
        Rule cat = rules.get(0);
        assertTrue(mayMatch(prefilter, cat, "c'a\\\"t /etc/passwd"));
        assertTrue(mayMatch(prefilter, cat, "c$x'a't /etc/passwd"), "the hatch lets it through");
        assertFalse(mayMatch(prefilter, cat, "ordinary item 7"));
        assertTrue(mayMatch(prefilter, rules.get(1), "c^m\"d /c dir"));
        assertFalse(mayMatch(prefilter, rules.get(1), "c-m-d"));

        String alphabet = "cCaAtTmMdD\"'\\^$x /;un ioselct";
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String v = b.toString();
            long[] bits = prefilter.scan(v);
            for (Rule r : rules) {
                Prefilter.Condition c = prefilter.condition(r);
                if (c != null && !c.mayMatch(bits)) {
                    assertFalse(Regex.compile(r.operatorArgument()).find(v), r.id() + " skipped but matches " + v);
                }
            }
        }
    }

    private static boolean mayMatch(Prefilter prefilter, Rule rule, String value) {
        return prefilter.condition(rule).mayMatch(prefilter.scan(value));
    }
}
