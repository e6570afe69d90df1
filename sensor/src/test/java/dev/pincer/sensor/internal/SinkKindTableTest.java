package dev.pincer.sensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pincer.sensor.bootstrap.Bridge;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sensor's one table of sink kinds ({@link Bridge}'s codes, {@code kindName}, {@code kindHint},
 * read through {@link Kinds}) against the tables "Sink kinds" and "Hint bits" of
 * docs/sensor-protocol.md, parsed from the markdown, so the spec and the sensor cannot drift.
 */
class SinkKindTableTest {
    private static final Path SPEC = Path.of("../docs/sensor-protocol.md");

    @Test
    void kindCodesAndNamesMatchTheSpec() throws Exception {
        Map<Integer, String> spec = new TreeMap<>();
        for (List<String> row : table("### Sink kinds")) {
            spec.put(Integer.parseInt(row.get(0)), row.get(1));
        }
        Map<Integer, String> constants = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        for (String name : spec.values()) {
            Field f = Bridge.class.getField(name.toUpperCase(Locale.ROOT));
            assertEquals(int.class, f.getType());
            assertFalse(!Modifier.isStatic(f.getModifiers()) || !Modifier.isFinal(f.getModifiers()), f.toString());
            constants.put(f.getInt(null), name);
        }
        for (int code = 1; code <= spec.size(); code++) {
            names.put(code, Kinds.name(code));
        }
        assertEquals(spec, constants, "Bridge's constants");
        assertEquals(spec, names, "Bridge.kindName");
        assertNull(Bridge.kindName(0));
        assertNull(Bridge.kindName(spec.size() + 1), "the first code past the table is unknown");
        assertEquals(-1, Bridge.kindHint(spec.size() + 1));
        assertFalse(Kinds.alwaysChecked(spec.size() + 1), "an unknown kind is not always checked");
    }

    @Test
    void hintBitsMatchTheSpec() throws IOException {
        Map<String, Integer> bits = new TreeMap<>();
        Map<String, Integer> spec = new TreeMap<>();
        for (List<String> row : table("### Hint bits")) {
            int bit = Integer.parseInt(row.get(0));
            bits.put(row.get(1), bit);
            for (String kind : row.get(2).split(",")) {
                spec.put(kind.trim(), bit);
            }
        }
        assertEquals(Map.of("syntax", Bridge.HINT_SYNTAX, "path", Bridge.HINT_PATH, "url", Bridge.HINT_URL), bits);
        Map<String, Integer> code = new TreeMap<>();
        for (List<String> row : table("### Sink kinds")) {
            int kind = Integer.parseInt(row.get(0));
            int hint = Bridge.kindHint(kind);
            if (hint != 0) {
                code.put(row.get(1), hint);
            }
            assertEquals(hint == 0, Kinds.alwaysChecked(kind), row.get(1));
            assertEquals(!spec.containsKey(row.get(1)), Kinds.alwaysChecked(kind),
                    row.get(1) + ": always checked iff in no hint row");
        }
        assertEquals(spec, code);
    }

    /** The body rows of the first table after {@code heading}, cells trimmed, backticks removed. */
    private static List<List<String>> table(String heading) throws IOException {
        List<String> lines = Files.readAllLines(SPEC, StandardCharsets.UTF_8);
        int i = lines.indexOf(heading);
        if (i < 0) {
            throw new IllegalStateException("no heading " + heading + " in " + SPEC);
        }
        while (!lines.get(i).startsWith("|")) {
            i++;
        }
        List<List<String>> rows = new ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String inner = lines.get(i).trim();
            List<String> cells = new ArrayList<>();
            for (String c : inner.substring(1, inner.length() - 1).split("\\|")) {
                cells.add(c.replace("`", "").trim());
            }
            rows.add(cells);
        }
        return rows;
    }
}
