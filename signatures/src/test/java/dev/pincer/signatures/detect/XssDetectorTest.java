package dev.pincer.signatures.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pincer's own XSS vectors (xss-attacks.txt) and benign values (xss-benign.txt). */
class XssDetectorTest {

    static List<Arguments> attacks() {
        return Vectors.read("xss-attacks.txt");
    }

    static List<Arguments> benign() {
        return Vectors.read("xss-benign.txt");
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("attacks")
    void detectsAttack(String ignored, String value, String where) {
        assertTrue(XssDetector.detect(value), where + " not detected: " + value);
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("benign")
    void passesBenign(String ignored, String value, String where) {
        assertFalse(XssDetector.detect(value), where + " flagged: " + value);
    }

    @Test
    void emptyAndNullAreNotXss() {
        assertFalse(XssDetector.detect(""));
        assertFalse(XssDetector.detect(null));
    }

    /** Every byte value in every position of a tag must be handled without an exception. */
    @Test
    void everyByteIsHandled() {
        for (char c = 0; c < 256; c++) {
            String b = String.valueOf(c);
            XssDetector.detect(b);
            XssDetector.detect("<" + b + "a" + b + "=" + b + "'" + b + "\"" + b + "`" + b + ">");
            XssDetector.detect("<!" + b + "-" + b + "<?" + b + "&#" + b + "</" + b);
        }
    }
}
