package dev.pincer.correlator.registry;

import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.inspection.verdict.AttackClass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.correlator.drift.ExecBaseline;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry: every kind covered, exec ordering per policy, guards in place. */
class AnalyzersTest {
    @Test
    void everyKindHasAnalyzersOfThatKind() {
        Map<SinkKind, List<SinkAnalyzer>> m = Analyzers.create(VectorRunner.config(ExecPolicy.ALLOW), null);
        for (SinkKind k : SinkKind.values()) {
            List<SinkAnalyzer> list = m.get(k);
            assertNotNull(list, k.label());
            list.forEach(a -> assertEquals(k, a.kind(), a.toString()));
        }
        assertEquals(1, m.get(SinkKind.EXEC).size());
    }

    @Test
    void execDriftComesAfterCommandInjection() {
        Map<SinkKind, List<SinkAnalyzer>> deny = Analyzers.create(VectorRunner.config(ExecPolicy.DENY), null);
        assertEquals(List.of("CommandInjectionAnalyzer", "ExecDriftAnalyzer"),
                deny.get(SinkKind.EXEC).stream().map(Object::toString).toList());
        SinkCall call = new SinkCall("c", SinkKind.EXEC, List.of("sh", "-c", "ping 1;id"), Map.of(), "");
        RequestInputs inputs = new RequestInputs(List.of(Input.plain(InputSource.QUERY, "h", "1;id")), null, false);
        assertEquals(AttackClass.COMMAND_INJECTION, Analyzers.firstFinding(deny.get(SinkKind.EXEC), call, inputs).attackClass());
        assertEquals(AttackClass.EXEC_DRIFT,
                Analyzers.firstFinding(deny.get(SinkKind.EXEC), call, RequestInputs.EMPTY).attackClass());
    }

    @Test
    void baselinePolicyNeedsTheBaseline() {
        assertThrows(NullPointerException.class, () -> Analyzers.create(VectorRunner.config(ExecPolicy.BASELINE), null));
        Map<SinkKind, List<SinkAnalyzer>> m = Analyzers.create(VectorRunner.config(ExecPolicy.BASELINE),
                new ExecBaseline(List.of()));
        assertEquals(2, m.get(SinkKind.EXEC).size());
    }

    @Test
    void readsTheBaselineFileNamedInTheConfig(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("baseline.txt");
        Files.writeString(file, "not-a-hash\t/usr/bin/ls\n");
        CorrelatorConfig bad = withBaseline(file);
        IOException e = assertThrows(IOException.class, () -> Analyzers.create(bad));
        assertTrue(e.getMessage().startsWith(file + ":1: "), e.getMessage());
        Files.writeString(file, "# pincer exec baseline v1\n");
        assertEquals(2, Analyzers.create(withBaseline(file)).get(SinkKind.EXEC).size());
    }

    private static CorrelatorConfig withBaseline(Path file) {
        CorrelatorConfig c = VectorRunner.config(ExecPolicy.BASELINE);
        return new CorrelatorConfig(c.listen(), c.token(), c.verdictTimeout(), c.maxSensors(),
                c.maxFrameBytes(), c.maxInFlight(), c.contextTtl(), c.maxContexts(),
                c.redirectAllowlist(), c.exec(), file);
    }

    @Test
    void guardTurnsAnAnalyzerBugIntoAnAnalysisLimit() {
        SinkAnalyzer throwing = new SinkAnalyzer() {
            @Override
            public SinkKind kind() {
                return SinkKind.SQL;
            }

            @Override
            public Finding analyze(SinkCall call, RequestInputs inputs) {
                throw new IllegalStateException("bug");
            }
        };
        SinkCall call = new SinkCall("c", SinkKind.SQL, List.of("SELECT 1"), Map.of(), "");
        Finding f = new Guarded(throwing).analyze(call, RequestInputs.EMPTY);
        assertEquals(AttackClass.ANALYSIS_LIMIT, f.attackClass());
        assertEquals(List.of("analyzer_failure"), f.evidence());
    }

    @Test
    void noAnalyzersNoFinding() {
        assertNull(Analyzers.firstFinding(null, new SinkCall("", SinkKind.SQL, List.of(), Map.of(), ""), RequestInputs.EMPTY));
    }
}
