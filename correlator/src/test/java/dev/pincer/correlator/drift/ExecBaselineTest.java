package dev.pincer.correlator.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The baseline file: round trip, lookups, and problem reports that name file and line. */
class ExecBaselineTest {
    private static final String H1 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String H2 = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryEntry() throws IOException {
        ExecBaseline b = new ExecBaseline(List.of(
                new ExecBaseline.Entry(H1, "/usr/bin/convert", null),
                new ExecBaseline.Entry(H2.toUpperCase(), "/usr/bin/python3", "/usr/bin/python3.11"),
                new ExecBaseline.Entry(H1, "/opt/app/bin/report tool", null)));
        Path file = dir.resolve("baseline.txt");
        b.write(file);
        ExecBaseline read = ExecBaseline.load(file);
        assertEquals(b.entries(), read.entries());
        assertTrue(Files.readString(file).startsWith(ExecBaseline.HEADER));
    }

    @Test
    void looksUpByHashAnyCaseAndByLinkOrTarget() throws IOException {
        ExecBaseline b = ExecBaseline.parse(List.of("# comment", "", H1 + "\t/usr/bin/convert",
                H2 + "\t/usr/bin/python3\t/usr/bin/python3.11"), "mem");
        assertTrue(b.containsHash(H1.toUpperCase()));
        assertTrue(b.containsPath("/usr/bin/python3"));
        assertTrue(b.containsPath("/usr/bin/python3.11"));
        assertFalse(b.containsPath("/tmp/x"));
        assertFalse(b.containsHash(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not a hash|xyz\t/usr/bin/ls|baseline.txt:2: \"xyz\" is not a SHA-256 (expected: 64 hex digits)",
        "one field|" + H1 + "|baseline.txt:2: 1 tab-separated field(s)",
        "relative path|" + H1 + "\tbin/ls|baseline.txt:2: \"bin/ls\" is not an absolute path",
        "relative link target|" + H1 + "\t/usr/bin/py\tpython3|baseline.txt:2: \"python3\" is not an absolute path",
        "four fields|" + H1 + "\t/a\t/b\t/c|baseline.txt:2: 4 tab-separated field(s)",
        "spaces instead of a tab|" + H1 + "  /usr/bin/ls|baseline.txt:2: 1 tab-separated field(s)",
    })
    void malformedLineIsReportedWithFileAndLine(String name, String line, String expected) throws IOException {
        Path file = dir.resolve("baseline.txt");
        Files.writeString(file, "# pincer exec baseline v1\n" + line.replace("\\t", "\t") + "\n", StandardCharsets.UTF_8);
        BaselineFormatException e = assertThrows(BaselineFormatException.class, () -> ExecBaseline.load(file));
        String msg = e.getMessage().replace(file.getParent() + java.io.File.separator, "");
        assertTrue(msg.startsWith(expected), msg);
    }

    @Test
    void everyBadLineIsReported() {
        BaselineFormatException e = assertThrows(BaselineFormatException.class,
                () -> ExecBaseline.parse(List.of("bad", H1 + "\t/ok", "worse\t/x"), "b.txt"));
        assertEquals(2, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("b.txt:1: "));
        assertTrue(e.problems().get(1).startsWith("b.txt:3: "));
    }
}
