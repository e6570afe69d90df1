package dev.pincer.correlator.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pincer.inspection.hint.InputHint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link SinkKind} (codes, labels, hint bits) and {@link InputHint}'s bits against the tables
 * "Sink kinds" and "Hint bits" of docs/sensor-protocol.md, parsed from the markdown, so the
 * spec and the correlator cannot drift apart.
 */
class SinkKindTableTest {
    private static final Path SPEC = Path.of("../docs/sensor-protocol.md");

    @Test
    void sinkKindsMatchTheSpec() throws IOException {
        Map<Integer, String> spec = new TreeMap<>();
        for (List<String> row : table("### Sink kinds")) {
            spec.put(Integer.parseInt(row.get(0)), row.get(1));
        }
        Map<Integer, String> code = new TreeMap<>();
        for (SinkKind k : SinkKind.values()) {
            code.put(k.code(), k.label());
            assertEquals(k, SinkKind.ofCode(k.code()));
        }
        assertEquals(spec, code);
        assertNull(SinkKind.ofCode(0));
        assertNull(SinkKind.ofCode(SinkKind.values().length + 1), "the first code past the table is unknown");
    }

    @Test
    void hintBitsMatchTheSpec() throws IOException {
        Map<String, Integer> spec = new TreeMap<>();
        Map<String, Integer> bits = new TreeMap<>();
        for (List<String> row : table("### Hint bits")) {
            int bit = Integer.parseInt(row.get(0));
            bits.put(row.get(1), bit);
            for (String kind : row.get(2).split(",")) {
                spec.put(kind.strip(), bit);
            }
        }
        assertEquals(Map.of("syntax", InputHint.SYNTAX, "path", InputHint.PATH, "url", InputHint.URL), bits);
        assertEquals(InputHint.ALL, InputHint.SYNTAX | InputHint.PATH | InputHint.URL);
        Map<String, Integer> code = new TreeMap<>();
        for (SinkKind k : SinkKind.values()) {
            if (k.hint() != 0) {
                code.put(k.label(), k.hint());
            }
            assertEquals(k.hint() == 0, !spec.containsKey(k.label()), k + ": always checked iff in no hint row");
        }
        assertEquals(spec, code);
    }

    /** The body rows of the first table after {@code heading}, cells trimmed, backticks removed. */
    static List<List<String>> table(String heading) throws IOException {
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
            String inner = lines.get(i).strip();
            List<String> cells = new ArrayList<>();
            for (String c : inner.substring(1, inner.length() - 1).split("\\|")) {
                cells.add(c.replace("`", "").strip());
            }
            rows.add(cells);
        }
        return rows;
    }
}
