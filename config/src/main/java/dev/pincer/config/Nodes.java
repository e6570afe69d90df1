package dev.pincer.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reads of single YAML nodes. Each read either returns the value or reports one problem (key
 * path, value as written, what was expected) and returns {@code null}, so binding goes on.
 * Only the JSON schema's tags are accepted; any other explicit tag ({@code !foo}, {@code !!binary})
 * is a problem, so a file can never ask for anything but plain data.
 */
final class Nodes {
    private static final Set<Tag> STANDARD =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);
    private static final int MAX_SHOWN = 60;

    private final Problems problems;

    Nodes(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** A mapping with only {@code known} keys (any key when {@code known} is null), or null. */
    YamlMap map(Node node, String path, String expected, List<String> known) {
        return map(node, path, expected, known, List.of());
    }

    /** {@link #map(Node, String, String, List)} that also takes {@code moved} keys, to report where they went. */
    YamlMap map(Node node, String path, String expected, List<String> known, List<String> moved) {
        if (!standard(node, path)) {
            return null;
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(node, label(path), show(node), expected);
            return null;
        }
        return new YamlMap(this, m, path, known, moved);
    }

    /** The items of a list; a lone scalar counts as a one-item list when {@code scalarOk}. */
    List<Node> list(Node node, String path, String expected, boolean scalarOk) {
        if (!standard(node, path)) {
            return null;
        }
        if (node instanceof SequenceNode s) {
            return new ArrayList<>(s.getValue());
        }
        if (scalarOk && node instanceof ScalarNode && node.getTag().equals(Tag.STR)) {
            return List.of(node);
        }
        problems.add(node, path, show(node), expected);
        return null;
    }

    /** A string or integer scalar as text, for values with their own syntax (durations, sizes...). */
    String text(Node node, String path, String expected) {
        if (!standard(node, path)) {
            return null;
        }
        Tag tag = node.getTag();
        if (node instanceof ScalarNode s && (tag.equals(Tag.STR) || tag.equals(Tag.INT))) {
            return s.getValue();
        }
        problems.add(node, path, show(node), expected);
        return null;
    }

    /**
     * A value with its own syntax: {@code parser} throws {@link IllegalArgumentException} with what
     * was expected when the text is wrong, and {@code expected} describes the value in general.
     */
    <T> T parsed(Node node, String path, String expected, Function<String, T> parser) {
        String text = text(node, path, expected);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problems.add(node, path, show(node), e.getMessage());
            return null;
        }
    }

    /** A YAML integer (not a string, not a float) in {@code min..max}. */
    Long integer(Node node, String path, long min, long max) {
        String expected = "an integer from " + min + " to " + max;
        if (!standard(node, path)) {
            return null;
        }
        if (node instanceof ScalarNode s && node.getTag().equals(Tag.INT)) {
            try {
                BigInteger v = new BigInteger(s.getValue());
                if (v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0) {
                    return v.longValue();
                }
            } catch (NumberFormatException e) {
                // reported below, as any other bad value
            }
        }
        problems.add(node, path, show(node), expected);
        return null;
    }

    /** A YAML boolean: {@code true} or {@code false}, nothing else. */
    Boolean bool(Node node, String path) {
        if (!standard(node, path)) {
            return null;
        }
        if (node instanceof ScalarNode s && node.getTag().equals(Tag.BOOL)) {
            return Boolean.valueOf(s.getValue());
        }
        problems.add(node, path, show(node), "true or false");
        return null;
    }

    private boolean standard(Node node, String path) {
        if (STANDARD.contains(node.getTag())) {
            return true;
        }
        problems.add(node, label(path), node.getTag().getValue(), "plain data; no explicit tags other than !!str, !!int, "
                + "!!float, !!bool, !!null, !!seq, !!map");
        return false;
    }

    /** The key path for a report; the top-level mapping has the empty path. */
    static String label(String path) {
        return path.isEmpty() ? "(top level)" : path;
    }

    /** A value as written, for a problem report: scalars shortened and made printable. */
    static String show(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        if (!s.isPlain()) {
            return '"' + printable(s.getValue(), MAX_SHOWN) + '"';
        }
        return s.getValue().isEmpty() ? "empty" : printable(s.getValue(), MAX_SHOWN);
    }

    static String printable(String v) {
        return printable(v, MAX_SHOWN);
    }

    /** {@code v} cut to {@code max} characters, with line breaks and control characters escaped. */
    static String printable(String v, int max) {
        String s = v.length() > max ? v.substring(0, max) + "..." : v;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == '\n' ? "\\n" : c < 0x20 || c == 0x7f ? "?" : String.valueOf(c));
        }
        return sb.toString();
    }
}
