package dev.pincer.signatures.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.signatures.regex.CrsCorpus;
import dev.pincer.signatures.regex.CrsCorpus.OperatorUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operator use in CRS v4.28's rule files creates through {@link Operators#create}, and every
 * {@code .data} file of CRS loads as a phrase list.
 */
class CrsOperatorsTest {

    /** Every operator name is in the registry now; kept empty so a future exception is visible. */
    static final Set<String> ELSEWHERE = Set.of();

    @Test
    void everyCrsOperatorCreates() {
        List<OperatorUse> uses = CrsCorpus.operators();
        assertTrue(uses.size() > 650, "found " + uses.size() + " operator uses");
        List<String> failures = new ArrayList<>();
        int created = 0;
        for (OperatorUse use : uses) {
            if (ELSEWHERE.contains(use.name())) {
                continue;
            }
            try {
                Operators.create(use.name(), use.argument(), CrsCorpus.rulesDir());
                created++;
            } catch (IllegalArgumentException e) {
                failures.add(use + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
        System.out.println("CRS operators: " + created + " of " + uses.size() + " uses created");
    }

    /** The hot path never throws: every CRS operator on hostile byte strings, up to 64 KiB. */
    @Test
    void crsOperatorsNeverThrowOnHostileValues() {
        java.util.Random random = new java.util.Random(7);
        List<String> values = new ArrayList<>(List.of("", "%", "\u0000", "::", "1.2.3.4/", "99999999999999999999999",
                "\u00ff\u00fe", "<".repeat(65536), "a%".repeat(32768)));
        for (int i = 0; i < 20; i++) {
            char[] bytes = new char[random.nextInt(4096)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (char) random.nextInt(256);
            }
            values.add(new String(bytes));
        }
        OperatorVectorsTest.RecordingContext ctx = new OperatorVectorsTest.RecordingContext(true);
        for (OperatorUse use : CrsCorpus.operators()) {
            if (ELSEWHERE.contains(use.name())) {
                continue;
            }
            Operator op = Operators.create(use.name(), use.argument(), CrsCorpus.rulesDir());
            for (String v : values) {
                op.matches(ctx, v);
            }
        }
    }

    @Test
    void everyCrsDataFileLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CrsCorpus.rulesDir())) {
            files = list.filter(f -> f.toString().endsWith(".data")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "found " + files.size() + " data files");
        OperatorVectorsTest.RecordingContext ctx = new OperatorVectorsTest.RecordingContext(true);
        for (Path f : files) {
            Operator op = Operators.create("pmFromFile", f.getFileName().toString(), CrsCorpus.rulesDir());
            assertFalse(op.matches(ctx, ""), f + " matches the empty value");
            String firstPhrase = Files.readAllLines(f, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> !DataFiles.isComment(l)).findFirst().orElseThrow();
            assertTrue(op.matches(ctx, "xx" + firstPhrase.toUpperCase() + "xx"), f + " misses " + firstPhrase);
        }
    }
}
