package dev.pincer.correlator.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.config.ProtectionConfig.OnAnalysisLimit;
import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.registry.Analyzers;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.FakeAnalyzers;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PolicyTest {
    private static final Finding FINDING = new Finding(AttackClass.SQL_INJECTION, null, List.of("'"), "why");

    @ParameterizedTest(name = "{0} {1} finding={2} -> {3} {4} {5}")
    @CsvFileSource(resources = "/verdict/policy.csv", numLinesToSkip = 1)
    void table(String mode, String kind, String finding, String verdict, String cache, String action, String cls) {
        SinkKind k = SinkKind.valueOf(kind.toUpperCase(Locale.ROOT));
        SinkCall call = new SinkCall("", k, List.of("x"), Map.of(), "");
        Decision d = new Policy(Mode.valueOf(mode.toUpperCase(Locale.ROOT))).decide(call,
                finding.equals("yes") ? FINDING : null);
        assertEquals(verdict, d.verdict().name().toLowerCase(Locale.ROOT));
        assertEquals(cache, d.cache().name().toLowerCase(Locale.ROOT));
        assertEquals(action, d.action().label());
        assertEquals(cls == null ? "" : cls, d.wireAttackClass());
        assertEquals(cls == null ? "" : "why", d.wireReason());
    }

    @ParameterizedTest(name = "{0} on_analysis_limit={1} -> {2} {3}")
    @CsvFileSource(resources = "/verdict/analysis-limit.csv", numLinesToSkip = 1)
    void analysisLimit(String mode, String onLimit, String verdict, String action, String cls) {
        Finding limit = new AnalysisLimitException("sql_tokens", "too many").finding();
        Decision d = new Policy(Mode.valueOf(mode.toUpperCase(Locale.ROOT)),
                OnAnalysisLimit.valueOf(onLimit.toUpperCase(Locale.ROOT))).decide(sql(), limit);
        assertEquals(verdict, d.verdict().name().toLowerCase(Locale.ROOT));
        assertEquals(action, d.action().label());
        assertEquals(cls == null ? "" : cls, d.wireAttackClass());
        assertSame(limit, d.finding(), "the event carries the limit's reason either way");
        assertEquals(CacheScope.REQUEST, d.cache());
    }

    /** A request whose route has its own mode is decided in it; a request without one in the policy's. */
    @Test
    void aRequestsOwnModeWins() {
        Policy hybrid = new Policy(Mode.HYBRID);

        assertEquals(Action.MONITOR, hybrid.decide(sql(), FINDING, Mode.MONITOR).action());
        assertEquals(Mode.MONITOR, hybrid.decide(sql(), FINDING, Mode.MONITOR).mode());
        assertEquals(Action.OBSERVED, hybrid.decide(sql(), FINDING, Mode.EDGE).action());
        assertEquals(Action.BLOCK, hybrid.decide(sql(), FINDING, null).action());
        assertEquals(Action.BLOCK, new Policy(Mode.MONITOR).decide(sql(), FINDING, Mode.HYBRID).action());
        assertEquals(Mode.EDGE, hybrid.decide(sql(), null, Mode.EDGE).mode(), "an allow names the request's mode too");
    }

    @Test
    void theOneArgumentPolicyBlocksAtALimit() {
        assertEquals(OnAnalysisLimit.BLOCK, new Policy(Mode.HYBRID).onAnalysisLimit());
    }

    /** A limit does not stop the chain: a later analyzer's real finding wins, and only then is the limit counted. */
    @Test
    void aLimitIsTheFallbackAndIsCounted() {
        Counter limits = errors();
        Finding limit = new AnalysisLimitException("occurrences", "many").finding();
        AnalyzerChain chain = new AnalyzerChain(Map.of(SinkKind.SQL, List.of(new Fixed(limit), new Fixed(FINDING))),
                Map.of(), errors(), limits);
        assertSame(FINDING, chain.analyze(sql(), RequestInputs.EMPTY));
        assertEquals(0, limits.labels("sql").get());
        AnalyzerChain alone = new AnalyzerChain(Map.of(SinkKind.SQL, List.of(new Fixed(limit), new Fixed(null))),
                Map.of(), errors(), limits);
        assertSame(limit, alone.analyze(sql(), RequestInputs.EMPTY));
        assertEquals(1, limits.labels("sql").get());
    }

    /** An unguarded analyzer's {@link AnalysisLimitException} is a limit finding, not an analyzer error. */
    @Test
    void aThrownLimitIsALimitNotAnError() {
        Counter errors = errors();
        Counter limits = errors();
        SinkAnalyzer throwing = new SinkAnalyzer() {
            @Override
            public SinkKind kind() {
                return SinkKind.SQL;
            }

            @Override
            public Finding analyze(SinkCall call, RequestInputs inputs) {
                throw new AnalysisLimitException("sql_tokens", "too many");
            }
        };
        Finding f = new AnalyzerChain(Map.of(SinkKind.SQL, List.of(throwing)), Map.of(), errors, limits)
                .analyze(sql(), RequestInputs.EMPTY);
        assertEquals(AttackClass.ANALYSIS_LIMIT, f.attackClass());
        assertEquals(0, errors.labels("sql").get());
        assertEquals(1, limits.labels("sql").get());
    }

    /** The argument-only judge runs only for an incomplete request, after the analyzers found nothing. */
    @Test
    void theArgumentJudgeRunsOnlyWhenInputsAreTruncated() {
        AnalyzerChain chain = new AnalyzerChain(Map.of(SinkKind.SQL, List.of(new Fixed(null))),
                Analyzers.argumentJudges(), errors(), errors());
        SinkCall tautology = new SinkCall("", SinkKind.SQL, List.of("SELECT * FROM t WHERE id = 1 OR 1=1"), Map.of(), "");
        assertNull(chain.analyze(tautology, RequestInputs.EMPTY));
        Finding f = chain.analyze(tautology, new RequestInputs(List.of(), null, true));
        assertEquals(AttackClass.SQL_INJECTION, f.attackClass());
        assertTrue(f.reason().startsWith("incomplete request: judged by the argument alone: "), f::reason);
        SinkCall benign = new SinkCall("", SinkKind.SQL, List.of("SELECT * FROM t WHERE 1=1 AND id = ?"), Map.of(), "");
        assertNull(chain.analyze(benign, new RequestInputs(List.of(), null, true)));
    }

    @Test
    void firstFindingWins() {
        SinkAnalyzer first = new Fixed(new Finding(AttackClass.SQL_INJECTION, null, List.of(), "first"));
        SinkAnalyzer second = new Fixed(new Finding(AttackClass.SQL_INJECTION, null, List.of(), "second"));
        Counter errors = errors();
        AnalyzerChain chain = new AnalyzerChain(Map.of(SinkKind.SQL, List.of(new Fixed(null), first, second)), errors);
        assertSame(first.analyze(null, null), chain.analyze(sql(), RequestInputs.EMPTY));
    }

    @Test
    void aThrowingAnalyzerIsAnAnalysisLimitAndCounted() {
        Counter errors = errors();
        SinkAnalyzer found = new Fixed(FINDING);
        AnalyzerChain chain = new AnalyzerChain(Map.of(SinkKind.SQL,
                List.of(new FakeAnalyzers.Throwing(SinkKind.SQL), found)), errors);
        assertSame(FINDING, chain.analyze(sql(), RequestInputs.EMPTY), "the next analyzer still runs");
        chain.analyze(sql(), RequestInputs.EMPTY);
        assertEquals(2, errors.labels("sql").get());
        AnalyzerChain alone = new AnalyzerChain(Map.of(SinkKind.SQL, List.of(new FakeAnalyzers.Throwing(SinkKind.SQL))),
                errors);
        Finding f = alone.analyze(sql(), RequestInputs.EMPTY);
        assertEquals(AttackClass.ANALYSIS_LIMIT, f.attackClass(), "a crash is never a pass");
        assertEquals(List.of("analyzer_failure"), f.evidence());
    }

    @Test
    void aKindWithoutAnalyzersFindsNothing() {
        assertNull(new AnalyzerChain(Map.of(), errors()).analyze(sql(), RequestInputs.EMPTY));
    }

    @Test
    void anAnalyzerUnderTheWrongKindIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnalyzerChain(
                Map.of(SinkKind.EXEC, List.of(new Fixed(null))), errors()));
    }

    private static SinkCall sql() {
        return new SinkCall("", SinkKind.SQL, List.of("select 1"), Map.of(), "");
    }

    private static Counter errors() {
        return Counter.build("e", "e").labelNames("kind").register(new CollectorRegistry(true));
    }

    private record Fixed(Finding finding) implements SinkAnalyzer {
        @Override
        public SinkKind kind() {
            return SinkKind.SQL;
        }

        @Override
        public Finding analyze(SinkCall call, RequestInputs inputs) {
            return finding;
        }
    }
}
