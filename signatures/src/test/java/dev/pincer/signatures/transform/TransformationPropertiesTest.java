package dev.pincer.signatures.transform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every registered transformation must have on hostile input: it never throws, its
 * output is a byte string (no char above 255) of bounded size, and when nothing changes it
 * returns the very instance it was given. Inputs are random byte strings (fixed seed, so a
 * failure repeats), biased towards the bytes that start escapes, comments and UTF-8 sequences,
 * plus long runs of truncated escapes.
 */
class TransformationPropertiesTest {

    private static final String SPECIAL = "%uU+&#;xX\\/*-<!>=0123456789abcdefABCDEFfF.Q9 \t\n\r\0\u000b\u000c"
            + "\u0080\u00a0\u00bf\u00c2\u00c3\u00e2\u00ed\u00f0\u00f4\u00f5\u00ff\"'^,()";

    static Stream<String> names() {
        return Transformations.names().stream();
    }

    static List<String> inputs() {
        Random random = new Random(0x5EC1A6L);
        List<String> inputs = new ArrayList<>();
        inputs.add("");
        for (int k = 0; k < 3000; k++) {
            int length = k < 2500 ? random.nextInt(24) : random.nextInt(2048);
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append(random.nextBoolean()
                        ? SPECIAL.charAt(random.nextInt(SPECIAL.length()))
                        : (char) random.nextInt(256));
            }
            inputs.add(sb.toString());
        }
        for (String unit : new String[] {"%", "%u", "%u1", "%4", "&#", "&#x", "&#0", "&", "\\", "\\x", "\\u1",
                "\\0", "/*", "*/", "<!--", "-", "\u00c3", "\u00f0\u0090", "/..", "./", "\\..", "0x4", "=", "9", "\0"}) {
            inputs.add(unit.repeat(65536 / unit.length()));
        }
        return inputs;
    }

    private static final List<String> INPUTS = inputs();

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void neverThrowsStaysBytesAndKeepsTheInstanceWhenUnchanged(String name) {
        Transformation t = Transformations.byName(name);
        for (String in : INPUTS) {
            String out = assertDoesNotThrow(() -> t.apply(in), () -> name + " threw on " + Vectors.show(in));
            if (out == null) {
                fail(name + " returned null on " + Vectors.show(in));
            }
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) > 0xFF) {
                    fail(name + " gave char " + (int) out.charAt(i) + " on " + Vectors.show(in));
                }
            }
            assertTrue(out.length() <= 4 * in.length() + 20,
                    () -> name + " grew " + in.length() + " bytes to " + out.length());
            if (out.equals(in)) {
                assertSame(in, out, () -> name + " returned an equal copy of " + Vectors.show(in));
            }
        }
    }

    /** A transformation is a pure function: the same input gives the same output. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void isDeterministic(String name) {
        Transformation t = Transformations.byName(name);
        for (String in : INPUTS.subList(0, 500)) {
            String copy = new String(in.toCharArray());
            assertTrue(t.apply(in).equals(t.apply(copy)), () -> name + " on " + Vectors.show(in));
        }
    }
}
