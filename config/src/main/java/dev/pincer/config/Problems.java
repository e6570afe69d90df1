package dev.pincer.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Collects every problem found while binding one file, so a user sees them all in one go.
 * Binding never stops at the first problem: each binder reports, skips the bad value and goes on.
 */
final class Problems {
    private final String file;
    private final List<ConfigProblem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** Reports a problem at {@code node}'s line; {@code node} may be null (line unknown). */
    void add(Node node, String key, String value, String expected) {
        list.add(new ConfigProblem(file, line(node), key, value, expected));
    }

    /** Reports a problem at a known 1-based line (0: unknown). */
    void add(int line, String key, String value, String expected) {
        list.add(new ConfigProblem(file, line, key, value, expected));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** In line order (a stable sort: problems on one line stay in the order found). */
    List<ConfigProblem> list() {
        List<ConfigProblem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt(ConfigProblem::line));
        return List.copyOf(sorted);
    }

    /** The 1-based line a node starts on, or 0 when the node or its mark is absent. */
    static int line(Node node) {
        if (node == null) {
            return 0;
        }
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
