package dev.pincer.correlator.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which readings a file CHECK's {@code fs} attr asks for, and what each reading calls a separator or a root. */
class PathPlatformTest {
    private static SinkCall call(Map<String, String> attrs) {
        return new SinkCall("ctx", SinkKind.FILE, List.of("/srv/x", "/srv/x", "stat"), attrs, "");
    }

    @ParameterizedTest(name = "fs={0}")
    @CsvSource({"unix, UNIX", "UNIX, UNIX", "windows, WINDOWS", "Windows, WINDOWS", "plan9, UNIX WINDOWS",
        "'', UNIX WINDOWS"})
    void theAttrChoosesTheReadings(String fs, String readings) {
        assertEquals(readings, String.join(" ", PathPlatform.readings(call(Map.of("fs", fs))).stream()
                .map(Enum::name).toList()));
    }

    @Test
    void noAttrMeansBothReadings() {
        assertEquals(List.of(PathPlatform.UNIX, PathPlatform.WINDOWS), PathPlatform.readings(call(Map.of())));
    }

    @Test
    void separatorsAndRootsPerPlatform() {
        assertTrue(PathPlatform.UNIX.isSep('/'));
        assertFalse(PathPlatform.UNIX.isSep('\\'));
        assertTrue(PathPlatform.WINDOWS.isSep('\\'));
        assertTrue(PathPlatform.UNIX.isAbsolute("/etc"));
        assertFalse(PathPlatform.UNIX.isAbsolute("C:\\x"));
        assertFalse(PathPlatform.UNIX.isAbsolute("\\\\server\\share"));
        assertTrue(PathPlatform.WINDOWS.isAbsolute("C:\\x"));
        assertTrue(PathPlatform.WINDOWS.isAbsolute("c:x"));
        assertTrue(PathPlatform.WINDOWS.isAbsolute("\\\\server\\share"));
        assertFalse(PathPlatform.WINDOWS.isAbsolute("x\\y"));
        assertFalse(PathPlatform.WINDOWS.isAbsolute(""));
    }
}
