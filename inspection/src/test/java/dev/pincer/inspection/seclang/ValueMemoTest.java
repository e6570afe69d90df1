package dev.pincer.inspection.seclang;

import static dev.pincer.inspection.seclang.EngineTest.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.seclang.variables.HttpData;
import dev.pincer.signatures.lang.RuleFileParser;
import dev.pincer.signatures.rule.RuleSetCompiler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value's forms taken from the {@link ValueMemo} must give exactly what working them out afresh
 * gives, whatever order values recur in and under whichever chains; the memo is bounded.
 */
class ValueMemoTest {

    /** Chains, views and operators of several kinds, on headers and arguments both. */
    private static final String RULES = """
            SecRule REQUEST_HEADERS|ARGS "@rx (?i)union\\s+select" "id:1,phase:2,pass,t:none,t:urlDecodeUni,t:lowercase"
            SecRule ARGS|REQUEST_HEADERS "@rx <script" "id:2,phase:2,pass,t:none,t:htmlEntityDecode,t:lowercase"
            SecRule ARGS "@pm passwd shadow" "id:3,phase:2,pass,t:none,t:cmdLine"
            SecRule ARGS|REQUEST_HEADERS "@rx c[\\"'\\\\\\\\]*a[\\"'\\\\\\\\]*t\\s" "id:4,phase:2,pass,t:none"
            SecRule REQUEST_HEADERS "@contains evil" "id:5,phase:1,pass,t:none,t:lowercase"
            SecRule ARGS_NAMES|REQUEST_HEADERS_NAMES "@rx ^x-" "id:6,phase:1,pass,t:none,t:lowercase"
            SecRule ARGS "@rx (?i)select" "id:7,phase:2,pass,t:none,t:urlDecodeUni,t:removeWhitespace,multiMatch"
            SecRule ARGS "!@rx ^[a-z0-9 ]*$" "id:8,phase:2,pass,t:none,t:base64Decode"
            """;

    /** The same texts as header values, argument values and names, in turn. */
    private static List<HttpData> requests() {
        List<String> texts = List.of("1 UNION  SELECT pw", "<SCRIPT>x", "c'a't /etc/passwd", "EVIL", "plain text",
                "x-note", "U E1E=", "&lt;script&gt;");
        List<HttpData> out = new ArrayList<>();
        for (String t : texts) {
            String q = java.net.URLEncoder.encode(t, java.nio.charset.StandardCharsets.UTF_8);
            out.add(Requests.get("/?a=" + q, "X-Note", t));
            out.add(Requests.get("/?" + q + "=1", "User-Agent", "ua " + t));
            out.add(Requests.post("/", "application/x-www-form-urlencoded", "b=" + q, t.replace(' ', '-'), t));
        }
        return out;
    }

    private static String outcome(RuleTransaction t) {
        StringBuilder s = new StringBuilder();
        for (RuleMatch m : t.matches()) {
            s.append(m.rule().id()).append(' ').append(m.variable()).append('=').append(m.data()).append('\n');
        }
        return s.append("work ").append(t.work()).toString();
    }

    private static RuleTransaction run(RuleTransaction t) {
        t.requestHeaders();
        t.requestBody();
        t.logging();
        return t;
    }

    /**
     * A pure operator's no-match is remembered with the value and skips the operator next time; a
     * negated rule still matches on it; and an answer given while the operator could not judge
     * (a bounded regex that gave up) is never remembered, so the next request is incomplete too.
     */
    @Test
    void aNoMatchIsRememberedButAGaveUpNeverIs() {
        SecLangEngine e = engine("""
                SecRule REQUEST_HEADERS:X-Note "@rx (?i)union\\s+select" "id:1,phase:1,pass,t:none,t:lowercase"
                SecRule REQUEST_HEADERS:X-Note "!@rx ^x" "id:2,phase:1,pass,t:none,t:lowercase"
                SecRule REQUEST_HEADERS:X-Hard "@rx ^(a+)+\\1b" "id:3,phase:1,pass,t:none,t:lowercase"
                """);
        String plain = "the union of the select six";  // has the literals, so the prefilter lets the regex run
        String hard = "a".repeat(40) + "cb";
        for (int round = 0; round < 3; round++) {
            RuleTransaction t = run(e.open(Requests.get("/", "X-Note", plain, "X-Hard", hard)));
            assertEquals(List.of(2L), t.matches().stream().map(m -> m.rule().id()).toList(), "round " + round);
            assertEquals("regex", t.incomplete(), "round " + round + ": a regex that gave up is incomplete every time");
        }
        TransformCache.Forms kept = e.memo().take(plain);
        RulePlan first = e.plans(1)[0];
        assertTrue(first.missSlot >= 0, "@rx with a constant pattern is pure");
        assertTrue(kept.knownMiss(first.missSlot), "rule 1's no-match on the note is remembered");
        assertTrue(kept.knownMiss(e.plans(1)[1].missSlot), "rule 2's operator did not match either (the rule did)");
        TransformCache.Forms hardForms = e.memo().take(hard);
        assertFalse(hardForms != null && hardForms.knownMiss(e.plans(1)[2].missSlot), "a gave-up is not a miss");
        assertTrue(run(e.open(Requests.get("/", "X-Note", "1 UNION  select x"))).matches().stream()
                .anyMatch(m -> m.rule().id() == 1L), "a value not seen before is tested");
    }

