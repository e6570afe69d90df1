package dev.pincer.signatures.regex;

/**
 * A reusable holder for the groups of one match: group 0 is the whole match, 1..9 the first nine
 * capture groups (ModSecurity's TX.0-TX.9). It keeps offsets into the input and copies text only
 * when {@link #group} is asked, so a find that captures allocates nothing. Not thread-safe: keep
 * one per thread or per transaction.
 *
 * <p>Example: after {@code Regex.compile("(a+)(x)?b").find("caab", captures)},
 * {@code captures.group(0)} is {@code "aab"}, {@code group(1)} is {@code "aa"} and
 * {@code group(2)} is null (the group did not take part).
 */
public final class Captures {

    /** Groups kept: 0..9. */
    public static final int MAX_GROUPS = 10;

    private final int[] starts = new int[MAX_GROUPS];
    private final int[] ends = new int[MAX_GROUPS];
    private CharSequence input;
    private int count;

    /** One past the highest group recorded, 0 after {@link #clear} or a failed find. */
    public int count() {
        return count;
    }

    /** True when group {@code g} took part in the match. */
    public boolean isSet(int g) {
        return g >= 0 && g < count && starts[g] >= 0;
    }

    /** The text of group {@code g}, or null when it did not take part. */
    public String group(int g) {
        return isSet(g) ? input.subSequence(starts[g], ends[g]).toString() : null;
    }

    /** Start offset of group {@code g}, or -1. */
    public int start(int g) {
        return isSet(g) ? starts[g] : -1;
    }

    /** End offset (exclusive) of group {@code g}, or -1. */
    public int end(int g) {
        return isSet(g) ? ends[g] : -1;
    }

    /** Forgets the last match, and the input it points into. */
    public void clear() {
        input = null;
        count = 0;
    }

    void begin(CharSequence in) {
        input = in;
        count = 0;
    }

    void set(int g, int start, int end) {
        starts[g] = start;
        ends[g] = end;
        if (g >= count) {
            for (int i = count; i < g; i++) {
                starts[i] = -1;
            }
            count = g + 1;
        }
    }
}
