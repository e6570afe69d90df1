package dev.pincer.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads a Pincer YAML config into a validated {@link PincerConfig}, or fails with every problem
 * found, each naming its line, key path, value and what was expected:
 * {@code pincer.yaml:7: upstreams.app.connect_timeout: -5s (expected: a positive duration)}.
 *
 * <p>The input is bounded: at most {@value #MAX_BYTES} bytes of UTF-8, at most
 * {@value #MAX_ALIASES} aliases to collections, nesting at most {@value #MAX_DEPTH} deep, and no
 * explicit tags but the standard ones, so a hostile file cannot exhaust memory or the stack.
 */
public final class ConfigLoader {
    /** A config is a few kilobytes; 1 MiB leaves room for huge route tables and bounds the parse. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 32;
    private static final int MAX_MESSAGE = 200;
    private static final String FILE = "(file)";
    private static final String CONTENT = "a YAML mapping with listen or listeners, upstreams and routes";

    private ConfigLoader() {
    }

    /** Reads and validates {@code file}; relative TLS paths resolve against its directory. */
    public static PincerConfig load(Path file) throws ConfigException {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw fail(name, "no such file", "a readable config file");
        } catch (IOException e) {
            throw fail(name, Nodes.printable(String.valueOf(e.getMessage())), "a readable config file");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooBig(name, "more than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fail(name, "not UTF-8", "a UTF-8 text file");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return bind(text, name, file, file.toAbsolutePath().getParent());
    }

    /**
     * Validates a config given as text, as if read from {@code fileName}: problems name it, and
     * relative TLS paths resolve against its directory.
     */
    public static PincerConfig parse(String yaml, String fileName) throws ConfigException {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(fileName, "fileName");
        if (yaml.length() > MAX_BYTES / 3 && yaml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw tooBig(fileName, yaml.getBytes(StandardCharsets.UTF_8).length + " bytes");
        }
        Path source = Path.of(fileName);
        return bind(yaml, fileName, source, source.toAbsolutePath().getParent());
    }

    private static PincerConfig bind(String yaml, String name, Path source, Path baseDir) throws ConfigException {
        Problems problems = new Problems(name);
        Node document = compose(yaml, problems);
        PincerConfig config = document == null ? null : new ConfigBinder(problems, source, baseDir).bind(document);
        if (config == null && problems.isEmpty()) {
            problems.add(0, FILE, "empty", CONTENT);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.list());
        }
        return config;
    }

    /** The single document's root node, or null (an empty document, or reported). */
    private static Node compose(String yaml, Problems problems) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(problems.file())
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_BYTES)
                .build();
        try {
            // The composer recurses once per nesting level; check depth with the flat parser first.
            int depth = 0;
            for (Event e : new Parse(settings).parseString(yaml)) {
                Event.ID id = e.getEventId();
                depth += id == Event.ID.MappingStart || id == Event.ID.SequenceStart ? 1
                        : id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd ? -1 : 0;
                if (depth > MAX_DEPTH) {
                    problems.add(e.getStartMark().map(m -> m.getLine() + 1).orElse(0), "(syntax)",
                            "nesting deeper than " + MAX_DEPTH, "a shallower document");
                    return null;
                }
            }
            Optional<Node> root = new Compose(settings).composeString(yaml);
            return root.orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            String what = e.getContext() == null ? e.getProblem() : e.getContext() + ": " + e.getProblem();
            problems.add(line, "(syntax)", Nodes.printable(String.valueOf(what), MAX_MESSAGE), "valid YAML");
        } catch (YamlEngineException e) {
            problems.add(0, "(syntax)", Nodes.printable(String.valueOf(e.getMessage()), MAX_MESSAGE), "valid YAML");
        } catch (RuntimeException e) {
            // snakeyaml-engine 2.9's scanner lets some malformed input escape as a plain exception
            // (a truncated "\x escape: NumberFormatException). Only the parser runs in this try.
            problems.add(0, "(syntax)", "malformed (" + e.getClass().getSimpleName() + ")", "valid YAML");
        }
        return null;
    }

    private static ConfigException tooBig(String name, String size) {
        return fail(name, size, "at most " + MAX_BYTES + " bytes (1 MiB)");
    }

    private static ConfigException fail(String name, String value, String expected) {
        return new ConfigException(List.of(new ConfigProblem(name, 0, FILE, value, expected)));
    }
}
