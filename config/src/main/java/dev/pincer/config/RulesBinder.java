package dev.pincer.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds {@code protection.rules} (a list of rule files and globs), {@code protection.paranoia_level},
 * {@code protection.anomaly_thresholds}, {@code protection.value_memo}, and
 * {@code routes[i].protection.rule_exclusions}. The
 * rule files themselves are parsed and compiled by inspection/ when the config is applied; a
 * problem there names the rule file, its line and the directive.
 */
final class RulesBinder {
    static final List<String> KEYS = List.of("rules", "paranoia_level", "anomaly_thresholds", "value_memo");
    private static final List<String> THRESHOLD_KEYS = List.of("inbound", "outbound");
    private static final List<String> EXCLUSION_KEYS = List.of("ids", "tags", "targets");
    private static final List<String> TARGET_KEYS = List.of("ids", "tag", "target");
    private static final Pattern IDS = Pattern.compile("[1-9][0-9]{0,17}(-[1-9][0-9]{0,17})?");
    private static final Pattern TARGET = Pattern.compile("[A-Za-z_]+(:.+)?");
    private static final int MAX_FILES = 1000;
    private static final int MAX_ITEMS = 10_000;

    private RulesBinder() {
    }

    static RulesConfig bind(Nodes nodes, YamlMap protection, Path baseDir) {
        List<String> files = List.of();
        if (protection.has("rules")) {
            files = files(nodes, protection.get("rules"), protection.path("rules"), baseDir);
        }
        Integer level = protection.has("paranoia_level")
                ? (int) protection.integer("paranoia_level", 1, 1, 4) : null;
        Integer inbound = null;
        Integer outbound = null;
        if (protection.has("anomaly_thresholds")) {
            YamlMap t = nodes.map(protection.get("anomaly_thresholds"), protection.path("anomaly_thresholds"),
                    "a mapping with inbound and outbound", THRESHOLD_KEYS);
            if (t != null) {
                inbound = t.has("inbound") ? (int) t.integer("inbound", 5, 1, 10_000) : null;
                outbound = t.has("outbound") ? (int) t.integer("outbound", 4, 1, 10_000) : null;
            }
        }
        boolean memo = protection.bool("value_memo", true);
        if (files.isEmpty() && (level != null || inbound != null || outbound != null || protection.has("value_memo"))) {
            nodes.problems().add(protection.node(), protection.path("rules"), "(none)",
                    "rule files, which paranoia_level, anomaly_thresholds and value_memo apply to");
        }
        return new RulesConfig(files, level, inbound, outbound, memo);
    }

    private static List<String> files(Nodes nodes, Node node, String path, Path baseDir) {
        List<Node> items = nodes.list(node, path, "a list of rule files and globs", true);
        if (items == null) {
            return List.of();
        }
        if (items.size() > MAX_FILES) {
            nodes.problems().add(node, path, items.size() + " entries", "at most " + MAX_FILES);
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String p = path + "[" + i + "]";
            String text = nodes.text(items.get(i), p, "a rule file or glob");
            if (text == null) {
                continue;
            }
            Path resolved = baseDir == null ? Path.of(text) : baseDir.resolve(text);
            boolean glob = text.contains("*") || text.contains("?") || text.contains("[");
            Path mustExist = glob ? resolved.getParent() : resolved;
            if (mustExist == null || !(glob ? Files.isDirectory(mustExist) : Files.isRegularFile(mustExist))) {
                nodes.problems().add(items.get(i), p, text, glob ? "a glob in an existing directory"
                        : "an existing rule file (resolved to " + resolved.toAbsolutePath() + ")");
                continue;
            }
            out.add(resolved.toAbsolutePath().normalize().toString());
        }
        return out;
    }

    static RuleExclusions bindExclusions(Nodes nodes, Node node, String path) {
        YamlMap m = nodes.map(node, path, "a mapping with ids, tags and targets", EXCLUSION_KEYS);
        if (m == null) {
            return RuleExclusions.NONE;
        }
        List<String> ids = m.has("ids") ? strings(nodes, m.get("ids"), m.path("ids"), IDS,
                "a rule id or range such as 942100 or 942100-942199") : List.of();
        List<String> tags = m.has("tags") ? strings(nodes, m.get("tags"), m.path("tags"), null, "a rule tag")
                : List.of();
        List<RuleExclusions.Target> targets = new ArrayList<>();
        if (m.has("targets")) {
            List<Node> items = nodes.list(m.get("targets"), m.path("targets"), "a list of {ids or tag, target}", false);
            for (int i = 0; items != null && i < items.size() && i < MAX_ITEMS; i++) {
                String p = m.path("targets") + "[" + i + "]";
                YamlMap t = nodes.map(items.get(i), p, "a mapping with ids or tag, and target", TARGET_KEYS);
                if (t == null) {
                    continue;
                }
                String ids1 = t.has("ids") ? one(nodes, t.get("ids"), t.path("ids"), IDS,
                        "a rule id or range such as 942100 or 942100-942199") : null;
                String tag = t.has("tag") ? one(nodes, t.get("tag"), t.path("tag"), null, "a rule tag") : null;
                String target = t.has("target") ? one(nodes, t.get("target"), t.path("target"), TARGET,
                        "one variable such as ARGS:password") : null;
                if ((ids1 == null) == (tag == null) || target == null) {
                    nodes.problems().add(items.get(i), p, Nodes.show(items.get(i)),
                            "exactly one of ids and tag, and a target");
                    continue;
                }
                targets.add(new RuleExclusions.Target(ids1, tag, target));
            }
        }
        return new RuleExclusions(ids, tags, targets);
    }

    private static List<String> strings(Nodes nodes, Node node, String path, Pattern syntax, String expected) {
        List<Node> items = nodes.list(node, path, "a list: " + expected, true);
        List<String> out = new ArrayList<>();
        for (int i = 0; items != null && i < items.size() && i < MAX_ITEMS; i++) {
            String v = one(nodes, items.get(i), path + "[" + i + "]", syntax, expected);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static String one(Nodes nodes, Node node, String path, Pattern syntax, String expected) {
        String v = nodes.text(node, path, expected);
        if (v == null) {
            return null;
        }
        if (v.isBlank() || (syntax != null && !syntax.matcher(v.trim()).matches())) {
            nodes.problems().add(node, path, Nodes.show(node), expected);
            return null;
        }
        return v.trim();
    }
}
