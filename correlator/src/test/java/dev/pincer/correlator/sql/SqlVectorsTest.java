package dev.pincer.correlator.sql;

import dev.pincer.correlator.registry.Vector;
import dev.pincer.correlator.registry.VectorFile;
import dev.pincer.correlator.registry.VectorRunner;
import dev.pincer.correlator.sink.SinkKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SQL injection vectors in {@code vectors/sql.txt}: attacks found, benign inputs left alone. */
class SqlVectorsTest {
    static List<Vector> vectors() {
        return VectorFile.load("sql");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Vector v) {
        VectorRunner.check(SinkKind.SQL, v);
    }

    @Test
    void enoughVectors() {
        VectorFile.assertCounts(vectors(), 30, 30);
    }
}
