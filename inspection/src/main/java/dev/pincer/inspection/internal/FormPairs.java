package dev.pincer.inspection.internal;

import dev.pincer.inspection.input.InputSource;

/**
 * Splits {@code application/x-www-form-urlencoded} text (a query string or a form body) into
 * inputs: pairs separated by {@code &}, name and value separated by the first {@code =}, both
 * percent-decoded once with {@code +} as space. A pair without {@code =} has the value {@code ""};
 * empty pairs ({@code &&}) are skipped. At most {@code maxPairs} pairs are taken, then the result is
 * marked truncated. Linear time, never throws.
 *
 * <p>Example: {@code a=1%2B1&b+c&=x} gives {@code (a, "1%2B1", "1+1")}, {@code ("b c", "", "")} and
 * {@code ("", "x", "x")}.
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
                    out.truncated();
                    return true;
                }
                int eq = indexOf(s, '=', i, end);
                String name = PercentDecoder.decode(out.name(s, i, eq), true);
                String raw = eq == end ? "" : out.value(s, eq + 1, end);
                if (!out.add(source, name, raw, PercentDecoder.decode(raw, true))) {
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
