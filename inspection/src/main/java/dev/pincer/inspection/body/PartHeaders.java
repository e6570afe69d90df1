package dev.pincer.inspection.body;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.internal.InputCollector;
import dev.pincer.inspection.internal.PercentDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a multipart part's header section says about it: the {@code name}, {@code filename} and
 * {@code filename*} parameters of its {@code Content-Disposition} (RFC 7578 section 4.2). Quoted
 * values keep their backslashes except before {@code "} and {@code \}, so a Windows path such as
 * {@code C:\x\..\y} stays visible. Every {@code filename} and {@code filename*} is kept (an
 * application may use any of them); the first {@code name} wins.
 *
 * <p>Example: {@code Content-Disposition: form-data; name="f"; filename="a\"b.txt"} gives name
 * {@code f} and file name {@code a"b.txt}.
 *
 * @param name              the field name, or null
 * @param filenames         the {@code filename} values
 * @param extendedFilenames the raw {@code filename*} values ({@code charset'lang'pct-encoded})
 */
record PartHeaders(String name, List<String> filenames, List<String> extendedFilenames) {
    private static final String DISPOSITION = "content-disposition:";
    private static final String CONTENT_TYPE = "content-type:";

    boolean isFile() {
        return !filenames.isEmpty() || !extendedFilenames.isEmpty();
    }

    /**
     * Whether a part's {@code Content-Type} (null when it has none) is a JSON or XML document: an
     * application binds such a part as an object even when it carries a file name (a browser's
     * {@code FormData} sends a {@code Blob} as {@code filename="blob"}; Spring's
     * {@code @RequestPart} reads it with Jackson), so its content is read like a field's.
     */
    static boolean document(String contentType) {
        if (contentType == null) {
            return false;
        }
        BodyFormat f = BodyFormat.declared(MediaType.essence(contentType));
        return f == BodyFormat.JSON || f == BodyFormat.XML;
    }

    /** The first {@code filename}, else the first {@code filename*} percent-decoded, else null. */
    String firstFilename() {
        if (!filenames.isEmpty()) {
            return filenames.get(0);
        }
        if (extendedFilenames.isEmpty()) {
            return null;
        }
        String f = extendedFilenames.get(0);
        int quote = f.indexOf('\'', f.indexOf('\'') + 1); // charset'language'value
        return PercentDecoder.decode(quote < 0 ? f : f.substring(quote + 1), false);
    }

    /**
     * The part's inputs: its field name when not a plain word ({@code MULTIPART_NAME}), then its
     * content {@code b[from, to)} as a field, or its non-empty file names (and, for a
     * {@code document} file part, what there is of its content, as a field).
     *
     * @return false when the collector is full
     */
    boolean emit(byte[] b, int from, int to, InputCollector out, boolean document) {
        String field = name == null ? "" : name;
        if (!out.addName(InputSource.MULTIPART_NAME, field, field)) {
            return false;
        }
        field = out.shortName(field);
        if (!isFile()) {
            String v = Utf8Text.decode(b, from, to, out.maxValueChars());
            return out.add(InputSource.MULTIPART_FIELD, field, v, v);
        }
        if (document && to > from) {
            String v = Utf8Text.decode(b, from, to, out.maxValueChars());
            if (!out.add(InputSource.MULTIPART_FIELD, field, v, v)) {
                return false;
            }
        }
        for (String f : filenames) {
            if (!f.isEmpty() && !out.add(InputSource.MULTIPART_FILENAME, field, f, f)) {
                return false;
            }
        }
        for (String f : extendedFilenames) {
            int quote = f.indexOf('\'', f.indexOf('\'') + 1); // charset'language'value
            String decoded = PercentDecoder.decode(quote < 0 ? f : f.substring(quote + 1), false);
            if (!f.isEmpty() && !out.add(InputSource.MULTIPART_FILENAME, field, f, decoded)) {
                return false;
            }
        }
        return true;
    }

    /** The value of the {@code Content-Type} line among the header lines in {@code b[from, to)}, trimmed; null if none. */
    static String contentType(byte[] b, int from, int to) {
        for (int i = from; i < to; ) {
            int end = i;
            while (end < to && b[end] != '\n') {
                end++;
            }
            int lineEnd = end > i && b[end - 1] == '\r' ? end - 1 : end;
            if (lineEnd - i >= CONTENT_TYPE.length()
                    && new String(b, i, CONTENT_TYPE.length(), StandardCharsets.ISO_8859_1)
                            .equalsIgnoreCase(CONTENT_TYPE)) {
                int v = i + CONTENT_TYPE.length();
                return new String(b, v, lineEnd - v, StandardCharsets.ISO_8859_1).trim();
            }
            i = end + 1;
        }
        return null;
    }

    /** Reads the header lines in {@code b[from, to)}. */
    static PartHeaders parse(byte[] b, int from, int to) {
        for (int i = from; i < to; ) {
            int end = i;
            while (end < to && b[end] != '\n') {
                end++;
            }
            int lineEnd = end > i && b[end - 1] == '\r' ? end - 1 : end;
            if (lineEnd - i >= DISPOSITION.length()
                    && new String(b, i, DISPOSITION.length(), StandardCharsets.ISO_8859_1)
                            .equalsIgnoreCase(DISPOSITION)) {
                int v = i + DISPOSITION.length();
                return disposition(new String(b, v, lineEnd - v, StandardCharsets.UTF_8));
            }
            i = end + 1;
        }
        return new PartHeaders(null, List.of(), List.of());
    }

    private static PartHeaders disposition(String v) {
        String name = null;
        List<String> filenames = new ArrayList<>(1);
        List<String> extended = new ArrayList<>(0);
        int n = v.length();
        int i = v.indexOf(';');
        while (i >= 0 && i < n) {
            int start = i + 1;
            int eq = start;
            while (eq < n && v.charAt(eq) != '=' && v.charAt(eq) != ';') {
                eq++;
            }
            String param = v.substring(start, eq).trim().toLowerCase(Locale.ROOT);
            if (eq >= n || v.charAt(eq) == ';') {
                i = eq;
                continue;
            }
            StringBuilder value = new StringBuilder();
            i = value(v, eq + 1, value);
            if (param.equals("name") && name == null) {
                name = value.toString();
            } else if (param.equals("filename")) {
                filenames.add(value.toString());
            } else if (param.equals("filename*")) {
                extended.add(value.toString());
            }
            i = v.indexOf(';', i);
        }
        return new PartHeaders(name, filenames, extended);
    }

    /** Reads a quoted or plain parameter value starting at {@code i}; returns the index after it. */
    private static int value(String v, int i, StringBuilder out) {
        int n = v.length();
        while (i < n && (v.charAt(i) == ' ' || v.charAt(i) == '\t')) {
            i++;
        }
        if (i >= n || v.charAt(i) != '"') {
            int start = i;
            while (i < n && v.charAt(i) != ';') {
                i++;
            }
            out.append(v, start, i);
            int len = out.length();
            while (len > 0 && (out.charAt(len - 1) == ' ' || out.charAt(len - 1) == '\t')) {
                len--;
            }
            out.setLength(len);
            return i;
        }
        for (i++; i < n && v.charAt(i) != '"'; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < n && (v.charAt(i + 1) == '"' || v.charAt(i + 1) == '\\')) {
                c = v.charAt(++i);
            }
            out.append(c);
        }
        return i + 1;
    }
}
