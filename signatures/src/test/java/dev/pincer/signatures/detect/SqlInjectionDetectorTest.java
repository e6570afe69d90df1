package dev.pincer.signatures.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pincer's own SQLi vectors (sqli-attacks.txt) and benign values (sqli-benign.txt). */
class SqlInjectionDetectorTest {

    static List<Arguments> attacks() {
        return Vectors.read("sqli-attacks.txt");
    }

    static List<Arguments> benign() {
        return Vectors.read("sqli-benign.txt");
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("attacks")
    void detectsAttack(String fingerprint, String value, String where) {
        String got = SqlInjectionDetector.detect(value);
        assertNotNull(got, where + " not detected: " + value);
        if (fingerprint != null) {
            assertEquals(fingerprint, got, where);
        }
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("benign")
    void passesBenign(String ignored, String value, String where) {
        assertNull(SqlInjectionDetector.detect(value), where + " flagged: " + value);
    }

    @Test
    void emptyAndNullAreNotInjection() {
        assertNull(SqlInjectionDetector.detect(""));
        assertNull(SqlInjectionDetector.detect(null));
    }

    /** {@code {x} folds away entirely (MySQL's {@code { x expr }}); the random test found it. */
    @Test
    void valueThatFoldsToNothing() {
        assertNull(SqlInjectionDetector.detect("{Udn"));
        assertNull(SqlInjectionDetector.detect("{x}"));
    }

    /** Every byte value, alone and around a quote, must be handled without an exception. */
    @Test
    void everyByteIsHandled() {
        for (char c = 0; c < 256; c++) {
            SqlInjectionDetector.detect(String.valueOf(c));
            SqlInjectionDetector.detect("1" + c + "'" + c + "or" + c + "1=1" + c);
            SqlInjectionDetector.detect(c + "\"" + c + "/*" + c + "#" + c + "--" + c);
        }
    }
}
