package dev.pincer.inspection.internal;

import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.Truncation;

/**
 * Splits {@code application/x-www-form-urlencoded} text (a query string or a form body) into
 * inputs: pairs separated by {@code &}, name and value separated by the first {@code =}, both
 * percent-decoded once with {@code +} as space. A pair without {@code =} has the value {@code ""};
 * empty pairs ({@code &&}) are skipped and do not count. A bare {@code =} counts as a pair (an
 * application's parameter count sees it) but, being empty, uses no input. At most
 * {@code maxPairs} pairs are taken, then the result is marked {@link Truncation#COUNT}. A name
 * that is not a {@link dev.pincer.inspection.input.PlainName plain word} is also an input of its
 * own ({@code QUERY_NAME}, {@code FORM_NAME}), kept whole up to the <em>value</em> limit, so a
 * name longer than the name limit (a JSON document posted as a form has one) is not lost when it
 * is cut for the pair's own name. Linear time, never throws.
 *
 * <p>Example: {@code a=1%2B1&b+c&=x} gives {@code (a, "1%2B1", "1+1")}, the name input
 * {@code QUERY_NAME ("b+c", "b c")}, {@code ("b c", "", "")} and {@code ("", "x", "x")}.
 */
public final class FormPairs {
    private FormPairs() {
    }

    /**
     * @param s      the text; pairs are read from {@code s[from, to)}
     * @param source {@link InputSource#QUERY} or {@link InputSource#FORM}
     * @return false when the collector is full (stop producing)
     */
    public static boolean parse(String s, int from, int to, InputSource source, InputCollector out) {
        int pairs = 0;
        int i = from;
        while (i < to) {
            int end = indexOf(s, '&', i, to);
            if (end > i) {
                if (++pairs > out.maxPairs()) {
                    out.truncated(Truncation.COUNT);
                    return true;
                }
                int eq = indexOf(s, '=', i, end);
                // The name is an input of its own unless a plain word; a long one (a JSON document
                // posted as a form, say) is kept whole there, up to the value limit.
                String rawName = eq - i <= out.maxNameChars() ? s.substring(i, eq) : out.value(s, i, eq);
                String name = PercentDecoder.decode(rawName, true);
                if (!out.addName(source.nameSource(), rawName, name)) {
                    return false;
                }
                String raw = eq == end ? "" : out.value(s, eq + 1, end);
                if (!out.add(source, out.shortName(name), raw, PercentDecoder.decode(raw, true))) {
                    return false;
                }
            }
            i = end + 1;
        }
        return true;
    }

    /** The index of {@code c} in {@code s[from, to)}, or {@code to}. */
    static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return to;
    }
}
