package dev.pincer.correlator.xss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.registry.Vector;
import dev.pincer.correlator.registry.VectorFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vectors in {@code vectors/xss.txt}: each vector's {@code sink:} lines are one HTML document
 * (joined with newlines) judged by {@link XssAnalyzer} against the vector's inputs.
 */
class XssVectorsTest {
    private static final XssAnalyzer ANALYZER = new XssAnalyzer();

    static List<Vector> vectors() {
        return VectorFile.load("xss");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Vector v) {
        String html = String.join("\n", v.args());
        Finding f = ANALYZER.analyze(html, v.requestInputs());
        if (v.expect() == null) {
            assertNull(f, () -> v + " gave " + f);
            return;
        }
        assertNotNull(f, () -> v + " gave no finding");
        assertEquals(v.expect(), f.attackClass().label(), () -> v + " gave " + f);
        assertTrue(f.input() != null && v.inputs().contains(f.input()), () -> v + " names no input: " + f);
        assertTrue(f.evidence().size() <= 32 && !f.evidence().isEmpty(), () -> v + " evidence: " + f);
        if (v.expectInput() != null) {
            assertEquals(v.expectInput(), f.input().where(), () -> v + " names the wrong input: " + f);
        }
    }

    @Test
    void enoughVectors() {
        VectorFile.assertCounts(vectors(), 40, 30);
    }
}
