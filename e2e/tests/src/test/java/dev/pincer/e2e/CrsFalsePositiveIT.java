package dev.pincer.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.e2e.corpus.Corpus;
import dev.pincer.e2e.corpus.Corpus.Case;
import dev.pincer.e2e.corpus.Corpus.Group;
import dev.pincer.e2e.harness.Attempts.Attempt;
import dev.pincer.e2e.harness.Container;
import dev.pincer.e2e.harness.Http;
import dev.pincer.e2e.harness.PincerStack;
import dev.pincer.e2e.harness.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The false-positive cut, measured: the benign corpus sent through Pincer running the OWASP CRS
 * v4.28 (from {@code ../shared/crs}) at paranoia levels 1 and 2, once in {@code edge} mode (every
 * CRS match blocks, as a classic WAF) and once in {@code hybrid} mode (a match of only sink-covered
 * classes is forwarded marked suspect and the sensor decides). Each benign request that does not
 * get its ordinary answer counts as a false positive. The table goes to stdout and to
 * {@code target/crs-false-positives.md}.
 *
 * <p>What must hold: hybrid blocks no more than edge at each level, and nothing hybrid blocks is a
 * request whose only findings are sink-covered (the point of hybrid).
 */
class CrsFalsePositiveIT {
    private static final Http HTTP = new Http();

    /** The attack classes a connected sensor decides in hybrid mode (docs/rules.md's table). */
    private static final java.util.Set<String> SINK_COVERED = java.util.Set.of("sqli", "command_injection",
            "path_traversal", "ssrf", "open_redirect", "ldap_injection", "xpath_injection", "deserialization",
            "jndi_injection");

    private record Run(String mode, int paranoia, int sent, List<String> blocked, List<String> sinkOnly) {
    }

    @Test
    void hybridBlocksFewerBenignRequestsThanEdgeAtParanoiaLevelsOneAndTwo() throws Exception {
        Path crs = crs();
        String rules = "rules: [" + crs.resolve("crs-setup.conf.example") + ", \"" + crs.resolve("rules") + "/*.conf\"]";
        Map<String, Run> runs = new LinkedHashMap<>();
        for (int pl : new int[] {1, 2}) {
            for (String mode : new String[] {"edge", "hybrid"}) {
                runs.put(mode + pl, run(mode, pl, rules));
            }
        }
        String table = table(runs);
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/crs-false-positives.md"), table);
        for (int pl : new int[] {1, 2}) {
            Run edge = runs.get("edge" + pl);
            Run hybrid = runs.get("hybrid" + pl);
            assertTrue(hybrid.blocked().size() <= edge.blocked().size(), table);
            assertTrue(hybrid.sinkOnly().isEmpty(),
                    "hybrid blocked benign requests on sink-covered findings only: " + hybrid.sinkOnly());
        }
    }

    private static Run run(String mode, int paranoia, String rules) throws Exception {
        List<String> blocked = new ArrayList<>();
        List<String> sinkOnly = new ArrayList<>();
        int sent = 0;
        try (PincerStack stack = PincerStack.start(Container.TOMCAT10, HTTP, "", Map.of(),
                "mode: " + mode + "\nparanoia_level: " + paranoia + "\n" + rules)) {
            for (String file : Corpus.BENIGN_FILES) {
                for (Group g : Corpus.load(file).groups()) {
                    for (Case c : g.cases()) {
                        Attempt a = stack.attempts.send(stack.proxy, g, c, g.path(), Map.of());
                        sent++;
                        if (a.reply().status() != g.expect()) {
                            List<String> cls = classes(stack, a);
                            String line = file + " " + c.id() + " " + Cases.shown(c) + " -> " + a.reply().status()
                                    + " classes " + cls;
                            blocked.add(line);
                            if (!cls.isEmpty() && SINK_COVERED.containsAll(cls)) {
                                sinkOnly.add(line);
                            }
                        }
                    }
                }
            }
        }
        return new Run(mode, paranoia, sent, blocked, sinkOnly);
    }

    /** The attack classes of the edge findings for the attempt's request, from its security events. */
    private static List<String> classes(PincerStack stack, Attempt a) {
        String id = a.reply().header("X-Request-Id");
        List<String> out = new ArrayList<>();
        if (id == null) {
            return out;
        }
        for (Map<String, Object> e : stack.events.forRequest(id, 500)) {
            if ("edge_finding".equals(e.get("event")) && e.get("findings") instanceof List<?> fs) {
                for (Object f : fs) {
                    if (f instanceof Map<?, ?> m && m.get("attack_class") instanceof String c && !out.contains(c)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static String table(Map<String, Run> runs) {
        StringBuilder sb = new StringBuilder("\n## Benign corpus through CRS v4.28: false positives, edge vs hybrid\n\n");
        sb.append("| paranoia level | mode | benign requests | blocked |\n| --- | --- | --- | --- |\n");
        for (Run r : runs.values()) {
            sb.append("| ").append(r.paranoia()).append(" | ").append(r.mode()).append(" | ").append(r.sent())
                    .append(" | ").append(r.blocked().size()).append(" |\n");
        }
        for (Run r : runs.values()) {
            sb.append("\n### ").append(r.mode()).append(", PL").append(r.paranoia()).append('\n');
            for (String b : r.blocked()) {
                sb.append("- ").append(b.replace("|", "\\|")).append('\n');
            }
        }
        return sb.toString();
    }

    private static Path crs() {
        String prop = System.getProperty("pincer.crs.dir");
        Path d = prop != null ? Path.of(prop) : Repo.root().getParent().resolve("shared/crs");
        assertTrue(Files.isDirectory(d.resolve("rules")), "the CRS tree is expected at " + d);
        return d.toAbsolutePath();
    }
}
