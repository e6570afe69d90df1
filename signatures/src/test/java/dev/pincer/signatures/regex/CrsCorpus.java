package dev.pincer.signatures.regex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Test data read from the OWASP CRS v4.28 tree under {@code shared/crs} (never copied into the
 * repository): the operators of every {@code SecRule}, and input strings from the regression
 * suite. The tree is found through {@code -Dpincer.crs.dir}, else {@code ../../shared/crs} from the
 * module dir, else the nearest ancestor holding {@code shared/crs}.
 */
public final class CrsCorpus {

    /** One operator use: the rule file, the rule id, the operator name and its argument. */
    public record OperatorUse(String file, String id, String name, String argument) {
        @Override
        public String toString() {
            return id + " @" + name;
        }
    }

    private static final Pattern SEC_RULE = Pattern.compile(
            "^\\s*SecRule\\s+(\"(?:[^\"\\\\]++|\\\\.)*+\"|\\S+)\\s+\"((?:[^\"\\\\]++|\\\\.)*+)\"(.*)$");
    private static final Pattern OPERATOR = Pattern.compile("^(!?)@(\\w+)\\s?(.*)$", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("\\bid:(\\d+)");

    private static List<OperatorUse> operators;

    private CrsCorpus() {
    }

    public static Path dir() {
        String property = System.getProperty("pincer.crs.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path module = Path.of("").toAbsolutePath();
        Path conventional = module.resolve("../../shared/crs").normalize();
        if (Files.isDirectory(conventional.resolve("rules"))) {
            return conventional;
        }
        for (Path p = module; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/crs/rules"))) {
                return p.resolve("shared/crs");
            }
        }
        throw new IllegalStateException("CRS tree not found: set -Dpincer.crs.dir (tried "
                + conventional + " and the ancestors of " + module + ")");
    }

    public static Path rulesDir() {
        return dir().resolve("rules");
    }

    /** Every operator of every SecRule in {@code rules/*.conf}, in file order. */
    public static synchronized List<OperatorUse> operators() {
        if (operators != null) {
            return operators;
        }
        List<OperatorUse> uses = new ArrayList<>();
        try (Stream<Path> files = Files.list(rulesDir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".conf")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1)
                        .replaceAll("\\\\\r?\n", "");
                String lastId = "?";
                for (String line : text.split("\n")) {
                    Matcher m = SEC_RULE.matcher(line);
                    if (!m.find()) {
                        continue;
                    }
                    Matcher id = ID.matcher(m.group(3));
                    String ruleId = id.find() ? id.group(1) : lastId + "(chain)";
                    if (id.find(0)) {
                        lastId = ruleId;
                    }
                    String op = m.group(2).replace("\\\"", "\"");
                    Matcher o = OPERATOR.matcher(op);
                    String name = o.find() ? o.group(2) : "rx";
                    String argument = o.find(0) ? o.group(3) : op;
                    uses.add(new OperatorUse(file.getFileName().toString(), ruleId, name, argument));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        operators = List.copyOf(uses);
        return operators;
    }

    /** The distinct {@code @rx} patterns of CRS, in file order. */
    public static List<String> rxPatterns() {
        Set<String> distinct = new LinkedHashSet<>();
        for (OperatorUse use : operators()) {
            if (use.name().equals("rx")) {
                distinct.add(use.argument());
            }
        }
        return List.copyOf(distinct);
    }

    /**
     * The distinct {@code data}, {@code uri} and header values of the regression suite, as byte
     * strings (UTF-8 bytes, one char per byte).
     */
    public static List<String> suiteInputs() {
        Set<String> values = new LinkedHashSet<>();
        Load load = new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build());
        try (Stream<Path> files = Files.walk(dir().resolve("tests/regression/tests"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    collect(load.loadFromInputStream(in), values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(values);
    }

    private static void collect(Object node, Set<String> values) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if ((key.equals("data") || key.equals("uri")) && e.getValue() instanceof String s) {
                    values.add(bytes(s));
                } else if (key.equals("headers") && e.getValue() instanceof Map<?, ?> headers) {
                    for (Object v : headers.values()) {
                        if (v != null) {
                            values.add(bytes(String.valueOf(v)));
                        }
                    }
                } else {
                    collect(e.getValue(), values);
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object o : list) {
                collect(o, values);
            }
        }
    }

    /** A Java string as the byte string of its UTF-8 encoding. */
    public static String bytes(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
