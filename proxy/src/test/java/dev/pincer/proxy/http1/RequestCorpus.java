package dev.pincer.proxy.http1;

import dev.pincer.proxy.testing.Escapes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code http1/requests.txt}. A case:
 * <pre>
 * case: name
 * limits: maxUriLength maxHeaderBytes maxHeaders maxBodyBytes      (optional)
 * &lt; raw bytes, escapes \r \n \t \\ \xNN and \{count:text} (text repeated)
 * &lt; more raw bytes (lines are concatenated, no newline added)
 * &gt; expected outcome line, one per request (see DecoderHarness)
 * </pre>
 * Lines starting with {@code #} and blank lines are ignored.
 */
final class RequestCorpus {

    static final Http1Limits DEFAULT_LIMITS = new Http1Limits(1024, 1024, 16, 1024);

    record Case(String name, Http1Limits limits, byte[] input, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private RequestCorpus() {
    }

    static List<Case> load(String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        String name = null;
        Http1Limits limits = DEFAULT_LIMITS;
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (String line : read(resource).split("\n", -1)) {
            if (line.startsWith("case: ")) {
                if (name != null) {
                    cases.add(new Case(name, limits, input.toByteArray(), List.copyOf(expected)));
                }
                name = line.substring(6).trim();
                limits = DEFAULT_LIMITS;
                input.reset();
                expected.clear();
            } else if (line.startsWith("limits: ")) {
                String[] v = line.substring(8).trim().split("\\s+");
                limits = new Http1Limits(Integer.parseInt(v[0]), Integer.parseInt(v[1]),
                        Integer.parseInt(v[2]), Long.parseLong(v[3]));
            } else if (line.startsWith("< ")) {
                input.writeBytes(Escapes.unescape(line.substring(2)));
            } else if (line.startsWith("> ")) {
                expected.add(line.substring(2));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException("bad corpus line in case " + name + ": " + line);
            }
        }
        if (name != null) {
            cases.add(new Case(name, limits, input.toByteArray(), List.copyOf(expected)));
        }
        return cases;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = RequestCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
        }
    }
}
