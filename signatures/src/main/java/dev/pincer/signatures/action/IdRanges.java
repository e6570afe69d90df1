package dev.pincer.signatures.action;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of rule ids as ModSecurity writes them: {@code 920540}, {@code 1-100}, or several,
 * separated by blanks or commas ({@code SecRuleRemoveById 920100 920200-920299}).
 */
public final class IdRanges {

    private final long[] from;
    private final long[] to;

    private IdRanges(long[] from, long[] to) {
        this.from = from;
        this.to = to;
    }

    /** Parses one or more ids or ranges; throws {@link IllegalArgumentException} naming the bad one. */
    public static IdRanges parse(String text) {
        List<long[]> ranges = new ArrayList<>();
        for (String part : text.trim().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-', 1);
            long lo = number(dash < 0 ? part : part.substring(0, dash), part);
            long hi = dash < 0 ? lo : number(part.substring(dash + 1), part);
            if (hi < lo) {
                throw new IllegalArgumentException("id range '" + part + "' ends before it starts");
            }
            ranges.add(new long[] {lo, hi});
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("no rule id given");
        }
        long[] from = new long[ranges.size()];
        long[] to = new long[ranges.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = ranges.get(i)[0];
            to[i] = ranges.get(i)[1];
        }
        return new IdRanges(from, to);
    }

    private static long number(String text, String part) {
        try {
            long n = Long.parseLong(text.trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + part + "' is not a rule id or id range (expected 942100 or 942100-942199)");
        }
    }

    public boolean contains(long id) {
        for (int i = 0; i < from.length; i++) {
            if (id >= from[i] && id <= to[i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < from.length; i++) {
            out.append(i == 0 ? "" : " ").append(from[i]);
            if (to[i] != from[i]) {
                out.append('-').append(to[i]);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdRanges r && Arrays.equals(from, r.from) && Arrays.equals(to, r.to);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(from) + Arrays.hashCode(to);
    }
}
