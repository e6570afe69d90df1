package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The XML request bodies of the CRS v4 regression suite: every one is scanned without fault, and
 * where a test expects (or forbids) a rule that reads XML:/* or XML://@* and otherwise only
 * variables that are empty for that request (ARGS without a query string, cookies without a
 * Cookie header), the rule's own {@code @rx} (from the CRS rule file, with its transformations
 * when they are among none, urlDecodeUni and lowercase) decides the same on what we extract.
 */
class XmlCrsTest {
    private static final Set<String> EMPTY_FOR_XML = Set.of("ARGS", "ARGS_NAMES", "REQUEST_COOKIES",
            "REQUEST_COOKIES_NAMES", "XML:/*", "XML://@*");

    private static final Pattern XML_TYPE =
            Pattern.compile("(?i)content-type:\\s*[\"']?(?:text|application)/(?:[a-z.+-]*\\+)?xml");

    record Rule(Pattern pattern, boolean negated, List<String> transforms) {
        boolean fires(List<String> values) {
            for (String v : values) {
                String t = v;
                for (String tr : transforms) {
                    t = switch (tr) {
                        case "urlDecodeUni" -> MultipartCrsTest.urlDecodeUni(t);
                        case "lowercase" -> t.toLowerCase(Locale.ROOT);
                        default -> t;
                    };
                }
                if (pattern.matcher(t).find() != negated) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Values implements XmlSink {
        final List<String> all = new ArrayList<>();

        @Override
        public void text(String textContent) {
            all.add(textContent);
        }

        @Override
        public void attribute(String name, String value) {
            all.add(value);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void crsXmlRequests() throws IOException {
        Path crs = MultipartCrsTest.crsDir();
        Path tests = crs.resolve("tests/regression/tests");
        assumeTrue(Files.isDirectory(tests), "CRS regression suite not found at " + crs);
        Map<Integer, Rule> rules = new HashMap<>();
        try (Stream<Path> confs = Files.list(crs.resolve("rules"))) {
            for (Path p : confs.filter(f -> f.toString().endsWith(".conf")).toList()) {
                collectRules(Files.readString(p, StandardCharsets.ISO_8859_1), rules);
            }
        }
        int bodies = 0;
        int wellFormed = 0;
        int checked = 0;
        List<String> failures = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String yaml = Files.readString(f, StandardCharsets.UTF_8);
                if (!XML_TYPE.matcher(yaml).find()) {
                    continue;
                }
                Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
                if (doc == null || !(doc.get("tests") instanceof List<?>)) {
                    continue;
                }
                for (Object t : (List<Object>) doc.get("tests")) {
                    Map<String, Object> test = (Map<String, Object>) t;
                    for (Object s : (List<Object>) test.get("stages")) {
                        Map<String, Object> st = (Map<String, Object>) s;
                        Map<String, Object> in = (Map<String, Object>) st.getOrDefault("input", Map.of());
                        if (!(in.get("headers") instanceof Map<?, ?> h) || !(in.get("data") instanceof String data)) {
                            continue;
                        }
                        String ct = header(h, "Content-Type");
                        if (ct == null || !ct.toLowerCase(Locale.ROOT).matches("(?:text|application)/(?:[a-z.+-]*\\+)?xml\\b.*")) {
                            continue;
                        }
                        bodies++;
                        Values v = new Values();
                        String body = new String(data.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                        if (XmlValues.parse(body, v) == null) {
                            wellFormed++;
                        }
                        boolean otherwiseEmpty = !String.valueOf(in.get("uri")).contains("?") && header(h, "Cookie") == null;
                        Map<String, Object> out = (Map<String, Object>) st.getOrDefault("output", Map.of());
                        Map<String, Object> log = out.get("log") instanceof Map<?, ?> m ? (Map<String, Object>) m : out;
                        for (String key : new String[] {"expect_ids", "no_expect_ids"}) {
                            if (!(log.get(key) instanceof List<?> ids) || !otherwiseEmpty) {
                                continue;
                            }
                            for (Object id : ids) {
                                Rule rule = rules.get(Integer.parseInt(String.valueOf(id)));
                                if (rule == null) {
                                    continue;
                                }
                                checked++;
                                if (rule.fires(v.all) != key.equals("expect_ids")) {
                                    failures.add(f.getFileName() + " test " + test.get("test_id") + ": " + key + " " + id
                                            + " on " + v.all);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(bodies >= 100, "XML bodies: " + bodies);
        assertTrue(wellFormed >= bodies / 2, "well-formed: " + wellFormed + " of " + bodies);
        assertTrue(checked >= 10, "expectations checked: " + checked);
    }

    private static String header(Map<?, ?> headers, String name) {
        for (Map.Entry<?, ?> e : headers.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(name)) {
                return String.valueOf(e.getValue());
            }
        }
        return null;
    }

    /** Single (unchained) {@code @rx} rules that read XML and otherwise only variables empty here. */
    private static void collectRules(String conf, Map<Integer, Rule> out) {
        Pattern head = Pattern.compile("SecRule (\\S+) \"(!?)@rx (.*)\" \\\\");
        String[] lines = conf.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("SecRule ") || !lines[i].contains("XML:/*")) {
                continue;
            }
            Matcher m = head.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            StringBuilder actions = new StringBuilder();
            for (int j = i + 1; j < lines.length; j++) {
                actions.append(lines[j]).append('\n');
                if (!lines[j].endsWith("\\")) {
                    break;
                }
            }
            List<String> targets = List.of(m.group(1).split("\\|"));
            Matcher id = Pattern.compile("id:(\\d+)").matcher(actions);
            if (!EMPTY_FOR_XML.containsAll(targets) || actions.indexOf("chain") >= 0 || !id.find()) {
                continue;
            }
            List<String> transforms = new ArrayList<>();
            Matcher t = Pattern.compile("t:(\\w+)").matcher(actions);
            boolean supported = true;
            while (t.find()) {
                transforms.add(t.group(1));
                supported &= Set.of("none", "urlDecodeUni", "lowercase").contains(t.group(1));
            }
            if (supported) {
                out.put(Integer.parseInt(id.group(1)),
                        new Rule(Pattern.compile(m.group(3).replace("\\\"", "\""), Pattern.DOTALL), m.group(2).equals("!"), transforms));
            }
        }
    }
}
