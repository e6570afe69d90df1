package dev.pincer.signatures.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action's compile-time facts and runtime effects, from the vector files {@code actions.tsv}
 * and {@code runtime.tsv} beside this class.
 */
class ActionsTest {

    static Stream<Arguments> actions() throws IOException {
        return rows("actions.tsv").stream().map(r -> Arguments.of(r[0], r.length > 1 ? r[1] : ""));
    }

    static Stream<Arguments> runtime() throws IOException {
        return rows("runtime.tsv").stream().map(r -> Arguments.of(r[0], field(r, 1), field(r, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void describesWhatItSets(String text, String expected) {
        String name = text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
        String value = text.contains(":") ? text.substring(text.indexOf(':') + 1) : null;
        if (expected.startsWith("error: ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Actions.create(name, value));
            assertTrue(e.getMessage().contains(expected.substring(7)), e.getMessage());
            return;
        }
        RecordingSink sink = new RecordingSink();
        Actions.create(name, value).describe(sink);
        assertEquals(expected, String.join(" | ", sink.facts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtime")
    void runsWithItsEffect(String text, String before, String expected) {
        String name = text.substring(0, text.indexOf(':'));
        RecordingSink sink = new RecordingSink();
        Actions.create(name, text.substring(text.indexOf(':') + 1)).describe(sink);
        assertEquals(1, sink.runtime.size(), text + " is a runtime action");
        FakeContext ctx = new FakeContext();
        for (String kv : before.split(";")) {
            if (!kv.isEmpty()) {
                ctx.vars.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        sink.runtime.get(0).execute(ctx);
        List<String> vars = new ArrayList<>();
        ctx.vars.forEach((k, v) -> vars.add(k + "=" + v));
        List<String> out = new ArrayList<>();
        out.add(String.join(";", vars));
        out.addAll(ctx.calls);
        assertEquals(expected.trim(), String.join(" | ", out).trim());
    }

    private static String field(String[] row, int i) {
        return row.length > i ? row[i] : "";
    }

    static List<String[]> rows(String file) throws IOException {
        try (InputStream in = ActionsTest.class.getResourceAsStream(file)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        }
    }

}
