package dev.pincer.inspection.testing;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.Truncation;
import dev.pincer.inspection.request.BodyPrefix;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.InspectionLimits;
import dev.pincer.inspection.request.RequestHead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One whole-request test vector, read from a file under {@code src/test/resources}. A case:
 * <pre>
 * case: name
 * limits: maxInputs=4 maxDepth=2          optional overrides of InspectionLimits.DEFAULT
 * method: POST                            optional, default GET
 * target: /a?b=1                          optional, default /
 * header: Name: value                     repeatable; value unescaped as text
 * body: bytes                             repeatable, concatenated; escapes as in Escapes.bytes
 * body-more                               the body is a prefix: more followed (complete = false)
 * pending                                 the body has not been seen (hint only)
 * &gt; source:name "raw" ["decoded"]         expected inputs, exactly, in order; name may be quoted
 * no inputs                               expect none (otherwise, with no '&gt;' lines, not checked)
 * malformed: reason                       expected bodyMalformed (default: none)
 * truncated                               expected truncated, for any reason (default: not truncated)
 * truncated: count length                 expected truncations, exactly (Truncation labels)
 * hint: syntax|path|url or none           expected InputHint bits (optional)
 * </pre>
 * Lines starting with {@code #} and blank lines are ignored.
 */
public record RequestCase(String name, InspectionLimits limits, RequestHead head, BodyPrefix body, boolean pending,
        List<Input> expected, boolean checkInputs, String malformed, boolean truncated, Set<Truncation> truncations,
        Integer hint) {

    @Override
    public String toString() {
        return name;
    }

    public static List<RequestCase> load(String resource) throws IOException {
        List<RequestCase> cases = new ArrayList<>();
        Builder b = null;
        for (String line : read(resource).split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("case: ")) {
                if (b != null) {
                    cases.add(b.build());
                }
                b = new Builder(line.substring(6).trim());
            } else if (b == null) {
                throw new IllegalArgumentException(resource + ": line before the first case: " + line);
            } else {
                b.line(line);
            }
        }
        if (b != null) {
            cases.add(b.build());
        }
        return cases;
    }

    static String read(String resource) throws IOException {
        try (InputStream in = RequestCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
        }
    }

    /** {@code syntax|path|url} or {@code none} as bits. */
    public static int bits(String s) {
        int bits = 0;
        for (String part : s.trim().split("\\|")) {
            bits |= switch (part.trim()) {
                case "syntax" -> 1;
                case "path" -> 2;
                case "url" -> 4;
                case "all" -> 7;
                case "none" -> 0;
                default -> throw new IllegalArgumentException("bad bits " + s);
            };
        }
        return bits;
    }

    private static final class Builder {
        private final String name;
        private int[] limits = {1024, 64, 8192, 256, 256, 512, 0};
        private String method = "GET";
        private String target = "/";
        private final List<HeaderField> headers = new ArrayList<>();
        private ByteArrayOutputStream body;
        private boolean more;
        private boolean pending;
        private final List<Input> expected = new ArrayList<>();
        private boolean noInputs;
        private String malformed;
        private boolean truncated;
        private Set<Truncation> truncations;
        private Integer hint;

        Builder(String name) {
            this.name = name;
        }

        void line(String line) {
            if (line.startsWith("> ")) {
                expected.add(ExpectedInput.parse(line.substring(2)));
            } else if (line.startsWith("limits: ")) {
                limits(line.substring(8).trim());
            } else if (line.startsWith("method: ")) {
                method = line.substring(8).trim();
            } else if (line.startsWith("target: ")) {
                target = Escapes.text(line.substring(8));
            } else if (line.startsWith("header: ")) {
                int colon = line.indexOf(':', 8);
                headers.add(new HeaderField(line.substring(8, colon), Escapes.text(line.substring(colon + 1).trim())));
            } else if (line.startsWith("body: ") || line.equals("body:")) {
                body = body == null ? new ByteArrayOutputStream() : body;
                body.writeBytes(Escapes.bytes(line.substring(Math.min(line.length(), 6))));
            } else if (line.equals("body-more")) {
                more = true;
            } else if (line.equals("pending")) {
                pending = true;
            } else if (line.equals("no inputs")) {
                noInputs = true;
            } else if (line.startsWith("malformed: ")) {
                malformed = line.substring(11);
            } else if (line.equals("truncated")) {
                truncated = true;
            } else if (line.startsWith("truncated: ")) {
                truncated = true;
                truncations = EnumSet.noneOf(Truncation.class);
                for (String t : line.substring(11).trim().split("\\s+")) {
                    truncations.add(Truncation.valueOf(t.toUpperCase(java.util.Locale.ROOT)));
                }
            } else if (line.startsWith("hint: ")) {
                hint = bits(line.substring(6));
            } else {
                throw new IllegalArgumentException("bad line in case " + name + ": " + line);
            }
        }

        private void limits(String spec) {
            List<String> keys = List.of("maxInputs", "maxDepth", "maxValueChars", "maxNameChars", "maxParts",
                    "maxPairs", "maxTotalChars");
            for (String kv : spec.split("\\s+")) {
                String[] p = kv.split("=");
                int k = keys.indexOf(p[0]);
                if (k < 0) {
                    throw new IllegalArgumentException("bad limit " + kv + " in case " + name);
                }
                limits[k] = Integer.parseInt(p[1]);
            }
        }

        RequestCase build() {
            InspectionLimits l = new InspectionLimits(limits[0], limits[1], limits[2], limits[3], limits[4],
                    limits[5]);
            if (limits[6] > 0) {
                l = new InspectionLimits(limits[0], limits[1], limits[2], limits[3], limits[4], limits[5], limits[6]);
            }
            return new RequestCase(name, l, new RequestHead(method, target, headers),
                    body == null ? null : new BodyPrefix(body.toByteArray(), !more), pending, List.copyOf(expected),
                    noInputs || !expected.isEmpty(), malformed, truncated, truncations, hint);
        }
    }

    /** The source whose label is {@code label}; an unknown label fails loudly. */
    static InputSource source(String label) {
        for (InputSource s : InputSource.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown source " + label);
    }
}
