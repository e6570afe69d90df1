package dev.pincer.inspection.seclang.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The multipart requests of the CRS v4 regression suite ({@code ../../shared/crs}, or
 * {@code -Dpincer.crs.dir}), read from its go-ftw YAML at test time: every body parses without
 * fault, and where a test expects (or forbids) a rule that only reads multipart variables, that
 * rule's own {@code @rx} (taken from the CRS rule file) decides the same on what we extract:
 * 920120 and 920121 on FILES and FILES_NAMES (after a plain urlDecodeUni), 922130 on
 * MULTIPART_PART_HEADERS (lowercased), and for 922130's log regex, our REQBODY_ERROR_MSG.
 */
class MultipartCrsTest {
    record Request(String where, String contentType, String body, Map<String, Object> output) {
    }

    record Rule(Pattern pattern, boolean negated) {
        boolean fires(List<String> values) {
            return values.stream().anyMatch(v -> pattern.matcher(v).find() != negated);
        }
    }

    static Path crsDir() {
        String prop = System.getProperty("pincer.crs.dir");
        if (prop != null) {
            return Path.of(prop);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/crs");
            if (Files.isDirectory(candidate.resolve("tests/regression/tests"))) {
                return candidate;
            }
        }
        return dir.resolve("../../shared/crs").normalize();
    }

    @Test
    void crsMultipartRequests() throws IOException {
        Path crs = crsDir();
        Path tests = crs.resolve("tests/regression/tests");
        assumeTrue(Files.isDirectory(tests), "CRS regression suite not found at " + crs);
        Map<Integer, Rule> rules = new HashMap<>();
        String conf920 = Files.readString(crs.resolve("rules/REQUEST-920-PROTOCOL-ENFORCEMENT.conf"), StandardCharsets.ISO_8859_1);
        String conf922 = Files.readString(crs.resolve("rules/REQUEST-922-MULTIPART-ATTACK.conf"), StandardCharsets.ISO_8859_1);
        rules.put(920120, rule(conf920, 920120));
        rules.put(920121, rule(conf920, 920121));
        rules.put(922130, rule(conf922, 922130));

        List<Request> requests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String yaml = Files.readString(f, StandardCharsets.UTF_8);
                if (yaml.toLowerCase(Locale.ROOT).contains("multipart/form-data")) {
                    collect(f.getFileName().toString(), yaml, requests);
                }
            }
        }
        assertTrue(requests.size() >= 60, "multipart requests found: " + requests.size());
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Request q : requests) {
            MultipartArgumentsTest.Recorder r = new MultipartArgumentsTest.Recorder();
            String error = MultipartArguments.parse(q.body(), q.contentType(), r);
            List<String> files = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            for (String e : r.events) {
                if (e.startsWith("file ")) {
                    String[] p = e.substring(5).split(" \\| ", -1);
                    files.add(urlDecodeUni(p[0]));
                    files.add(urlDecodeUni(p[1]));
                } else if (e.startsWith("header ")) {
                    headers.add(e.substring(e.indexOf(" | ") + 3).toLowerCase(Locale.ROOT));
                }
            }
            Map<Integer, Boolean> fired = Map.of(
                    920120, rules.get(920120).fires(files),
                    920121, rules.get(920121).fires(files),
                    922130, rules.get(922130).fires(headers));
            Map<String, Object> log = log(q.output());
            for (int id : fired.keySet()) {
                Boolean expected = ids(log, "expect_ids").contains(id) ? Boolean.TRUE
                        : ids(log, "no_expect_ids").contains(id) ? Boolean.FALSE : null;
                if (expected != null) {
                    checked++;
                    if (expected != fired.get(id)) {
                        failures.add(q.where() + ": rule " + id + " expected " + expected + ", error=" + error);
                    }
                }
            }
            for (String key : new String[] {"match_regex", "no_match_regex"}) {
                Object regex = log.get(key);
                if (regex instanceof String s && s.contains("922130")) {
                    checked++;
                    boolean seen = Pattern.compile(s).matcher(error == null ? "" : error).find() || fired.get(922130);
                    if (seen != key.equals("match_regex")) {
                        failures.add(q.where() + ": " + key + " " + s + " vs error=" + error);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked >= 40, "expectations checked: " + checked);
    }

    @SuppressWarnings("unchecked")
    private static void collect(String file, String yaml, List<Request> out) {
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        for (Object t : (List<Object>) doc.get("tests")) {
            Map<String, Object> test = (Map<String, Object>) t;
            int stage = 0;
            for (Object s : (List<Object>) test.get("stages")) {
                Map<String, Object> st = (Map<String, Object>) s;
                Map<String, Object> in = (Map<String, Object>) st.getOrDefault("input", Map.of());
                Map<String, Object> output = (Map<String, Object>) st.getOrDefault("output", Map.of());
                String where = file + " test " + test.get("test_id") + " stage " + stage++;
                String ct = null;
                String body = null;
                if (in.get("encoded_request") instanceof String enc) {
                    String raw = new String(Base64.getDecoder().decode(enc.replaceAll("\\s", "")), StandardCharsets.ISO_8859_1);
                    int end = raw.indexOf("\r\n\r\n");
                    if (end < 0) {
                        continue;
                    }
                    for (String line : raw.substring(0, end).split("\r\n")) {
                        if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                            ct = line.substring(13).strip();
                        }
                    }
                    body = raw.substring(end + 4);
                } else if (in.get("headers") instanceof Map<?, ?> h) {
                    for (Map.Entry<?, ?> e : h.entrySet()) {
                        if (String.valueOf(e.getKey()).equalsIgnoreCase("Content-Type")) {
                            ct = String.valueOf(e.getValue());
                        }
                    }
                    Object data = in.get("data");
                    body = data == null ? "" : new String(String.valueOf(data).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                }
                if (ct != null && ct.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                    out.add(new Request(where, ct, body, output));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> log(Map<String, Object> output) {
        Object log = output.get("log");
        return log instanceof Map<?, ?> m ? (Map<String, Object>) m : output;
    }

    private static List<Integer> ids(Map<String, Object> log, String key) {
        Object v = log.get(key);
        List<Integer> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                out.add(Integer.parseInt(String.valueOf(o)));
            }
        }
        return out;
    }

    /** The {@code @rx} of rule {@code id}: the SecRule line right before its {@code "id:...,"} line. */
    static Rule rule(String conf, int id) {
        Matcher m = Pattern.compile("(?m)^SecRule \\S+ \"(!?)@rx (.*)\" \\\\\\n\\s+\"id:" + id + ",").matcher(conf);
        assertTrue(m.find(), "rule " + id + " not found");
        return new Rule(Pattern.compile(m.group(2).replace("\\\"", "\""), Pattern.DOTALL), m.group(1).equals("!"));
    }

    /** urlDecodeUni for the test's needs: %XX and '+'; a bad escape stays as written. */
    static String urlDecodeUni(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                b.append(' ');
            } else if (c == '%' && i + 2 < s.length() && MultipartBytes.isXDigit(s.charAt(i + 1))
                    && MultipartBytes.isXDigit(s.charAt(i + 2))) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
