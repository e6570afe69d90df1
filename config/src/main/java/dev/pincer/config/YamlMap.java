package dev.pincer.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML mapping being bound, with its key path ({@code upstreams.app}). Building it reports
 * non-string keys, duplicate keys and unknown keys. The typed getters return the default when a
 * key is absent, and also when its value is bad (after reporting it) so binding can go on.
 */
final class YamlMap {
    private final Nodes nodes;
    private final MappingNode node;
    private final String path;
    private final Map<String, Node> keys = new LinkedHashMap<>();
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final List<String> moved;

    YamlMap(Nodes nodes, MappingNode node, String path, List<String> known) {
        this(nodes, node, path, known, List.of());
    }

    /**
     * @param moved keys that are no longer read here but are bound to report where they went: kept
     *              as values (so {@link #has} sees them) and never listed as expected
     */
    YamlMap(Nodes nodes, MappingNode node, String path, List<String> known, List<String> moved) {
        this.nodes = nodes;
        this.moved = moved;
        this.node = node;
        this.path = path;
        for (NodeTuple t : node.getValue()) {
            add(t.getKeyNode(), t.getValueNode(), known);
        }
    }

    private void add(Node keyNode, Node value, List<String> known) {
        Problems problems = nodes.problems();
        Tag tag = keyNode.getTag();
        if (!(keyNode instanceof ScalarNode k) || !(tag.equals(Tag.STR) || tag.equals(Tag.INT))) {
            problems.add(keyNode, Nodes.label(path), Nodes.show(keyNode), "a plain string key");
            return;
        }
        String key = k.getValue();
        if (keys.containsKey(key)) {
            problems.add(keyNode, path(key), "duplicate key",
                    "each key once per mapping (first at line " + Problems.line(keys.get(key)) + ")");
            return;
        }
        keys.put(key, keyNode);
        if (known != null && !known.contains(key) && !moved.contains(key)) {
            problems.add(keyNode, path(key), "unknown key", "one of " + String.join(", ", known));
            return;
        }
        values.put(key, value);
    }

    /** The path of a key in this mapping: {@code upstreams.app.servers}. */
    String path(String key) {
        return path.isEmpty() ? key : path + "." + Nodes.printable(key);
    }

    MappingNode node() {
        return node;
    }

    Nodes nodes() {
        return nodes;
    }

    /** Every valid (non-duplicate, known) key with its value, in file order. */
    Map<String, Node> entries() {
        return values;
    }

    /** The key node of {@code key}, for reporting at the key's line. */
    Node keyNode(String key) {
        return keys.get(key);
    }

    Node get(String key) {
        return values.get(key);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of a required key, or null after reporting it missing at this mapping's line. */
    Node require(String key, String expected) {
        Node v = values.get(key);
        if (v == null && !keys.containsKey(key)) {
            nodes.problems().add(node, path(key), null, expected);
        }
        return v;
    }

    Duration duration(String key, Duration dflt) {
        return parsed(key, dflt, Durations.EXPECTED, Durations::parse);
    }

    long size(String key, long dflt, long min, long max) {
        return parsed(key, dflt, Sizes.expected(min, max), t -> Sizes.parse(t, min, max));
    }

    long integer(String key, long dflt, long min, long max) {
        Node v = get(key);
        Long r = v == null ? null : nodes.integer(v, path(key), min, max);
        return r == null ? dflt : r;
    }

    boolean bool(String key, boolean dflt) {
        Node v = get(key);
        Boolean r = v == null ? null : nodes.bool(v, path(key));
        return r == null ? dflt : r;
    }

    <T> T parsed(String key, T dflt, String expected, Function<String, T> parser) {
        Node v = get(key);
        T r = v == null ? null : nodes.parsed(v, path(key), expected, parser);
        return r == null ? dflt : r;
    }
}
