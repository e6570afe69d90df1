package dev.pincer.correlator.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.drift.ExecBaseline;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Worst-case shapes against every analyzer and argument judge of every kind, unguarded: deep
 * nesting, many tokens, long literals, an input that occurs thousands of times, a long input,
 * a thousand inputs. The only outcomes allowed are a verdict (finding or none) and
 * {@link AnalysisLimitException}; anything else (a stack overflow, an index error) fails. The
 * budget is asserted on the search's own step counter, never a clock. {@code WorstCaseVerdicts}
 * in bench/ times the same shapes.
 */
class AnalyzerFuzzTest {
    /** One shape: a name, the argument, and the unit it repeats (an input that occurs in it everywhere). */
    record Shape(String name, String arg, String unit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Shape> shapes() {
        return List.of(
                new Shape("deep parentheses", "(".repeat(100_000) + "x" + ")".repeat(100_000), "(("),
                new Shape("many tokens", "a,".repeat(200_000), "a,"),
                new Shape("long literal", "'" + "x".repeat(500_000) + "'", "xx"),
                new Shape("one input thousands of times", "ab".repeat(100_000), "ab"),
                new Shape("breakouts thousands of times", "';".repeat(50_000), "';"),
                new Shape("nested substitutions", "$(".repeat(50_000) + "id" + ")".repeat(50_000), "$("),
                new Shape("nested LDAP filters", "(&".repeat(50_000) + "(uid=*)" + ")".repeat(50_000), "(&"),
                new Shape("climbing path", "/srv/" + "../".repeat(100_000) + "etc/passwd", "../"),
                new Shape("long host", "http://" + "a.".repeat(100_000) + "example/", "a."),
                new Shape("stacked statements", "SELECT 1;".repeat(50_000), "1;"),
                new Shape("tautology chain", "SELECT * FROM t WHERE " + "a=1 OR 1=1 ".repeat(50_000), "OR 1=1"),
                new Shape("backslashes and quotes", "'\\'".repeat(100_000), "\\'"),
                new Shape("xpath or chain", "//u[" + "n='' or '1'='1' ".repeat(30_000) + "]", "' or '"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyAnalyzerAnswersWithinItsBudget(Shape s) {
        Map<SinkKind, List<SinkAnalyzer>> analyzers = VectorRunner.unguarded(ExecPolicy.BASELINE,
                new ExecBaseline(List.of()));
        Map<SinkKind, ArgumentJudge> judges = Analyzers.argumentJudges();
        for (RequestInputs inputs : inputSets(s)) {
            assertSearchBounded(s.arg(), inputs);
            for (SinkKind kind : SinkKind.values()) {
                List<String> args = kind == SinkKind.EXEC ? List.of("sh", "-c", s.arg()) : List.of(s.arg(), s.arg(), "read");
                SinkCall call = new SinkCall("ctx", kind, args, Map.of("request.host", "app.example"), "");
                for (SinkAnalyzer a : analyzers.get(kind)) {
                    verdictOrLimit(() -> a.analyze(call, inputs), s + " / " + kind.label() + " / " + a);
                }
                ArgumentJudge j = judges.get(kind);
                if (j != null) {
                    verdictOrLimit(() -> j.judge(call), s + " / " + kind.label() + " / argument judge");
                }
            }
        }
    }

    /**
     * Issue 8's exec shapes: the argument as a {@code Runtime.exec(String)} command (split on
     * blanks, with and without a consistent {@code exec.command}), as an option element of an argv
     * the app built, and as environment values and names.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void execFormsAnswerWithinTheirBudget(Shape s) {
        Map<SinkKind, List<SinkAnalyzer>> analyzers = VectorRunner.unguarded(ExecPolicy.ALLOW, null);
        List<String> split = new ArrayList<>();
        for (java.util.StringTokenizer t = new java.util.StringTokenizer("find " + s.arg()); t.hasMoreTokens();) {
            split.add(t.nextToken());
        }
        List<SinkCall> calls = List.of(
                new SinkCall("ctx", SinkKind.EXEC, split, Map.of("exec.form", "string", "exec.command", "find " + s.arg()), ""),
                new SinkCall("ctx", SinkKind.EXEC, split, Map.of("exec.form", "string"), ""),
                new SinkCall("ctx", SinkKind.EXEC, List.of("tool", "-" + s.arg(), "--", "-" + s.arg()), Map.of(), ""),
                new SinkCall("ctx", SinkKind.EXEC, List.of("tool"), Map.of("env.LD_PRELOAD", s.arg(), "env.X", s.arg(),
                        "env." + s.unit(), s.arg(), "exec.env_truncated", "3"), ""));
        for (RequestInputs inputs : inputSets(s)) {
            for (SinkCall call : calls) {
                for (SinkAnalyzer a : analyzers.get(SinkKind.EXEC)) {
                    verdictOrLimit(() -> a.analyze(call, inputs), s + " / exec " + call.attrs().keySet() + " / " + a);
                }
            }
        }
    }

    private static List<RequestInputs> inputSets(Shape s) {
        List<Input> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(Input.plain(InputSource.FORM, "p" + i, s.unit() + i));
        }
        String slice = s.arg().substring(0, Math.min(s.arg().length(), 64 * 1024));
        return List.of(one(s.unit()), one(slice), new RequestInputs(many, null, true));
    }

    private static RequestInputs one(String v) {
        return new RequestInputs(List.of(Input.plain(InputSource.QUERY, "q", v)), null, true);
    }

    private static void assertSearchBounded(String arg, RequestInputs inputs) {
        int longest = inputs.inputs().stream().mapToInt(in -> in.raw().length() * 6).max().orElse(0);
        Occurrences.Result r = Occurrences.find(arg, inputs, Occurrences.Options.standard());
        assertTrue(r.work() <= Occurrences.MAX_WORK + arg.length() + longest, () -> "work " + r.work());
        assertTrue(r.hits().size() <= Occurrences.MAX_HITS, () -> "hits " + r.hits().size());
        long chars = r.hits().stream().mapToLong(h -> h.end() - h.start()).sum();
        assertTrue(chars <= Occurrences.MAX_HIT_CHARS + longest, () -> "hit chars " + chars);
        for (Hit h : r.hits()) {
            assertTrue(h.start() >= 0 && h.end() <= arg.length());
        }
    }

    private static void verdictOrLimit(Runnable r, String what) {
        try {
            r.run();
        } catch (AnalysisLimitException e) {
            assertTrue(e.finding().reason().startsWith("analysis limit "), e::getMessage);
        } catch (RuntimeException | StackOverflowError e) {
            fail(what + " threw " + e, e);
        }
    }
}
