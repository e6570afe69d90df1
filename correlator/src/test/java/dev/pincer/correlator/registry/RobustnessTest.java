package dev.pincer.correlator.registry;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.inspection.verdict.AttackClass;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig.ExecPolicy;
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
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile-input robustness of every registered analyzer, unguarded: random sink arguments built
 * from the characters that matter to some tokenizer, with inputs cut from them (so they occur) and
 * random ones, must never throw. Work is asserted through {@link Occurrences}' step counter, never
 * a clock: a fixed number of iterations, each within the search budget.
 */
class RobustnessTest {
    /** Fixed seed: a failure reproduces; the count is what makes the run bounded. */
    private static final long SEED = 0x5eed_0f_91ce7L;
    private static final int ITERATIONS = 6_000;
    private static final String[] FRAGMENTS = {"'", "\"", "`", "\\", "(", ")", "--", "/*", "*/", "/*!50000", "#",
        ";", "|", "&", "$(", "${", "$", "%00", "\0", "..", "/", "\\\\", "://", "@", "[", "]", "::", "=", "*", "or",
        " OR 1=1", "%", "%25", "%2e", "&#39;", "&#x2F;", "\u00a0", "\uff07", "\uff0f", "é", "\ud83d\ude00", "\ud800",
        "\udc00", " ", "\t", "\n", "\r", "0x7f", "0177.1", "127.0.0.1", "[::1]", "[::ffff:", "ldap:", "javascript:",
        "http:", "file:", "$$", "$tag$", "N'", "E'", "U&'", "{", "}", ",", "x", "abc", "42", "-", ".", "?", ":name",
        "`id`", "^", "%USERPROFILE%", "‘", "”", "sh", "-c", "cmd", "/c", "\\2a", "\\00", "(uid=", "ORDER BY ",
        "SELECT ", "1e", "0x", "..\\", "C:", "~", "!", "<", ">", "+"};

    private final Random rnd = new Random(SEED);

    @Test
    void randomCallsNeverThrow() {
        ExecBaseline baseline = new ExecBaseline(List.of());
        Map<SinkKind, List<SinkAnalyzer>> analyzers = VectorRunner.unguarded(ExecPolicy.BASELINE, baseline);
        SinkKind[] kinds = SinkKind.values();
        for (int i = 0; i < ITERATIONS; i++) {
            SinkKind kind = kinds[rnd.nextInt(kinds.length)];
            List<String> args = new ArrayList<>();
            int argc = kind == SinkKind.EXEC ? 1 + rnd.nextInt(5) : 1 + rnd.nextInt(3);
            for (int a = 0; a < argc; a++) {
                args.add(a == 0 && kind == SinkKind.EXEC && rnd.nextBoolean() ? pick("sh", "bash", "cmd.exe", "pwsh") : text(60));
            }
            if (kind == SinkKind.EXEC && args.size() > 1 && rnd.nextBoolean()) {
                args.set(1, pick("-c", "/c", "-Command", "-lc", "-EncodedCommand"));
            }
            RequestInputs inputs = inputs(args);
            // Half the calls carry a connect's attrs too (a url CHECK at socket connect), hostile as the rest.
            SinkCall call = new SinkCall("ctx", kind, args, rnd.nextBoolean()
                    ? Map.of("request.host", text(3), "exe.sha256", text(2), "exe.path", text(2))
                    : Map.of("request.host", text(3), "connect.ip", text(2), "connect.host", text(3),
                            "connect.port", text(1)), "");
            int iteration = i;
            for (SinkAnalyzer a : analyzers.get(kind)) {
                assertDoesNotThrow(() -> a.analyze(call, inputs), () -> "iteration " + iteration + ": " + call);
            }
        }
    }

    @Test
    void searchWorkStaysWithinItsBudgetOnHostileInput() {
        for (int i = 0; i < 500; i++) {
            List<String> args = List.of(text(200));
            Occurrences.Result r = Occurrences.find(args.get(0), inputs(args), Occurrences.Options.standard());
            assertTrue(r.work() <= Occurrences.MAX_WORK + 64 * 1024, () -> "work " + r.work());
            assertTrue(r.hits().size() <= Occurrences.MAX_HITS);
        }
    }

