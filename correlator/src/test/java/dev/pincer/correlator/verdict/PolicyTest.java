package dev.pincer.correlator.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pincer.config.CorrelatorConfig.Mode;
import dev.pincer.correlator.analyzer.AttackClass;
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

    @Test
    void firstFindingWins() {
        SinkAnalyzer first = new Fixed(new Finding(AttackClass.SQL_INJECTION, null, List.of(), "first"));
        SinkAnalyzer second = new Fixed(new Finding(AttackClass.SQL_INJECTION, null, List.of(), "second"));
        Counter errors = errors();
        AnalyzerChain chain = new AnalyzerChain(Map.of(SinkKind.SQL, List.of(new Fixed(null), first, second)), errors);
        assertSame(first.analyze(null, null), chain.analyze(sql(), RequestInputs.EMPTY));
    }

    @Test
    void aThrowingAnalyzerIsNoFindingAndCounted() {
        Counter errors = errors();
        SinkAnalyzer found = new Fixed(FINDING);
        AnalyzerChain chain = new AnalyzerChain(Map.of(SinkKind.SQL,
                List.of(new FakeAnalyzers.Throwing(SinkKind.SQL), found)), errors);
        assertSame(FINDING, chain.analyze(sql(), RequestInputs.EMPTY), "the next analyzer still runs");
        chain.analyze(sql(), RequestInputs.EMPTY);
        assertEquals(2, errors.labels("sql").get());
        AnalyzerChain alone = new AnalyzerChain(Map.of(SinkKind.SQL, List.of(new FakeAnalyzers.Throwing(SinkKind.SQL))),
                errors);
        assertNull(alone.analyze(sql(), RequestInputs.EMPTY));
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
