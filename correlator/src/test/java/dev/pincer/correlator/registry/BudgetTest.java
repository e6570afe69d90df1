package dev.pincer.correlator.registry;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.inspection.verdict.AttackClass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every occurrence-search budget at its limit (complete) and at limit + 1 (exhausted, and the
 * analyzer throws {@link AnalysisLimitException} naming it, so the call is decided by policy and
 * never passed as judged). Steps are counted, not timed.
 */
class BudgetTest {
    private static final Occurrences.Options STANDARD = Occurrences.Options.standard();

    @Test
    void workAtTheBudgetCompletesAndOneStepMoreIsExhausted() {
        String form = "ab";
        int atLimit = (int) Occurrences.MAX_WORK - form.length();
        Occurrences.Result ok = Occurrences.find("x".repeat(atLimit), inputs(form), STANDARD);
        assertEquals(Occurrences.MAX_WORK, ok.work());
        assertNull(ok.budget());
        Occurrences.Result over = Occurrences.find("x".repeat(atLimit + 1), inputs(form), STANDARD);
        assertEquals(Occurrences.WORK, over.budget());
        assertLimit(Occurrences.WORK, over::requireComplete);
    }

    @Test
    void occurrencesPerInputAtTheBudgetCompleteAndOneMoreIsExhausted() {
        int n = Occurrences.MAX_HITS_PER_FORM;
        assertNull(Occurrences.find("ab ".repeat(n), inputs("ab"), STANDARD).budget());
        Occurrences.Result over = Occurrences.find("ab ".repeat(n + 1), inputs("ab"), STANDARD);
        assertEquals(Occurrences.HITS_PER_FORM, over.budget());
        assertEquals(n, over.hits().size());
    }

    @Test
    void occurrencesInAllAtTheBudgetCompleteAndOneMoreIsExhausted() {
        int perInput = Occurrences.MAX_HITS_PER_FORM;
        int inputsAtLimit = Occurrences.MAX_HITS / perInput;
        StringBuilder arg = new StringBuilder();
        List<Input> in = new ArrayList<>();
        for (int i = 0; i < inputsAtLimit; i++) {
            String v = "v" + (char) ('a' + i) + "-";
            in.add(Input.plain(InputSource.QUERY, "p" + i, v));
            arg.append((v + " ").repeat(perInput));
        }
        assertNull(Occurrences.find(arg.toString(), in, STANDARD).budget());
        in.add(Input.plain(InputSource.QUERY, "extra", "zz"));
        Occurrences.Result over = Occurrences.find(arg + "zz", in, STANDARD);
        assertEquals(Occurrences.HITS, over.budget());
        assertEquals(Occurrences.MAX_HITS, over.hits().size());
    }

    @Test
    void occurrenceCharactersAtTheBudgetCompleteAndOneMoreIsExhausted() {
        int len = (int) (Occurrences.MAX_HIT_CHARS / Occurrences.MAX_HITS_PER_FORM);
        String a = "a".repeat(len);
        String arg = "a".repeat(len + Occurrences.MAX_HITS_PER_FORM - 1) + " "; // 64 overlapping occurrences
        List<Input> in = new ArrayList<>(List.of(Input.plain(InputSource.QUERY, "a", a)));
        assertNull(Occurrences.find(arg, in, STANDARD).budget());
        in.add(Input.plain(InputSource.QUERY, "b", "zz"));
        assertEquals(Occurrences.HIT_CHARS, Occurrences.find(arg + "zz", in, STANDARD).budget());
    }

    /** Through a real analyzer: confined occurrences at the limit are allowed, one more is a limit. */
    @Test
    void anAnalyzerDecidesByPolicyWhenItsSearchIsExhausted() {
        SinkAnalyzer sql = VectorRunner.unguarded(ExecPolicy.ALLOW, null).get(SinkKind.SQL).get(0);
        int n = Occurrences.MAX_HITS_PER_FORM;
        assertNull(sql.analyze(sqlIn(n), inputs("a,b")));
        assertLimit(Occurrences.HITS_PER_FORM, () -> sql.analyze(sqlIn(n + 1), inputs("a,b")));
        Finding f = Analyzers.create(VectorRunner.config(ExecPolicy.ALLOW), null).get(SinkKind.SQL).get(0)
                .analyze(sqlIn(n + 1), inputs("a,b"));
        assertEquals(AttackClass.ANALYSIS_LIMIT, f.attackClass(), "the guard turns the limit into a finding");
        assertTrue(f.reason().startsWith("analysis limit occurrences_per_input: "), f::reason);
    }

    /** A break-out found within the budget is the finding, not the limit. */
    @Test
    void aBreakOutFoundBeforeTheBudgetWins() {
        SinkAnalyzer sql = VectorRunner.unguarded(ExecPolicy.ALLOW, null).get(SinkKind.SQL).get(0);
        String q = "SELECT * FROM t WHERE a = 1 or 1=1 AND b IN (" + "'1 or 1=1',".repeat(200) + "'z')";
        Finding f = sql.analyze(new SinkCall("", SinkKind.SQL, List.of(q), Map.of(), ""), inputs("1 or 1=1"));
        assertEquals(AttackClass.SQL_INJECTION, f.attackClass());
    }

    /** The parse budget through the path analyzer and the path argument judge: 64 KiB is read, one more is a limit. */
    @Test
    void argumentsAtTheParseBudgetAreReadAndOneCharacterMoreIsALimit() {
        SinkAnalyzer path = VectorRunner.unguarded(ExecPolicy.ALLOW, null).get(SinkKind.FILE).get(0);
        String base = "/srv/files/a.pdf/";
        String atLimit = base + "x".repeat(ParseBudget.MAX_CHARS - base.length());
        assertNull(path.analyze(file(atLimit), inputs("a.pdf")));
        assertLimit(ParseBudget.BUDGET, () -> path.analyze(file(atLimit + "x"), inputs("a.pdf")));
        ArgumentJudge judge = Analyzers.argumentJudges().get(SinkKind.FILE);
        assertNull(judge.judge(file(atLimit)));
        assertLimit(ParseBudget.BUDGET, () -> judge.judge(file(atLimit + "x")));
    }

    private static SinkCall file(String p) {
        return new SinkCall("", SinkKind.FILE, List.of(p, p, "read"), Map.of(), "");
    }

    private static SinkCall sqlIn(int n) {
        return new SinkCall("", SinkKind.SQL, List.of("SELECT a FROM t WHERE x IN (" + "'a,b',".repeat(n) + "'z')"),
                Map.of(), "");
    }

    private static RequestInputs inputs(String v) {
        return new RequestInputs(List.of(Input.plain(InputSource.QUERY, "q", v)), null, false);
    }

    static void assertLimit(String budget, Runnable r) {
        AnalysisLimitException e = assertThrows(AnalysisLimitException.class, r::run);
        assertEquals(budget, e.budget());
        assertEquals(AttackClass.ANALYSIS_LIMIT, e.finding().attackClass());
    }
}