    /**
     * The largest query a frame allows with the most inputs a request can carry, every input made of
     * character pairs the query holds (so no prefilter can skip it), and repetitive text that would
     * make a naive search quadratic: the search stops at its budget and every analyzer still answers.
     */
    @Test
    void megabyteArgumentWithThousandInputsIsBounded() {
        String query = "SELECT * FROM t WHERE a IN (" + "1,".repeat(500_000) + "1) AND b = '" + "a".repeat(20_000) + "'";
        List<Input> many = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            many.add(Input.plain(InputSource.QUERY, "p" + i, i % 2 == 0 ? "1,".repeat(4 + i % 7) + "1)" : "a".repeat(1000 + i) + "'"));
        }
        RequestInputs inputs = new RequestInputs(many, null, false);
        Occurrences.Result r = Occurrences.find(query, inputs, Occurrences.Options.standard());
        assertTrue(r.exhausted(), "expected the search budget to stop a 1 MB x 1024-input search");
        assertTrue(r.work() <= Occurrences.MAX_WORK + query.length() + 1100);
        Map<SinkKind, List<SinkAnalyzer>> analyzers = VectorRunner.unguarded(ExecPolicy.ALLOW, null);
        for (SinkKind kind : SinkKind.values()) {
            SinkCall call = new SinkCall("ctx", kind, List.of(query, query), Map.of(), "");
            for (SinkAnalyzer a : analyzers.get(kind)) {
                assertDoesNotThrow(() -> {
                    try {
                        a.analyze(call, inputs);
                    } catch (AnalysisLimitException e) {
                        // the stated outcome of a budget: decided by policy
                    }
                }, kind::label);
            }
        }
    }


    /**
     * The same megabyte query and a thousand inputs of which none can occur (each has a character
     * pair the query lacks): each input costs a check of its own length instead of a scan of the
     * megabyte, so the search completes within its budget and finds nothing, rather than stopping
     * at the budget, which would decide a harmless request by policy.
     */
    @Test
    void megabyteArgumentWithThousandAbsentInputsCompletesWithinTheBudget() {
        String query = "SELECT * FROM t WHERE a IN (" + "1,".repeat(500_000) + "1) AND b = '" + "a".repeat(20_000) + "'";
        List<Input> many = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            many.add(Input.plain(InputSource.QUERY, "p" + i, i % 2 == 0 ? "1,1,1,1," + (i % 9 + 2) : "a".repeat(20) + "b"));
        }
        Occurrences.Result r = Occurrences.find(query, new RequestInputs(many, null, false), Occurrences.Options.standard());
        assertNull(r.budget(), () -> "stopped by " + r.budget() + " after " + r.work() + " steps");
        assertTrue(r.hits().isEmpty());
        assertTrue(r.work() < Occurrences.MAX_WORK, () -> "work " + r.work());
    }
    /** Deep nesting reaches no recursive parser's stack limit: the token budget decides it, by policy. */
    @Test
    void deeplyNestedQueryIsHandled() {
        String deep = "SELECT " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + "; DROP TABLE t";
        RequestInputs inputs = new RequestInputs(List.of(Input.plain(InputSource.QUERY, "q", "1" + ")".repeat(50_000)
                + "; DROP TABLE t")), null, false);
        SinkCall call = new SinkCall("ctx", SinkKind.SQL, List.of(deep), Map.of(), "");
        Finding f = Analyzers.create(VectorRunner.config(ExecPolicy.ALLOW), null).get(SinkKind.SQL).get(0)
                .analyze(call, inputs);
        assertNotNull(f);
        assertEquals(AttackClass.ANALYSIS_LIMIT, f.attackClass(), "100,000 tokens exceed the SQL token budget");
    }

    private RequestInputs inputs(List<String> args) {
        List<Input> out = new ArrayList<>();
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            String v;
            String src = args.get(rnd.nextInt(args.size()));
            if (rnd.nextInt(3) > 0 && !src.isEmpty()) {
                int a = rnd.nextInt(src.length());
                int b = a + rnd.nextInt(src.length() - a) + 1;
                v = src.substring(a, b);
            } else {
                v = text(8);
            }
            InputSource source = InputSource.values()[rnd.nextInt(InputSource.values().length)];
            out.add(new Input(source, "p" + i, rnd.nextBoolean() ? v : text(4), v));
        }
        return new RequestInputs(out, null, false);
    }

    private String text(int maxFragments) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(maxFragments + 1);
        for (int i = 0; i < n; i++) {
            b.append(FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
        }
        return b.toString();
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }
}
