package dev.pincer.correlator.deser;

import dev.pincer.correlator.registry.Vector;
import dev.pincer.correlator.registry.VectorFile;
import dev.pincer.correlator.registry.VectorRunner;
import dev.pincer.correlator.sink.SinkKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The deserialize vectors in {@code vectors/deserialize.txt}: attacks found, benign inputs left alone. */
class DeserializationVectorsTest {
    static List<Vector> vectors() {
        return VectorFile.load("deserialize");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Vector v) {
        VectorRunner.check(SinkKind.DESERIALIZE, v);
    }

    @Test
    void enoughVectors() {
        VectorFile.assertCounts(vectors(), 70, 55);
    }
}
