package dev.pincer.inspection.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.RequestInputs;
import java.util.function.Supplier;

/** What every extraction result must satisfy, whatever the request: the limits hold, and no bug showed. */
public final class Invariants {
    private Invariants() {
    }

    /**
     * @param context describes the input, printed only on failure
     */
    public static void check(RequestInputs r, int maxInputs, int maxValueChars, int maxNameChars,
            Supplier<String> context) {
        assertTrue(r.inputs().size() <= maxInputs,
                () -> "too many inputs: " + r.inputs().size() + " for " + context.get());
        for (Input in : r.inputs()) {
            assertTrue(in.name().length() <= maxNameChars, () -> "name too long in " + context.get());
            assertTrue(in.raw().length() <= maxValueChars, () -> "raw too long in " + context.get());
            assertTrue(in.decoded().length() <= maxValueChars, () -> "decoded too long in " + context.get());
        }
        String m = r.bodyMalformed();
        if (m != null) {
            assertFalse(m.startsWith("internal:"), () -> m + " for " + context.get());
            assertTrue(m.length() <= 100, () -> "reason too long: " + m);
        }
    }

    /** A byte array as escaped text, for failure messages. */
    public static String show(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xff;
            s.append(c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.toString();
    }
}
