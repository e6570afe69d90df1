package dev.pincer.proxy.ftw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Per-engine overrides in go-ftw's format (the CRS suite's {@code coraza-overrides.yaml} and
 * friends): each entry names a rule id, its test ids and a one-line reason, and either replaces the
 * tests' {@code output} (what this engine is right to answer instead) or, with none, excludes them.
 * An entry without a reason, or one that matches no test of the suite, is an error: an override
 * must say why, and a stale one hides nothing.
 */
final class Overrides {

    /** One entry. {@code output} null: the tests are excluded. */
    record Entry(long ruleId, List<Integer> testIds, String reason, Expectation output) {

        boolean covers(FtwStage s) {
            return s.ruleId() == ruleId && testIds.contains(s.testId());
        }
    }

    static final Overrides NONE = new Overrides(List.of());

    private final List<Entry> entries;

    private Overrides(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The entry for a stage, or null. */
    Entry of(FtwStage s) {
        for (Entry e : entries) {
            if (e.covers(s)) {
                return e;
            }
        }
        return null;
    }

    /** The tests an override covers, counted once per (rule, test). */
    int testCount() {
        int n = 0;
        for (Entry e : entries) {
            n += e.testIds().size();
        }
        return n;
    }

    /** @throws IllegalArgumentException naming the file and entry for a malformed one */
    @SuppressWarnings("unchecked")
    static Overrides read(Path file) throws IOException {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(file + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(doc instanceof Map<?, ?> top) || !(top.get("test_overrides") instanceof List<?> list)) {
            throw new IllegalArgumentException(file + ": expected a mapping with test_overrides: [...]");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": test_overrides[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(where + ": expected a mapping with rule_id, test_ids and reason");
            }
            Object rule = m.get("rule_id");
            Object tests = m.get("test_ids");
            Object reason = m.get("reason");
            if (!(rule instanceof Number) || !(tests instanceof List<?> ids) || ids.isEmpty()) {
                throw new IllegalArgumentException(where + ": rule_id (a number) and test_ids (a non-empty list) are required");
            }
            if (reason == null || reason.toString().isBlank()) {
                throw new IllegalArgumentException(where + ": reason is required (one line saying why)");
            }
            List<Integer> testIds = new ArrayList<>();
            for (Object id : ids) {
                if (!(id instanceof Number n)) {
                    throw new IllegalArgumentException(where + ": test_ids holds '" + id + "', not a number");
                }
                testIds.add(n.intValue());
            }
            Expectation output;
            try {
                output = m.get("output") == null ? null : FtwSuite.expectation((Map<String, Object>) m.get("output"));
            } catch (ClassCastException | IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": output: " + e.getMessage());
            }
            out.add(new Entry(((Number) rule).longValue(), testIds, reason.toString().strip(), output));
        }
        return new Overrides(out);
    }

    /** The entries' tests that are not in the suite (a stale override), as {@code rule-test} names. */
    List<String> unmatched(List<FtwStage> suite) {
        List<String> stale = new ArrayList<>();
        for (Entry e : entries) {
            for (int id : e.testIds()) {
                boolean found = suite.stream().anyMatch(s -> s.ruleId() == e.ruleId() && s.testId() == id);
                if (!found) {
                    stale.add(e.ruleId() + "-" + id);
                }
            }
        }
        return stale;
    }
}
