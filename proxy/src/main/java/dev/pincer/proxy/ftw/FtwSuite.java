package dev.pincer.proxy.ftw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A go-ftw test suite read from a folder tree of YAML files (the CRS regression suite's
 * {@code tests/regression/tests}): every stage of every test, in file order.
 */
final class FtwSuite {

    private FtwSuite() {
    }

    /**
     * @param only when not null, only files whose name starts with it ({@code 942} or {@code 942100})
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException naming the file and test, for a file that is not go-ftw YAML
     */
    static List<FtwStage> load(Path dir, String only) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no go-ftw .yaml files under it");
        }
        List<FtwStage> out = new ArrayList<>();
        Load yaml = new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build());
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (only != null && !name.startsWith(only)) {
                continue;
            }
            Object doc;
            try {
                doc = yaml.loadFromString(Files.readString(f, StandardCharsets.UTF_8));
            } catch (YamlEngineException e) {
                throw new IllegalArgumentException(f + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (doc == null) {
                continue;
            }
            try {
                stages(name, f.getParent().getFileName().toString(), doc, out);
            } catch (ClassCastException | IllegalArgumentException e) {
                throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void stages(String file, String group, Object doc, List<FtwStage> out) {
        if (!(doc instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a go-ftw test file (expected a mapping with tests:)");
        }
        Map<String, Object> top = (Map<String, Object>) doc;
        long ruleId = number(top.get("rule_id"), ruleIdFromName(file));
        List<Map<String, Object>> tests = (List<Map<String, Object>>) top.get("tests");
        if (tests == null) {
            return;
        }
        for (Map<String, Object> t : tests) {
            int testId = (int) number(t.get("test_id"), 0);
            List<Map<String, Object>> stages = (List<Map<String, Object>>) t.get("stages");
            if (stages == null || stages.isEmpty()) {
                throw new IllegalArgumentException("test " + testId + " has no stages");
            }
            for (int s = 0; s < stages.size(); s++) {
                Map<String, Object> stage = stages.get(s);
                if (stage.containsKey("stage")) {
                    stage = (Map<String, Object>) stage.get("stage"); // the suite's older layout
                }
                Map<String, Object> input = (Map<String, Object>) stage.get("input");
                if (input == null) {
                    throw new IllegalArgumentException("test " + testId + " stage " + (s + 1) + " has no input");
                }
                byte[] request;
                try {
                    request = FtwRequests.of(input);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("test " + testId + " stage " + (s + 1) + ": " + e.getMessage());
                }
                out.add(new FtwStage(file, group, ruleId, testId, s + 1, request,
                        expectation((Map<String, Object>) stage.get("output"))));
            }
        }
    }

    /** An {@code output:} mapping (from a test, or from an override) as an expectation. */
    @SuppressWarnings("unchecked")
    static Expectation expectation(Map<String, Object> output) {
        if (output == null) {
            return new Expectation(Set.of(), Set.of(), List.of(), null, null, false);
        }
        Map<String, Object> log = (Map<String, Object>) output.get("log");
        if (log == null) {
            log = Map.of();
        }
        Set<Long> expect = ids(log.get("expect_ids"));
        if (log.get("expect_id") != null) {
            expect.add(number(log.get("expect_id"), 0));
        }
        return new Expectation(expect, ids(log.get("no_expect_ids")), statuses(output.get("status")),
                regex(log.get("match_regex"), "match_regex"), regex(log.get("no_match_regex"), "no_match_regex"),
                Boolean.TRUE.equals(output.get("expect_error")));
    }

    private static Set<Long> ids(Object o) {
        Set<Long> ids = new TreeSet<>();
        if (o instanceof List<?> l) {
            for (Object i : l) {
                ids.add(number(i, 0));
            }
        } else if (o != null) {
            ids.add(number(o, 0));
        }
        return ids;
    }

    private static List<Integer> statuses(Object o) {
        List<Integer> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object i : l) {
                out.add((int) number(i, 0));
            }
        } else if (o != null) {
            out.add((int) number(o, 0));
        }
        return out;
    }

    private static Pattern regex(Object o, String key) {
        if (o == null) {
            return null;
        }
        try {
            return Pattern.compile(o.toString());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(key + " does not compile: " + e.getDescription());
        }
    }

    private static long number(Object o, long otherwise) {
        if (o == null) {
            return otherwise;
        }
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(o.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + o + "' is not a number");
        }
    }

    private static long ruleIdFromName(String file) {
        String digits = file.replaceAll("\\D.*$", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
