package dev.pincer.signatures.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The CRS v4 regression tests of the four libinjection rules (942100, 942101, 941100, 941101),
 * run against the detectors alone: each stage's request is cut into the variables the rule reads
 * (as its {@code SecRule} line in the CRS rules names them), each value goes through the rule's
 * {@code t:} chain (every changed step too, with {@code multiMatch}), and the rule fires when the
 * detector flags any value. A stage passes when a rule in {@code expect_ids} fired and a rule in
 * {@code no_expect_ids} did not. CRS is read from {@code ../../shared/crs} relative to the module
 * (or {@code -Dpincer.crs.dir}); never copied into the repository.
 */
class CrsDetectorRegressionTest {

    /**
     * {@code -Dpincer.crs.dir}, else {@code ../../shared/crs} from the module, else the nearest
     * ancestor's {@code shared/crs} (a git worktree sits one level deeper than the checkout).
     */
    static Path crsDir() {
        String dir = System.getProperty("pincer.crs.dir");
        if (dir != null) {
            return Path.of(dir);
        }
        Path module = Path.of("").toAbsolutePath();
        Path standard = module.resolve("../../shared/crs").normalize();
        for (Path p = module; p != null && !Files.isDirectory(standard); p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/crs"))) {
                return p.resolve("shared/crs");
            }
        }
        return standard;
    }

    /** The rule's targets, transformations and multiMatch flag, read from its SecRule. */
    record Rule(int id, List<String> targets, List<String> transforms, boolean multiMatch,
            Predicate<String> detector) {

        static Rule read(Path conf, int id) throws IOException {
            String text = Files.readString(conf, StandardCharsets.ISO_8859_1).replace("\\\n", " ");
            for (String line : text.split("\n")) {
                if (!line.startsWith("SecRule ") || !line.contains("\"id:" + id + ",")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 4);
                List<String> transforms = new ArrayList<>();
                Matcher m = Pattern.compile("t:(\\w+)").matcher(line);
                while (m.find()) {
                    if (!m.group(1).equals("none")) {
                        transforms.add(m.group(1));
                    }
                }
                Predicate<String> detector = parts[2].contains("detectSQLi")
                        ? v -> SqlInjectionDetector.detect(v) != null : XssDetector::detect;
                return new Rule(id, List.of(parts[1].split("\\|")), transforms,
                        line.contains("multiMatch"), detector);
            }
            throw new IllegalStateException("rule " + id + " not found in " + conf);
        }

        boolean fires(CrsStage stage) throws Exception {
            for (String raw : CrsRequest.values(stage, targets)) {
                List<String> tried = new ArrayList<>();
                String v = raw;
                tried.add(v);
                for (String t : transforms) {
                    UnaryOperator<String> f = CrsTransforms.named(t);
                    String next = f.apply(v);
                    if (!next.equals(v) && multiMatch) {
                        tried.add(next);
                    }
                    v = next;
                }
                if (!multiMatch) {
                    tried = List.of(v);
                }
                for (String value : tried) {
                    if (detector.test(value)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"942100, REQUEST-942-APPLICATION-ATTACK-SQLI",
        "942101, REQUEST-942-APPLICATION-ATTACK-SQLI",
        "941100, REQUEST-941-APPLICATION-ATTACK-XSS",
        "941101, REQUEST-941-APPLICATION-ATTACK-XSS"})
    void suitePasses(int id, String file) throws Exception {
        Path crs = crsDir();
        Rule rule = Rule.read(crs.resolve("rules/" + file + ".conf"), id);
        List<CrsStage> stages = CrsStage.read(
                crs.resolve("tests/regression/tests/" + file + "/" + id + ".yaml"));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (CrsStage stage : stages) {
            boolean expect = stage.expectIds().contains(id);
            boolean forbid = stage.noExpectIds().contains(id);
            if (!expect && !forbid) {
                continue;
            }
            checked++;
            if (rule.fires(stage) != expect) {
                failures.add(id + "-" + stage.testId() + (expect ? " missed" : " false positive"));
            }
        }
        System.out.printf("CRS %d: %d/%d stages pass%n", id, checked - failures.size(), checked);
        assertFalse(checked == 0, "no stages read");
        assertEquals(List.of(), failures);
    }

    /** Cuts a go-ftw stage into ModSecurity v3 variables. */
    static final class CrsRequest {
        private CrsRequest() {
        }

        static List<String> values(CrsStage s, List<String> targets) throws Exception {
            List<String> out = new ArrayList<>();
            String uri = s.uri() == null ? "/" : s.uri();
            int q = uri.indexOf('?');
            String path = q < 0 ? uri : uri.substring(0, q);
            String contentType = s.header("Content-Type");
            boolean xml = contentType != null && contentType.contains("xml");
            for (String target : targets) {
                switch (target) {
                    case "ARGS", "ARGS_NAMES" -> {
                        List<String[]> args = new ArrayList<>();
                        if (q >= 0) {
                            args.addAll(form(uri.substring(q + 1)));
                        }
                        if (s.data() != null && !xml) {
                            args.addAll(form(s.data()));
                        }
                        for (String[] a : args) {
                            out.add(a[target.equals("ARGS") ? 1 : 0]);
                        }
                    }
                    case "REQUEST_FILENAME" -> out.add(CrsTransforms.urlDecode(path.replace("+", "%2B")));
                    case "REQUEST_BASENAME" -> {
                        String f = CrsTransforms.urlDecode(path.replace("+", "%2B"));
                        out.add(f.substring(f.lastIndexOf('/') + 1));
                    }
                    case "REQUEST_HEADERS:User-Agent", "REQUEST_HEADERS:Referer" -> {
                        String h = s.header(target.substring(target.indexOf(':') + 1));
                        if (h != null) {
                            out.add(h);
                        }
                    }
                    case "REQUEST_COOKIES", "REQUEST_COOKIES_NAMES" -> {
                        String c = s.header("Cookie");
                        if (c != null) {
                            for (String pair : c.split(";")) {
                                int eq = pair.indexOf('=');
                                String name = (eq < 0 ? pair : pair.substring(0, eq)).trim();
                                out.add(target.endsWith("NAMES") ? name
                                        : eq < 0 ? "" : pair.substring(eq + 1));
                            }
                        }
                    }
                    case "XML:/*", "XML://@*" -> {
                        if (xml && s.data() != null) {
                            xmlValues(s.data(), target.equals("XML:/*"), out);
                        }
                    }
                    default -> throw new IllegalStateException("unhandled target " + target);
                }
            }
            return out;
        }

        /** {@code a=1&b=2}, each side percent-decoded with {@code +} as space. */
        static List<String[]> form(String body) {
            List<String[]> out = new ArrayList<>();
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                out.add(new String[] {CrsTransforms.urlDecode(name), CrsTransforms.urlDecode(value)});
            }
            return out;
        }

        static void xmlValues(String body, boolean text, List<String> out) throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)))
                    .getDocumentElement();
            if (text) {
                out.add(root.getTextContent());
                return;
            }
            NodeList all = root.getOwnerDocument().getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                NamedNodeMap attrs = all.item(i).getAttributes();
                for (int j = 0; j < attrs.getLength(); j++) {
                    Node a = attrs.item(j);
                    out.add(a.getNodeValue());
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void crsIsWhereTheTestsLookForIt() {
        assertTrue(Files.isDirectory(crsDir().resolve("tests/regression/tests")), crsDir().toString());
    }
}
