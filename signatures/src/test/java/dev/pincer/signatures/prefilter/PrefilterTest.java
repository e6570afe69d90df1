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
            String v = randomValue(random, alphabet, 14);
            long[][] bits = prefilter.scan(v);
            for (Rule r : rules) {
                Prefilter.Condition c = prefilter.condition(r);
                if (c != null && !c.mayMatch(bits)) {
                    assertFalse(Regex.compile(r.operatorArgument()).find(v), r.id() + " skipped but matches " + v);
                }
            }
        }
    }

    /**
     * Literals too many for one scanner's table ({@link LiteralScanner#MAX_ENTRIES}) leave their
     * view unscanned: the clauses that read it are dropped and the rules run on every value, the
     * rule set still loads. Here the bound is one entry, so no view and no phrase gets a scanner.
     */
    @Test
    void aViewTooLargeToScanDropsItsClausesNotTheRules() {
        RuleSet set = RuleSetCompiler.compile(RuleFileParser.parse(RULES + """
                SecRule ARGS "@pm passwd shadow" "id:5,phase:2,pass"
                """, "test.conf"));
        List<Rule> rules = set.phase(2);
        Prefilter unbounded = Prefilter.of(rules);
        Prefilter bounded = Prefilter.of(rules, 1);
        for (Rule r : rules) {
            assertFalse(bounded.filters(r), r.id() + " runs on every value");
            assertTrue(bounded.mayMatch(r, bounded.scan("ordinary item 7")));
        }
        assertTrue(unbounded.filters(rules.get(2)) && unbounded.filters(rules.get(4)), "with room, they are filtered");
        assertFalse(unbounded.mayMatch(rules.get(2), unbounded.scan("ordinary item 7")));
    }

    /**
     * A phrase rule's condition holds exactly when the operator matches, on values of ASCII,
     * Latin-1 and chars above 0xFF (which the operator reads as their low byte: U+0161 as
     * {@code a}, the Kelvin sign U+212A as {@code *}); a phrase beyond ASCII gives no condition.
     */
    @Test
    void phraseRulesAreSkippedExactlyWhenTheOperatorDoesNotMatch() {
        RuleSet set = RuleSetCompiler.compile(RuleFileParser.parse("""
                SecRule ARGS "@pm Passwd .htaccess a*" "id:1,phase:2,pass"
                SecRule ARGS "@pm <?php" "id:2,phase:2,pass"
                SecRule ARGS "@pm caf\u00e9" "id:3,phase:2,pass"
                SecRule ARGS "@rx (?i)union\\s+select" "id:4,phase:2,pass"
                """, "test.conf"));
        List<Rule> rules = set.phase(2);
        Prefilter prefilter = Prefilter.of(rules);
        assertNull(prefilter.condition(rules.get(2)), "a phrase beyond ASCII: always runs");
        assertTrue(mayMatch(prefilter, rules.get(0), "/etc/PASSWD"));
        assertFalse(mayMatch(prefilter, rules.get(0), "/etc/hosts"));
        assertTrue(mayMatch(prefilter, rules.get(0), "\u0161\u212a"), "a char above 0xFF makes the clause hold");
        OperatorContextStub ctx = new OperatorContextStub();
        String alphabet = "PpAaSsWwDd.hH*<?\u00e9\u0161\u212a tcx";
        Random random = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            String v = randomValue(random, alphabet, 12);
            long[][] bits = prefilter.scan(v);
            for (Rule r : rules.subList(0, 2)) {
                boolean matches = r.operator().matches(ctx, v);
                if (!prefilter.condition(r).mayMatch(bits)) {
                    assertFalse(matches, r.id() + " skipped but matches " + v);
                } else if (v.chars().allMatch(c -> c <= 0xFF)) {
                    assertTrue(matches, r.id() + ": the condition holds on " + v + " but the operator does not match");
                }
            }
        }
    }

    /** What an operator may ask of a transaction: nothing here. */
    private static final class OperatorContextStub implements dev.pincer.signatures.operator.OperatorContext {
        @Override
        public String resolve(String collection, String key) {
            return null;
        }

        @Override
        public boolean capturing() {
            return false;
        }

        @Override
        public void capture(int group, String text) {
        }

        @Override
        public void incomplete(String reason) {
        }
    }

    /** Up to {@code maxLength - 1} chars drawn from {@code alphabet}. */
    private static String randomValue(Random random, String alphabet, int maxLength) {
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(maxLength); k > 0; k--) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static boolean mayMatch(Prefilter prefilter, Rule rule, String value) {
        return prefilter.condition(rule).mayMatch(prefilter.scan(value));
    }
}
