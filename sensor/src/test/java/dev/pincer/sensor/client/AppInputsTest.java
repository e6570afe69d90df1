package dev.pincer.sensor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The bounds of the app's own view, each at its limit and at limit + 1, and the INPUTS encoding. */
class AppInputsTest {
    private static String chars(int n) {
        return "a".repeat(n);
    }

    @ParameterizedTest(name = "{0} entries: kept {1}, truncated {2}")
    @CsvSource({"0, 0, false", "1, 1, false", "512, 512, false", "513, 512, true", "2000, 512, true"})
    void entryLimit(int added, int kept, boolean truncated) {
        AppInputs in = new AppInputs();
        for (int i = 0; i < added; i++) {
            in.add(AppInputs.PARAMETER, "p" + i, "v");
        }
        assertEquals(kept, in.size());
        assertEquals(truncated, in.truncated());
    }

    @ParameterizedTest(name = "name of {0} chars: kept {1}, truncated {2}")
    @CsvSource({"255, 255, false", "256, 256, false", "257, 256, true"})
    void nameLimit(int length, int kept, boolean truncated) {
        AppInputs in = new AppInputs();
        in.add(AppInputs.HEADER, chars(length), "v");
        assertEquals(kept, in.name(0).length());
        assertEquals(truncated, in.truncated());
    }

    @ParameterizedTest(name = "value of {0} chars: kept {1}, truncated {2}")
    @CsvSource({"8191, 8191, false", "8192, 8192, false", "8193, 8192, true"})
    void valueLimit(int length, int kept, boolean truncated) {
        AppInputs in = new AppInputs();
        in.add(AppInputs.COOKIE, "c", chars(length));
        assertEquals(kept, in.value(0).length());
        assertEquals(truncated, in.truncated());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        AppInputs in = new AppInputs();
        in.add(AppInputs.PARAMETER, "q", chars(8191) + "\uD83D\uDE00");
        assertEquals(8191, in.value(0).length());
        assertTrue(in.truncated());
    }

    @Test
    void onlyTheThreeSourcesExist() {
        assertThrows(IllegalArgumentException.class, () -> new AppInputs().add(4, "x", "y"));
        assertThrows(IllegalArgumentException.class, () -> new AppInputs().add(0, "x", "y"));
    }

    /** Frame of one entry with an n-byte value: 4+1+4 (head) + 4+3 (ctx) + 1+2 + 1+4+1 (name) + 4+n. */
    private static int oneEntryFrame(int valueBytes) {
        return 4 + 1 + 4 + 4 + 3 + 1 + 2 + 1 + 4 + 1 + 4 + valueBytes;
    }

    @ParameterizedTest(name = "frame cap {0} bytes: entries {1}, truncated {2}")
    @CsvSource({"1000, 1, false", "999, 0, true"})
    void frameByteLimit(int cap, int entries, boolean truncated) throws Exception {
        AppInputs in = new AppInputs();
        in.add(AppInputs.PARAMETER, "q", chars(1000 - oneEntryFrame(0)));
        assertEquals(1000, oneEntryFrame(in.value(0).length()));
        byte[] frame = Frames.inputs("abc", in, cap);
        assertTrue(frame.length <= cap);
        ByteBuffer b = ByteBuffer.wrap(frame);
        assertEquals(frame.length - 4, b.getInt());
        assertEquals(0x12, b.get());
        assertEquals(0, b.getInt(), "stream 0");
        byte[] ctx = new byte[b.getInt()];
        b.get(ctx);
        assertEquals("abc", new String(ctx, StandardCharsets.UTF_8));
        assertEquals(truncated ? 1 : 0, b.get());
        assertEquals(entries, b.getShort());
    }

    @Test
    void encodesEachEntryAsSourceNameValue() throws Exception {
        AppInputs in = new AppInputs();
        in.add(AppInputs.HEADER, "user-agent", "curl/8.5");
        in.add(AppInputs.COOKIE, "sid", "é");
        byte[] frame = Frames.inputs("ctx1", in, AppInputs.MAX_FRAME_BYTES);
        Frames.Cursor c = new Frames.Cursor(java.util.Arrays.copyOfRange(frame, 9, frame.length));
        assertEquals("ctx1", c.str());
        assertEquals(0, c.u8());
        assertEquals(2, c.u16());
        assertEquals(2, c.u8());
        assertEquals("user-agent", c.str());
        assertEquals("curl/8.5", c.str());
        assertEquals(3, c.u8());
        assertEquals("sid", c.str());
        assertEquals("é", c.str());
        c.end();
        assertFalse(in.truncated());
    }

    @Test
    void aWholeViewAtItsBoundsFitsTheFrameOrSaysItWasCut() {
        AppInputs in = new AppInputs();
        for (int i = 0; i < AppInputs.MAX_ENTRIES; i++) {
            in.add(AppInputs.PARAMETER, "p" + i, chars(AppInputs.MAX_VALUE_CHARS));
        }
        byte[] frame = Frames.inputs("abc", in, AppInputs.MAX_FRAME_BYTES);
        assertTrue(frame.length <= AppInputs.MAX_FRAME_BYTES);
        assertEquals(1, frame[4 + 1 + 4 + 4 + 3], "truncated flag");
    }

    @Test
    void timeoutFrame() throws Exception {
        byte[] f = Frames.timeout(7, false);
        assertEquals(10, f.length);
        assertEquals(0x31, f[4]);
        assertEquals(7, ByteBuffer.wrap(f, 5, 4).getInt());
        assertEquals(0, f[9]);
        assertEquals(1, Frames.timeout(7, true)[9]);
        assertThrows(IllegalArgumentException.class, () -> Frames.timeout(0, false));
    }
}
