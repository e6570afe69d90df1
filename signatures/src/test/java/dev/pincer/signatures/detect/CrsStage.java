package dev.pincer.signatures.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage of a CRS regression test (go-ftw YAML), read by a line reader that understands the
 * subset those files use: {@code test_id}, {@code uri}, {@code data}, {@code method}, a
 * {@code headers} map, {@code expect_ids} and {@code no_expect_ids}, with plain, single-quoted and
 * double-quoted scalars. Test code only.
 */
record CrsStage(String file, int testId, String uri, String data, Map<String, String> headers,
        List<Integer> expectIds, List<Integer> noExpectIds) {

    static List<CrsStage> read(Path yaml) throws IOException {
        List<CrsStage> out = new ArrayList<>();
        String name = yaml.getFileName().toString();
        int testId = -1;
        String uri = null;
        String data = null;
        Map<String, String> headers = new LinkedHashMap<>();
        List<Integer> expect = new ArrayList<>();
        List<Integer> noExpect = new ArrayList<>();
        int headersIndent = -1;
        boolean inStage = false;
        for (String line : Files.readAllLines(yaml)) {
            String t = line.trim();
            int indent = line.length() - line.stripLeading().length();
            if (headersIndent >= 0 && (indent <= headersIndent || t.isEmpty())) {
                headersIndent = -1;
            }
            if (t.startsWith("- test_id:") || t.startsWith("- input:") || t.startsWith("input:")) {
                if (inStage) {
                    out.add(new CrsStage(name, testId, uri, data, headers, expect, noExpect));
                }
                if (t.startsWith("- test_id:")) {
                    testId = Integer.parseInt(t.substring(10).trim());
                    inStage = false;
                    continue;
                }
                inStage = true;
                uri = null;
                data = null;
                headers = new LinkedHashMap<>();
                expect = new ArrayList<>();
                noExpect = new ArrayList<>();
                continue;
            }
            if (headersIndent >= 0) {
                int colon = t.indexOf(':');
                headers.put(t.substring(0, colon).trim(), scalar(t.substring(colon + 1).trim()));
                continue;
            }
            if (t.equals("headers:")) {
                headersIndent = indent;
            } else if (t.startsWith("uri:")) {
                uri = scalar(t.substring(4).trim());
            } else if (t.startsWith("data:")) {
                data = scalar(t.substring(5).trim());
            } else if (t.startsWith("expect_ids:")) {
                expect.addAll(ids(t.substring(11)));
            } else if (t.startsWith("no_expect_ids:")) {
                noExpect.addAll(ids(t.substring(14)));
            }
        }
        if (inStage) {
            out.add(new CrsStage(name, testId, uri, data, headers, expect, noExpect));
        }
        return out;
    }

    private static List<Integer> ids(String list) {
        List<Integer> ids = new ArrayList<>();
        for (String id : list.replace("[", "").replace("]", "").split(",")) {
            if (!id.isBlank()) {
                ids.add(Integer.parseInt(id.trim()));
            }
        }
        return ids;
    }

    static String scalar(String v) {
        if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char d = v.charAt(++i);
                switch (d) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case '0' -> b.append('\0');
                    case 'x' -> {
                        b.append((char) Integer.parseInt(v.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    case 'u' -> {
                        b.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> b.append(d);
                }
            }
            return b.toString();
        }
        return v;
    }

    String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
