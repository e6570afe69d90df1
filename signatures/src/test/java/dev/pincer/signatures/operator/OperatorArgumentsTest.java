package dev.pincer.signatures.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading rejects bad operators and arguments with {@link IllegalArgumentException} and a precise reason. */
class OperatorArgumentsTest {

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of("detectSQLi", "x", "@detectSQLi takes no argument"),
                Arguments.of("detectXSS", "x", "@detectXSS takes no argument"),
                Arguments.of("geoLookup", "GEO", "@geoLookup takes no argument"),
                Arguments.of("rbl", " ", "@rbl needs the block list's DNS zone"),
                Arguments.of("@nope", "", "unknown operator '@nope'"),
                Arguments.of("rx", "(a", "@rx: bad regex"),
                Arguments.of("rx", "(?<!a", "@rx: bad regex"),
                Arguments.of("rx", "(?U)a", "unsupported inline flag 'U'"),
                Arguments.of("pm", "   ", "@pm: @pm needs at least one phrase"),
                Arguments.of("eq", "abc", "@eq: @eq expects an integer or a macro, got 'abc'"),
                Arguments.of("lt", "", "@lt expects an integer or a macro"),
                Arguments.of("ge", "1.5", "@ge expects an integer or a macro, got '1.5'"),
                Arguments.of("validateByteRange", "", "needs ranges"),
                Arguments.of("validateByteRange", "1-256", "byte value out of 0-255: 256 in range '1-256'"),
                Arguments.of("validateByteRange", "20-10", "invalid range: 20-10"),
                Arguments.of("validateByteRange", "a-b", "not a byte value: 'a' in range 'a-b'"),
                Arguments.of("validateByteRange", "1,,2", "not a byte value: '' in range ''"),
                Arguments.of("validateByteRange", "1-2-3", "not a byte value: '2-3'"),
                Arguments.of("ipMatch", "", "no address or range given"),
                Arguments.of("ipMatch", "1.2.3", "not an IPv4 address: '1.2.3'"),
                Arguments.of("ipMatch", "1.2.3.4/33", "bad prefix length in '1.2.3.4/33' (expected 1-32)"),
                Arguments.of("ipMatch", "1.2.3.4/0", "bad prefix length"),
                Arguments.of("ipMatch", "::1/129", "(expected 1-128)"),
                Arguments.of("ipMatch", "1::2::3", "not an IPv6 address: '1::2::3'"),
                Arguments.of("ipMatch", "10.0.0.1,evil", "not an IPv4 address: 'evil'"),
                Arguments.of("pmFromFile", "https://example.com/list.data", "remote data file"),
                Arguments.of("pmf", "http://example.com/list.data", "remote data file"),
                Arguments.of("ipMatchFromFile", "https://example.com/ips", "remote data file"),
                Arguments.of("pmFromFile", "", "no data file named"),
                Arguments.of("pmFromFile", "missing.data", "cannot read data file 'missing.data'"));
    }

    @ParameterizedTest(name = "@{0} {1}")
    @MethodSource("badArguments")
    void rejectsWithAPreciseReason(String name, String argument, String reason, @TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Operators.create(name, argument, dir));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void rejectsADataFileWithNoPhrase(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("empty.data"), "# only a comment\n\n");
        assertEquals("@pmFromFile: data file 'empty.data' holds no phrase",
                assertThrows(IllegalArgumentException.class,
                        () -> Operators.create("pmFromFile", "empty.data", dir)).getMessage());
    }

    @Test
    void rejectsAnOversizedDataFile(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.data");
        Files.write(big, new byte[DataFiles.MAX_FILE_BYTES + 1]);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Operators.create("pmFromFile", "big.data", dir)).getMessage().contains("at most"));
    }

    @Test
    void namesAreCaseInsensitiveWithOrWithoutTheAt() {
        OperatorVectorsTest.RecordingContext ctx = new OperatorVectorsTest.RecordingContext(false);
        assertTrue(Operators.create("@RX", "a", null).matches(ctx, "a"));
        assertTrue(Operators.create("PMFROMFILE", "phrases.data", dirOf()).matches(ctx, "/etc/passwd"));
        assertTrue(Operators.create("BeginsWith", "a", null).matches(ctx, "ab"));
    }

    @Test
    void namesListsEveryOperatorOnce() {
        assertEquals(28, Operators.names().size());
        assertTrue(Operators.names().containsAll(java.util.List.of("rx", "pm", "pmFromFile", "pmf",
                "streq", "contains", "containsWord", "beginsWith", "endsWith", "within", "strmatch",
                "eq", "ge", "gt", "le", "lt", "ipMatch", "ipMatchFromFile", "ipMatchF",
                "validateByteRange", "validateUrlEncoding", "validateUtf8Encoding",
                "unconditionalMatch", "noMatch", "detectSQLi", "detectXSS", "geoLookup", "rbl")));
    }

    private static Path dirOf() {
        try {
            return OperatorVectorsTest.resourceDir();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
