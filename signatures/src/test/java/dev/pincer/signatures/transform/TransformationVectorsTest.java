package dev.pincer.signatures.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every vector of {@code transformations.tsv} (written from libmodsecurity v3's source):
 * the output must be byte-exact, and when it equals the input it must be the input instance.
 */
class TransformationVectorsTest {

    static List<Vectors.Vector> vectors() throws IOException {
        return Vectors.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void givesTheExpectedBytes(Vectors.Vector v) {
        Transformation t = Transformations.byName(v.name());
        String out = t.apply(v.input());
        assertEquals(Vectors.show(v.expected()), Vectors.show(out), v.toString());
        assertEquals(v.expected(), out, v.toString());
        if (v.expected().equals(v.input())) {
            assertSame(v.input(), out, v + ": unchanged, so the same instance");
        }
    }

    /** Several vectors per transformation, so that none is covered by one happy case only. */
    @Test
    void everyRegisteredNameHasAtLeastThreeVectors() throws IOException {
        Map<String, Integer> count = new TreeMap<>();
        for (String name : Transformations.names()) {
            count.put(name, 0);
        }
        for (Vectors.Vector v : Vectors.load()) {
            count.merge(Transformations.byName(v.name()).name(), 1, Integer::sum);
        }
        count.entrySet().removeIf(e -> e.getValue() >= 3
                || e.getKey().equals("normalisePath") || e.getKey().equals("normalisePathWin"));
        assertTrue(count.isEmpty(), "too few vectors: " + count);
    }
}
