package dev.pincer.inspection.verdict.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.config.ProtectionConfig.OnAnalysisLimit;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdict policy against its tables: {@code src/test/resources/verdict/edge-policy.md} and
 * {@code sink-policy.md}, each a markdown table that docs/correlation.md shows verbatim (checked
 * here too, so the doc and the code cannot drift). A row's {@code any} stands for every value of
 * its column; a row lists the finding classes by their labels, {@code -} for none.
 */
class PolicyTableTest {
    private static final Path DIR = Path.of("src/test/resources/verdict");
    private static final Path DOC = Path.of("../docs/correlation.md");

    /** One finding of a row: its class, and for an anomaly-scored block its score and the block's threshold. */
    record Spec(AttackClass c, int score, int threshold) {
    }

    record EdgeRow(String line, Mode mode, Outcome.Kind kind, List<Spec> classes, Boolean sensor,
                   EdgeAction action) {
        @Override
        public String toString() {
            return line;
        }
    }

    record SinkRow(String line, Mode mode, AttackClass finding, OnAnalysisLimit onLimit, SinkAction action) {
        @Override
        public String toString() {
            return line;
        }
    }

    static Stream<EdgeRow> edgeRows() throws IOException {
        return rows("edge-policy.md").stream().map(c -> new EdgeRow(String.join(" | ", c), mode(c.get(0)),
                Outcome.Kind.valueOf(c.get(1).toUpperCase(Locale.ROOT)), classes(c.get(2)),
                c.get(3).equals("any") ? null : c.get(3).equals("connected"), EdgeAction.ofLabel(c.get(4))));
    }

    static Stream<SinkRow> sinkRows() throws IOException {
        return rows("sink-policy.md").stream().map(c -> new SinkRow(String.join(" | ", c), mode(c.get(0)),
                c.get(1).equals("-") ? null : label(c.get(1)),
                c.get(2).equals("any") ? null : OnAnalysisLimit.valueOf(c.get(2).toUpperCase(Locale.ROOT)),
                SinkAction.ofLabel(c.get(3))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeRows")
    void edge(EdgeRow row) {
        Outcome outcome = outcome(row.kind(), row.classes());
        for (boolean sensor : row.sensor() == null ? new boolean[] {true, false} : new boolean[] {row.sensor()}) {
            assertEquals(row.action(), Policy.edge(row.mode(), outcome, sensor), row + " (sensor " + sensor + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sinkRows")
    void sink(SinkRow row) {
        List<OnAnalysisLimit> limits = row.onLimit() == null ? List.of(OnAnalysisLimit.values())
                : List.of(row.onLimit());
        for (OnAnalysisLimit l : limits) {
            assertEquals(row.action(), Policy.sink(row.mode(), row.finding(), l), row + " (" + l + ")");
        }
    }

    /** Beyond the table's examples: in hybrid mode with a sensor, a block is a suspect exactly for the sink-covered classes. */
    @ParameterizedTest
    @EnumSource(AttackClass.class)
    void hybridWithSensorSuspectsExactlyTheSinkCoveredClasses(AttackClass c) {
        EdgeAction a = Policy.edge(Mode.HYBRID, outcome(Outcome.Kind.BLOCK, unscored(c)), true);

        assertEquals(c.sinkCovered() ? EdgeAction.SUSPECT : EdgeAction.BLOCK, a, c.label());
        assertEquals(EdgeAction.BLOCK, Policy.edge(Mode.HYBRID, outcome(Outcome.Kind.BLOCK, unscored(c)), false));
    }

    @ParameterizedTest
    @MethodSource("tables")
    void theDocShowsTheSameTable(String file) throws IOException {
        List<String> table = Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8);
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        assertTrue(doc.contains(String.join("\n", table) + "\n"),
                "docs/correlation.md must show " + file + " verbatim, header to last row");
    }

    static Stream<String> tables() {
        return Stream.of("edge-policy.md", "sink-policy.md");
    }

    private static Outcome outcome(Outcome.Kind kind, List<Spec> classes) {
        List<Finding> findings = new ArrayList<>();
        int threshold = 0;
        for (Spec s : classes) {
            findings.add(new Finding("test", s.c(), null, "a " + s.c().label() + " finding", s.score()));
            threshold = Math.max(threshold, s.threshold());
        }
        return switch (kind) {
            case CONTINUE -> Outcome.CONTINUE;
            case SUSPECT -> Outcome.suspect(findings);
            case BLOCK -> new Outcome(Outcome.Kind.BLOCK, 403, findings, List.of(), threshold);
        };
    }

    /** The body rows of a markdown table, each as its trimmed cells with backticks removed. */
    private static List<List<String>> rows(String file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8);
        for (String line : lines.subList(2, lines.size())) {
            String inner = line.strip();
            inner = inner.substring(1, inner.length() - 1);
            List<String> cells = new ArrayList<>();
            for (String cell : inner.split("\\|")) {
                cells.add(cell.replace("`", "").strip());
            }
            out.add(cells);
        }
        return out;
    }

    private static Mode mode(String cell) {
        return Mode.valueOf(cell.toUpperCase(Locale.ROOT));
    }

    /** {@code sqli, protocol 3/5}: classes, each optionally with its score and the block's threshold. */
    private static List<Spec> classes(String cell) {
        if (cell.equals("-")) {
            return List.of();
        }
        List<Spec> out = new ArrayList<>();
        for (String l : cell.split(",")) {
            String[] parts = l.strip().split(" ");
            if (parts.length == 1) {
                out.add(new Spec(label(parts[0]), 0, 0));
            } else {
                String[] st = parts[1].split("/");
                out.add(new Spec(label(parts[0]), Integer.parseInt(st[0]), Integer.parseInt(st[1])));
            }
        }
        return out;
    }

    private static List<Spec> unscored(AttackClass c) {
        return List.of(new Spec(c, 0, 0));
    }

    private static AttackClass label(String label) {
        for (AttackClass c : AttackClass.values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("attack class: " + label);
    }
}
