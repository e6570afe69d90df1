package dev.pincer.signatures.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRS v4.28 in full: {@code crs-setup.conf.example} and every {@code rules/*.conf}, loaded the
 * way an operator loads them (one file of {@code Include}s, one of them a glob), parse into the
 * exact directive counts, and every rule's variables, operator and actions parse.
 *
 * <p>The expected figures were counted independently of the parser with grep over the
 * uncommented lines: 695 SecRule, 8 SecAction, 30 SecMarker, 5 SecDefaultAction, 55
 * SecRuleUpdateTargetById, 1 SecComponentSignature; 318 {@code @rx} (297 plain, 21 negated).
 */
class CrsRulesParseTest {

    @TempDir
    static Path temp;

    static Path crs;
    static List<Directive> directives;

    @BeforeAll
    static void load() throws IOException {
        crs = TestData.crsDir();
        Path main = temp.resolve("main.conf");
        Files.writeString(main, "# CRS as an operator includes it\n"
                + "Include \"" + crs.resolve("crs-setup.conf.example") + "\"\n"
                + "Include " + crs.resolve("rules") + "/*.conf\n");
        directives = RuleFileParser.parse(main);
    }

    @Test
    void directiveCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        directives.forEach(d -> counts.merge(d.name(), 1, Integer::sum));
        assertEquals(Map.of("SecRule", 695, "SecAction", 8, "SecMarker", 30, "SecDefaultAction", 5,
                "SecRuleUpdateTargetById", 55, "SecComponentSignature", 1), counts);
    }

    /** Files come in include order: the setup first, then the glob's matches sorted by name. */
    @Test
    void filesInIncludeOrder() throws IOException {
        LinkedHashSet<String> files = new LinkedHashSet<>();
        directives.forEach(d -> files.add(d.location().file()));
        List<String> expected = new ArrayList<>();
        expected.add(crs.resolve("crs-setup.conf.example").toString());
        try (Stream<Path> rules = Files.list(crs.resolve("rules"))) {
            rules.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf")).sorted()
                    .forEach(n -> expected.add(crs.resolve("rules").resolve(n).toString()));
        }
        // Every listed rule file holds at least one directive, so each appears.
        assertEquals(expected, List.copyOf(files));
    }

    @Test
    void everyRulePartParses() {
        Map<String, Integer> operators = new TreeMap<>();
        int chained = 0;
        List<String> withoutActions = new ArrayList<>();
        for (Directive d : directives) {
            try {
                switch (d.name()) {
                    case "SecRule" -> {
                        assertTrue(VariableParser.parse(d.argument(0)).size() >= 1);
                        OperatorSpec op = OperatorParser.parse(d.argument(1));
                        operators.merge((op.negated() ? "!" : "") + op.name(), 1, Integer::sum);
                        if (d.argument(2) == null) {
                            withoutActions.add(d.location().toString().replace(crs + "/", ""));
                            continue;
                        }
                        List<RawAction> actions = ActionParser.parse(d.argument(2));
                        for (RawAction action : actions) {
                            assertEquals(List.of(action), ActionParser.parse(action.toString()), "round trip");
                        }
                        if (actions.stream().anyMatch(a -> a.name().equals("chain"))) {
                            chained++;
                        }
                    }
                    case "SecAction", "SecDefaultAction" -> ActionParser.parse(d.argument(0));
                    case "SecRuleUpdateTargetById" -> VariableParser.parse(d.argument(1));
                    default -> { }
                }
            } catch (IllegalArgumentException e) {
                fail(d.location() + ": " + d.name() + ": " + e.getMessage());
            }
        }
        Map<String, Integer> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("!beginsWith", 1), Map.entry("!endsWith", 3), Map.entry("!eq", 4),
                Map.entry("!lt", 1), Map.entry("!pm", 2), Map.entry("!pmFromFile", 1),
                Map.entry("!rx", 21), Map.entry("!streq", 2), Map.entry("!validateByteRange", 1),
                Map.entry("!within", 6), Map.entry("contains", 4), Map.entry("detectSQLi", 2),
                Map.entry("detectXSS", 2), Map.entry("endsWith", 3), Map.entry("eq", 49),
                Map.entry("ge", 42), Map.entry("gt", 15), Map.entry("ipMatch", 2), Map.entry("lt", 189),
                Map.entry("pm", 10), Map.entry("pmFromFile", 20), Map.entry("rx", 297),
                Map.entry("streq", 7), Map.entry("unconditionalMatch", 1),
                Map.entry("validateByteRange", 5), Map.entry("validateUrlEncoding", 1),
                Map.entry("validateUtf8Encoding", 1), Map.entry("within", 3)));
        assertEquals(expected, operators);
        assertTrue(chained > 0, "CRS chains rules");
        // Two chain children take no actions: SecRule TX:EARLY_BLOCKING "@eq 1".
        assertEquals(List.of("rules/REQUEST-949-BLOCKING-EVALUATION.conf:222",
                "rules/RESPONSE-959-BLOCKING-EVALUATION.conf:232"), withoutActions);
    }

    /** Spot checks of unquoting on real rules, where an error would change what a rule matches. */
    @Test
    void spotChecks() {
        Directive r920160 = rule("920160");
        assertEquals("REQUEST_HEADERS:Content-Length", r920160.argument(0));
        assertEquals("!@rx ^\\d+$", r920160.argument(1));
        // 955350 escapes the quotes of an HTML attribute inside its double-quoted operator.
        assertEquals("@contains <h1 style=\"margin-bottom: 0\">webadmin.php</h1>", rule("955350").argument(1));
        // 942220's message holds \" inside single quotes: the backslash is gone at directive
        // level (\" is the directive's escape) and the action value keeps the text.
        RawAction msg = ActionParser.parse(rule("942220").argument(2)).stream()
                .filter(a -> a.name().equals("msg")).findFirst().orElseThrow();
        assertEquals("Looking for integer overflow attacks, these are taken from skipfish, except "
                + "2.2.2250738585072011e-308 is the \"magic number\" crash", msg.value());
        Directive setup = directives.stream().filter(d -> d.name().equals("SecAction")).findFirst().orElseThrow();
        assertTrue(setup.argument(0).startsWith("id:900990,"), setup.argument(0));
        assertEquals(crs.resolve("crs-setup.conf.example").toString(), setup.location().file());
    }

    /** The two example exclusion files are comments only, and parse to nothing. */
    @Test
    void exampleExclusionFilesParse() {
        assertEquals(List.of(), RuleFileParser.parse(crs.resolve("rules/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf.example")));
        assertEquals(List.of(), RuleFileParser.parse(crs.resolve("rules/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf.example")));
    }

    private static Directive rule(String id) {
        return directives.stream()
                .filter(d -> d.name().equals("SecRule") && d.argument(2) != null
                        && d.argument(2).startsWith("id:" + id + ","))
                .findFirst().orElseThrow(() -> new AssertionError("no rule " + id));
    }
}
