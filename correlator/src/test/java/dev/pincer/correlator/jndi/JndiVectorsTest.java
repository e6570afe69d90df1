package dev.pincer.correlator.jndi;

import dev.pincer.correlator.registry.Vector;
import dev.pincer.correlator.registry.VectorFile;
import dev.pincer.correlator.registry.VectorRunner;
import dev.pincer.correlator.sink.SinkKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The jndi vectors in {@code vectors/jndi.txt}: attacks found, benign inputs left alone. */
class JndiVectorsTest {
    static List<Vector> vectors() {
        return VectorFile.load("jndi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Vector v) {
        VectorRunner.check(SinkKind.JNDI, v);
    }

    @Test
    void enoughVectors() {
        VectorFile.assertCounts(vectors(), 30, 30);
    }
}
