package dev.pincer.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The lines of a config's keys, for locating a warning about a config that already validated
 * (the validated records carry no lines). {@code line("correlator", "listen")} is the line of the
 * {@code listen} key inside {@code correlator}; {@code line("trusted_proxies", 1)} the line of
 * that list's second item. Best effort and never throws: anything it cannot find is line 0. The
 * same bounds as {@link ConfigLoader} apply, since the file may have changed since it validated.
 */
final class ConfigLines {
    private static final ConfigLines NONE = new ConfigLines(null);

    private final Node root;

    private ConfigLines(Node root) {
        this.root = root;
    }

    /** Reads {@code file} again; a missing or unreadable file (a built-in config) gives no lines. */
    static ConfigLines of(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return NONE;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(ConfigLoader.MAX_BYTES + 1);
            return bytes.length > ConfigLoader.MAX_BYTES ? NONE : parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    static ConfigLines parse(String yaml) {
        LoadSettings settings = LoadSettings.builder()
                .setMaxAliasesForCollections(ConfigLoader.MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(ConfigLoader.MAX_BYTES)
                .build();
        try {
            int depth = 0;
            for (Event e : new Parse(settings).parseString(yaml)) {
                Event.ID id = e.getEventId();
                depth += id == Event.ID.MappingStart || id == Event.ID.SequenceStart ? 1
                        : id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd ? -1 : 0;
                if (depth > ConfigLoader.MAX_DEPTH) {
                    return NONE;
                }
            }
            return new ConfigLines(new Compose(settings).composeString(yaml).orElse(null));
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    /**
     * The 1-based line of the node at {@code path} (mapping keys as strings, list indexes as
     * integers; a scalar stands for a one-item list), or 0.
     */
    int line(Object... path) {
        Node node = root;
        int line = 0;
        for (Object step : path) {
            if (node == null) {
                return 0;
            }
            Node keyNode = null;
            Node next = null;
            if (step instanceof String key && node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                        keyNode = t.getKeyNode();
                        next = t.getValueNode();
                        break;
                    }
                }
            } else if (step instanceof Integer i && node instanceof SequenceNode s) {
                List<Node> items = s.getValue();
                next = i < items.size() ? items.get(i) : null;
            } else if (step instanceof Integer i && node instanceof ScalarNode && i == 0) {
                next = node;
            }
            if (next == null) {
                return 0;
            }
            line = Problems.line(keyNode != null ? keyNode : next);
            node = next;
        }
        return line;
    }
}