    /** {@code protection.value_memo: false}: the engine has no memo, and matches as one that has. */
    @Test
    void anEngineWithoutTheMemoKeepsNothingAndMatchesTheSame() {
        SecLangEngine with = engine(RULES);
        SecLangEngine without = SecLangEngine.create(RuleSetCompiler.compile(RuleFileParser.parse(RULES, "test.conf")),
                SecLangEngine.DEFAULT_BUDGET, SecLangEngine.DEFAULT_TIME_BUDGET_NANOS, false);
        assertNull(without.memo());
        for (int pass = 0; pass < 2; pass++) {
            for (HttpData r : requests()) {
                assertEquals(outcome(run(with.open(r))), outcome(run(without.open(r))));
            }
        }
        assertTrue(with.memo().size() > 0, "the default engine did keep values");
    }

    @Test
    void recurringValuesMatchExactlyAsFreshOnes() {
        SecLangEngine e = engine(RULES);
        List<HttpData> requests = requests();
        List<String> fresh = new ArrayList<>();
        for (HttpData r : requests) {
            fresh.add(outcome(run(e.openWithoutMemo(r))));
        }
        assertEquals(0, e.memo().size(), "a transaction without the memo leaves nothing in it");
        // twice forwards (the second time every value is kept), then backwards: values come back
        // under other chains than the ones that left them, so shared forms get new slots
        for (int pass = 0; pass < 3; pass++) {
            for (int k = 0; k < requests.size(); k++) {
                int i = pass < 2 ? k : requests.size() - 1 - k;
                assertEquals(fresh.get(i), outcome(run(e.open(requests.get(i)))), "pass " + pass + ", request " + i);
            }
        }
        assertTrue(e.memo().size() > 0);
        assertTrue(fresh.stream().anyMatch(o -> o.startsWith("1 ")) && fresh.stream().anyMatch(o -> o.contains("\n4 ")),
                "the requests make rules match: " + fresh);
    }

    /** A shared entry is never written: a transaction that works out more copies it first. */
    @Test
    void aTakenEntryIsCopiedBeforeItChanges() {
        SecLangEngine e = engine(RULES);
        ValueMemo memo = e.memo();
        TransformCache first = new TransformCache(e.chains(), memo);
        RulePlan lower = plan(e, 5);      // t:lowercase
        RulePlan decoded = plan(e, 1);    // t:urlDecodeUni,t:lowercase
        TransformCache.Forms f = first.forms("A%41 Text");
        assertEquals("a%41 text", f.apply(lower, 1));
        first.publish();

        TransformCache second = new TransformCache(e.chains(), memo);
        TransformCache.Forms g = second.forms("A%41 Text");
        assertFalse(g.changed(), "taken from the memo");
        assertSame(f.apply(lower, 1), g.apply(lower, 1), "the kept form");
        assertFalse(g.changed(), "reading a kept form writes nothing");
        assertEquals("aa text", g.apply(decoded, 2));
        assertTrue(g.changed());

        TransformCache third = new TransformCache(e.chains(), memo);
        TransformCache.Forms h = third.forms("A%41 Text");
        assertNotSame(g, h);
        h.apply(decoded, 2);
        assertTrue(h.changed(), "the second transaction's new form did not reach the shared entry");
        second.publish();
        TransformCache fourth = new TransformCache(e.chains(), memo);
        TransformCache.Forms i = fourth.forms("A%41 Text");
        i.apply(decoded, 2);
        assertFalse(i.changed(), "once published, it is kept");
    }

    /** Limit and limit + 1 on the value's length. */
    @Test
    void onlyValuesUpToTheLengthLimitAreKept() {
        SecLangEngine e = engine(RULES);
        TransformCache c = new TransformCache(e.chains(), e.memo());
        String atLimit = "a".repeat(ValueMemo.MAX_VALUE_CHARS);
        String over = "b".repeat(ValueMemo.MAX_VALUE_CHARS + 1);
        c.forms(atLimit).apply(plan(e, 5), 1);
        c.forms(over).apply(plan(e, 5), 1);
        c.publish();
        assertEquals(1, e.memo().size());
        TransformCache d = new TransformCache(e.chains(), e.memo());
        assertFalse(d.forms(atLimit).changed(), "kept");
        assertTrue(d.forms(over).changed(), "not kept");
    }

    /** The memo holds about {@link ValueMemo#MAX_BYTES}, however many distinct values arrive. */
    @Test
    void theMemoIsBoundedInBytes() {
        SecLangEngine e = engine(RULES);
        long kept = 0;
        for (int round = 0; round < 80; round++) {
            TransformCache c = new TransformCache(e.chains(), e.memo());
            for (int k = 0; k < 1000; k++) {
                TransformCache.Forms f = c.forms(round + "-" + k + "-" + "V".repeat(400));
                f.apply(plan(e, 5), 1);
                kept += f.weight();
            }
            c.publish();
        }
        assertTrue(kept > 2 * ValueMemo.MAX_BYTES, "the test offers more than the bound: " + kept);
        assertTrue(e.memo().weight() <= ValueMemo.MAX_BYTES, "weight " + e.memo().weight());
    }

    private static RulePlan plan(SecLangEngine e, long id) {
        for (int phase = 1; phase <= 2; phase++) {
            for (RulePlan p : e.plans(phase)) {
                if (p.rule.id() == id) {
                    return p;
                }
            }
        }
        throw new AssertionError("no rule " + id);
    }
}
