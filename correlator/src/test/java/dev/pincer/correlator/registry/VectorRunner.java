package dev.pincer.correlator.registry;

import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.inspection.verdict.AttackClass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.correlator.drift.ExecBaseline;
import dev.pincer.correlator.sink.SinkKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link Vector} through the registry's analyzers for its kind, unguarded (an exception
 * fails the test rather than reading as "no finding"), and checks the verdict: no finding for
 * {@code allow}; for {@code block}, a finding of that attack class, naming one of the vector's
 * inputs (for the input-correlated classes), the one {@code expect-input:} names if given, and
 * with bounded evidence.
 */
public final class VectorRunner {
    /** The redirect allowlist every vector file is written against. */
    public static final List<String> ALLOWLIST = List.of("partner.example.org", "*.trusted-cdn.example");
    private static final Set<AttackClass> INPUT_FREE = Set.of(AttackClass.DESERIALIZATION, AttackClass.EXEC_DRIFT,
            AttackClass.JNDI_INJECTION);
    private static final Map<SinkKind, List<SinkAnalyzer>> ANALYZERS = Analyzers.build(config(ExecPolicy.ALLOW), null);

    private VectorRunner() {
    }

    public static CorrelatorConfig config(ExecPolicy exec) {
        return new CorrelatorConfig(CorrelatorConfig.DEFAULT_LISTEN, "0123456789abcdef0123", CorrelatorConfig.DEFAULT_VERDICT_TIMEOUT,
                8, 1 << 20, 64, CorrelatorConfig.DEFAULT_CONTEXT_TTL, 1000, ALLOWLIST, exec, null);
    }

    /** The unguarded registry, for tests that must see exceptions. */
    public static Map<SinkKind, List<SinkAnalyzer>> unguarded(ExecPolicy exec, ExecBaseline baseline) {
        return Analyzers.build(config(exec), baseline);
    }

    public static void check(SinkKind kind, Vector v) {
        Finding f = Analyzers.firstFinding(ANALYZERS.get(kind), v.call(kind), v.requestInputs());
        if (v.expect() == null) {
            assertNull(f, () -> v + " gave " + f);
            return;
        }
        assertNotNull(f, () -> v + " gave no finding");
        assertEquals(v.expect(), f.attackClass().label(), () -> v + " gave " + f);
        assertTrue(f.evidence().size() <= 32, () -> "evidence too long: " + f);
        if (!INPUT_FREE.contains(f.attackClass())) {
            assertTrue(f.input() != null && v.inputs().contains(f.input()), () -> v + " names no input: " + f);
        }
        if (v.expectInput() != null) {
            assertEquals(v.expectInput(), f.input() == null ? null : f.input().where(),
                    () -> v + " names the wrong input: " + f);
        }
    }
}
