package dev.pincer.signatures.prefilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over a fixed set of ASCII-lowercase literals: one pass over a value,
 * folded to ASCII lowercase on the fly, sets the bit of every literal that occurs in it. Linear in
 * the value (plus the literals found); allocates only the result bits. Immutable and thread-safe.
 *
 * <p>The transition table is a dense DFA over the chars the literals use (every other char leads
 * back to the root). With CRS's 3,000 literals it is megabytes, so the layout is for the cache:
 * states are numbered breadth first, which puts the shallow states a scan of ordinary text
 * spends nearly all its steps in at the front of the table, and a transition into a state where
 * some literal ends has its sign bit set, so a step that finds nothing reads one table entry.
 * Literals of one char are not in the automaton: in
 * ordinary text they end at most chars (CRS has 75 of them, among them the space and
 * {@code e}), and each would cost a walk of the output chain; a scan notes which chars it saw
 * ({@link #fold}, {@link #singles}) and sets their bits once at the end.
 *
 * <p>Example: over {@code ["union", "select"]}, {@code scan("1 UNION SELECT")} sets bits 0 and 1.
 */
public final class LiteralScanner {

    private static final int FOUND = 0x8000_0000;   // on a transition: a literal ends in its target
    private static final int STATE = 0x7fff_ffff;

    private final List<String> literals;
    private final int[] classOf = new int[128];  // ASCII char -> column, 0 = no literal uses it
    private final int columns;
    private final int[] next;                    // state * columns + column -> next state, | FOUND
    private final int[] output;                  // literal ending at the state, or -1
    private final int[] dict;                    // nearest suffix state with an output, or -1
    private final int[] single = new int[128];   // folded char -> id of the literal of just that char, or -1

    /**
     * @param literals distinct, non-empty, ASCII-lowercase strings of ASCII chars; bit {@code i}
     *                 of a scan stands for {@code literals.get(i)}
     */
    public LiteralScanner(List<String> literals) {
        this(literals, MAX_ENTRIES);
    }

    /**
     * Transition-table entries one scanner may have: 16 Mi ints, 64 MiB. CRS v4's largest scanner
     * has about 1 Mi. Past it the constructor refuses the literals before it has built the table.
     */
    public static final int MAX_ENTRIES = 1 << 24;

    LiteralScanner(List<String> literals, int maxEntries) {
        this.literals = List.copyOf(literals);
        int col = 1;
        for (String l : this.literals) {
            if (l.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
            for (int k = 0; k < l.length(); k++) {
                char c = l.charAt(k);
                if (c > 0x7f || (c >= 'A' && c <= 'Z')) {
                    throw new IllegalArgumentException("literal is not ASCII lowercase: " + l);
                }
                if (classOf[c] == 0) {
                    classOf[c] = col++;
                }
            }
        }
        this.columns = col;
        Arrays.fill(single, -1);
        // the trie in insertion order
        List<int[]> rows = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        rows.add(new int[columns]);
        out.add(-1);
        for (int id = 0; id < this.literals.size(); id++) {
            String l = this.literals.get(id);
            if (l.length() == 1) {
                single[l.charAt(0)] = id;
                continue;
            }
            int s = 0;
            for (int k = 0; k < l.length(); k++) {
                int c = classOf[l.charAt(k)];
                if (rows.get(s)[c] == 0) {
                    if ((long) (rows.size() + 1) * columns > maxEntries) {
                        throw new IllegalArgumentException("literals too many for one scanner: over "
                                + maxEntries + " table entries");
                    }
                    rows.get(s)[c] = rows.size();
                    rows.add(new int[columns]);
                    out.add(-1);
                }
                s = rows.get(s)[c];
            }
            out.set(s, id);
        }
        int states = rows.size();
        // breadth-first numbers: old state order[i] becomes state i
        int[] order = new int[states];
        int[] number = new int[states];
        int tail = 1;
        for (int head = 0; head < tail; head++) {
            int[] row = rows.get(order[head]);
            for (int c = 1; c < columns; c++) {
                if (row[c] != 0) {
                    number[row[c]] = tail;
                    order[tail++] = row[c];
                }
            }
        }
        next = new int[states * columns];
        output = new int[states];
        dict = new int[states];
        for (int s = 0; s < states; s++) {
            int[] row = rows.get(order[s]);
            for (int c = 1; c < columns; c++) {
                next[s * columns + c] = row[c] == 0 ? 0 : number[row[c]];
            }
            output[s] = out.get(order[s]);
        }
        // failure links, breadth first (the numbering's order), filling in the DFA
        int[] fail = new int[states];
        boolean[] child = new boolean[columns];
        Arrays.fill(dict, -1);
        for (int s = 0; s < states; s++) {
            int[] row = rows.get(order[s]);
            for (int c = 1; c < columns; c++) {
                child[c] = row[c] != 0;
            }
            int f = fail[s];
            if (s > 0) {
                dict[s] = output[f] >= 0 ? f : dict[f];
            }
            for (int c = 1; c < columns; c++) {
                int t = next[s * columns + c];
                if (child[c]) {
                    fail[t] = s == 0 ? 0 : next[f * columns + c] & STATE;
                } else {
                    next[s * columns + c] = s == 0 ? 0 : next[f * columns + c] & STATE;
                }
            }
        }
        for (int k = 0; k < next.length; k++) {
            int t = next[k];
            next[k] = t | (output[t] >= 0 || dict[t] >= 0 ? FOUND : 0);
        }
    }

    /** The literals, in bit order. */
    public List<String> literals() {
        return literals;
    }

    /** Number of automaton states (for sizing). */
    public int states() {
        return output.length;
    }

    /** The bits of the literals that occur in {@code value}, ASCII case folded. */
    public long[] scan(CharSequence value) {
        long[] bits = new long[(literals.size() + 63) >>> 6];
        scan(value, bits, 0);
        return bits;
    }

    /** Sets bit {@code offset + i} of {@code bits} for each literal {@code i} that occurs in {@code value}. */
    public void scan(CharSequence value, long[] bits, int offset) {
        int s = START;
        long seenLow = 0;
        long seenHigh = 0;
        int n = value.length();
        for (int k = 0; k < n; k++) {
            int c = fold(value.charAt(k));
            if (c < 0) {
                s = START;
                continue;
            }
            if (c < 64) {
                seenLow |= 1L << c;
            } else {
                seenHigh |= 1L << c;
            }
            s = step(s, c, bits, offset);
        }
        singles(seenLow, seenHigh, bits, offset);
    }

    /**
     * A char as scans read it: ASCII letters folded to lower case, the Kelvin sign and the long s
     * to {@code k} and {@code s} (as under Unicode case folding, so a {@code (?i)} regex matches
     * them), any other non-ASCII char -1 (no literal holds one: the scan starts over).
     */
    public static int fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c + 32;
        }
        if (c < 128) {
            return c;
        }
        return c == '\u212a' ? 'k' : c == '\u017f' ? 's' : -1;
    }

    /**
     * Sets the bits of the one-char literals among the folded chars a scan saw: bit {@code c} of
     * {@code seenLow} for chars below 64, bit {@code c - 64} of {@code seenHigh} for the rest.
     */
    public void singles(long seenLow, long seenHigh, long[] bits, int offset) {
        for (long m = seenLow; m != 0; m &= m - 1) {
            mark(single[Long.numberOfTrailingZeros(m)], bits, offset);
        }
        for (long m = seenHigh; m != 0; m &= m - 1) {
            mark(single[64 + Long.numberOfTrailingZeros(m)], bits, offset);
        }
    }

    private static void mark(int id, long[] bits, int offset) {
        if (id >= 0) {
            int bit = offset + id;
            bits[bit >>> 6] |= 1L << bit;
        }
    }

    /** The state a scan starts in, for {@link #step}. */
    public static final int START = 0;

    /**
     * One char of a scan from {@code state} ({@link #START} or what the previous step returned,
     * an opaque number): {@code c} is a char {@link #fold} gave (not -1). Sets bit
     * {@code offset + i} of {@code bits} for each literal {@code i} of two chars or more that
     * ends here, and returns the next state; one-char literals are the caller's, with
     * {@link #singles}.
     */
    public int step(int state, int c, long[] bits, int offset) {
        int t = next[state * columns + classOf[c]];
        if (t >= 0) {
            return t;
        }
        int s = t & STATE;
        for (int o = output[s] >= 0 ? s : dict[s]; o >= 0; o = dict[o]) {
            int bit = offset + output[o];
            bits[bit >>> 6] |= 1L << bit;
        }
        return s;
    }

    /** Literal ids in first-seen order, each literal once: a helper to build scanners. */
    static final class Ids {
        private final Map<String, Integer> ids = new LinkedHashMap<>();

        int id(String literal) {
            return ids.computeIfAbsent(literal, k -> ids.size());
        }

        List<String> literals() {
            return new ArrayList<>(ids.keySet());
        }
    }
}
