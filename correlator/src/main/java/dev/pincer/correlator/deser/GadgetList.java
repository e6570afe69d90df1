package dev.pincer.correlator.deser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The deserialization deny-list: classes that make a published gadget chain work, read from
 * {@code gadgets.txt} next to this class (one entry a line with the inventory and payload it comes
 * from: ysoserial, marshalsec, SerialKiller, notsoserial, Jackson's SubTypeValidator, the JDK's
 * JRMP chain). An entry ending in {@code .} is a package prefix; any other entry matches that class
 * and its nested classes ({@code Name$Inner}). The file says which classes are deliberately left
 * out (the collections chains pass through, {@code java.lang.reflect.Proxy}, Hibernate's
 * {@code TypedValue}...), because applications serialize them.
 *
 * <p>Lookup is a hash probe per package prefix and per {@code $} of the name: linear in the name,
 * independent of the list's size.
 *
 * <p>Example: {@code DEFAULT.match("org.apache.commons.collections.functors.InvokerTransformer")}
 * is {@code "org.apache.commons.collections.functors."}; {@code DEFAULT.match("java.util.ArrayList")}
 * is null.
 */
final class GadgetList {
    static final String RESOURCE = "gadgets.txt";
    /** The list shipped with Pincer; loading it fails loudly (a broken list must not start as empty). */
    static final GadgetList DEFAULT = load();

    /** Entry to its source, for every entry; prefixes end in '.'. */
    private final Map<String, String> entries;

    private GadgetList(Map<String, String> entries) {
        this.entries = Map.copyOf(entries);
    }

    private static GadgetList load() {
        try (InputStream in = GadgetList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a list: blank and {@code #} lines skipped; each other line an entry, blanks, a source.
     *
     * @throws IllegalArgumentException naming {@code file:line} for an entry that is not a class
     *                                  name or prefix, has no source, or repeats an earlier one
     */
    static GadgetList parse(String text, String file) {
        Map<String, String> out = new HashMap<>();
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int sp = indexOfBlank(t);
                String entry = sp < 0 ? t : t.substring(0, sp);
                String source = sp < 0 ? "" : t.substring(sp).strip();
                String where = file + ":" + lineNo + ": " + entry;
                if (!ClassNames.isNameOrPrefix(entry)) {
                    throw new IllegalArgumentException(where + " (expected: a binary class name or a package prefix ending in .)");
                }
                if (source.isEmpty()) {
                    throw new IllegalArgumentException(where + " (expected: the source of the entry after it)");
                }
                if (out.putIfAbsent(entry, source) != null) {
                    throw new IllegalArgumentException(where + " (expected: each entry once)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GadgetList(out);
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    /** The entry {@code className} (a binary name, already normalised) falls under, or null. */
    String match(String className) {
        return ClassNames.longestMatch(entries.keySet()::contains, className);
    }

    /** Where {@code entry} comes from, or null when it is not on the list. */
    String source(String entry) {
        return entries.get(entry);
    }

    int size() {
        return entries.size();
    }
}
