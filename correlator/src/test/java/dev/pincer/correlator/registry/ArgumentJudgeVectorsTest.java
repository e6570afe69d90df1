package dev.pincer.correlator.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.sink.SinkKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The argument-only judges against {@code vectors/argument/<kind>.txt}: injected-looking
 * arguments are found with the "incomplete request" reason and no input; what apps, ORMs and
 * fixed scripts emit is left alone. Benign vectors matter as much: with {@code suspect}, every
 * false positive here is a broken page for a request that was merely large.
 */
class ArgumentJudgeVectorsTest {
    private static final Map<String, SinkKind> FILES = Map.of("sql", SinkKind.SQL, "exec", SinkKind.EXEC,
            "file", SinkKind.FILE, "ldap", SinkKind.LDAP, "xpath", SinkKind.XPATH);
    private static final Map<SinkKind, ArgumentJudge> JUDGES = Analyzers.argumentJudges();

    static List<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        FILES.forEach((file, kind) -> VectorFile.load("argument/" + file).forEach(v -> out.add(Arguments.of(kind, v))));
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("vectors")
    void vector(SinkKind kind, Vector v) {
        Finding f = JUDGES.get(kind).judge(v.call(kind));
        if (v.expect() == null) {
            assertNull(f, () -> v + " gave " + f);
            return;
        }
        assertNotNull(f, () -> v + " gave no finding");
        assertEquals(v.expect(), f.attackClass().label(), () -> v + " gave " + f);
        assertNull(f.input());
        assertTrue(f.reason().startsWith("incomplete request: judged by the argument alone: "), f::reason);
    }

    @Test
    void enoughVectorsOfBothKinds() {
        FILES.keySet().forEach(file -> VectorFile.assertCounts(VectorFile.load("argument/" + file), 4, 4));
    }

    @Test
    void everyJudgeIsRegisteredUnderItsKind() {
        assertEquals(FILES.size(), JUDGES.size());
        JUDGES.forEach((kind, judge) -> assertEquals(kind, judge.kind()));
    }
}
