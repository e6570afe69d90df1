package dev.pincer.correlator.deser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pincer.config.CorrelatorConfig.Deserialization;
import dev.pincer.config.CorrelatorConfig.DeserializationMode;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.registry.Vector;
import dev.pincer.correlator.registry.VectorFile;
import dev.pincer.correlator.sink.SinkKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code vectors/deserialize-allowlist.txt}, judged in allowlist mode with the policy its header states. */
class DeserializationAllowlistVectorsTest {
    static final Deserialization POLICY = new Deserialization(DeserializationMode.ALLOWLIST,
            List.of("com.example.shop.", "com.example.audit.Entry", "java.util.", "java.rmi.server.RemoteObject"));
    private static final DeserializationAnalyzer ANALYZER = new DeserializationAnalyzer(POLICY);

    static List<Vector> vectors() {
        return VectorFile.load("deserialize-allowlist");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Vector v) {
        Finding f = ANALYZER.analyze(v.call(SinkKind.DESERIALIZE), v.requestInputs());
        if (v.expect() == null) {
            assertNull(f, () -> v + " gave " + f);
            return;
        }
        assertNotNull(f, () -> v + " gave no finding");
        assertEquals(v.expect(), f.attackClass().label(), () -> v + " gave " + f);
        assertNull(f.input(), () -> "a deserialization finding names no input: " + f);
    }

    @Test
    void enoughVectors() {
        VectorFile.assertCounts(vectors(), 15, 25);
    }
}
