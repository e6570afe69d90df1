package dev.pincer.signatures.prefilter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over a fixed set of ASCII-lowercase literals: one pass over a value,
 * folded to ASCII lowercase on the fly, sets the bit of every literal that occurs in it. Linear in
 * the value (plus the literals found); allocates only the result bits. The transition table is
 * a dense DFA over the chars the literals use (every other char leads back to the root).
 * Immutable and thread-safe.
 *
 * <p>Example: over {@code ["union", "select"]}, {@code scan("1 UNION SELECT")} sets bits 0 and 1.
 */
public final class LiteralScanner {

    private final List<String> literals;
    private final int[] classOf = new int[128];  // ASCII char -> column, 0 = no literal uses it
    private final int columns;
    private final int[] next;                    // state * columns + column -> state
    private final int[] output;                  // literal ending at the state, or -1
    private final int[] dict;                    // nearest suffix state with an output, or -1

    /**
     * @param literals distinct, non-empty, ASCII-lowercase strings of ASCII chars; bit {@code i}
     *                 of a scan stands for {@code literals.get(i)}
     */
    public LiteralScanner(List<String> literals) {
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
        // the trie, then failure links breadth-first, filling in the DFA
        List<int[]> rows = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        rows.add(new int[columns]);
        out.add(-1);
        for (int id = 0; id < this.literals.size(); id++) {
            String l = this.literals.get(id);
            int s = 0;
            for (int k = 0; k < l.length(); k++) {
                int c = classOf[l.charAt(k)];
                if (rows.get(s)[c] == 0) {
                    rows.get(s)[c] = rows.size();
                    rows.add(new int[columns]);
                    out.add(-1);
                }
                s = rows.get(s)[c];
            }
            out.set(s, id);
        }
        int states = rows.size();
        next = new int[states * columns];
        output = new int[states];
        dict = new int[states];
        int[] fail = new int[states];
        for (int s = 0; s < states; s++) {
            System.arraycopy(rows.get(s), 0, next, s * columns, columns);
            output[s] = out.get(s);
        }
        Arrays.fill(dict, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 1; c < columns; c++) {
            int t = next[c];
            if (t != 0) {
                fail[t] = 0;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int f = fail[s];
            dict[s] = output[f] >= 0 ? f : dict[f];
            for (int c = 1; c < columns; c++) {
                int t = next[s * columns + c];
                if (t != 0 && rows.get(s)[c] != 0) {
                    fail[t] = next[f * columns + c];
                    queue.add(t);
                } else {
                    next[s * columns + c] = next[f * columns + c];
                }
            }
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
        int s = 0;
        int n = value.length();
        for (int k = 0; k < n; k++) {
            char c = value.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            } else if (c == '\u212a') {
                c = 'k';  // Kelvin sign and long s fold to ASCII under Unicode case folding
            } else if (c == '\u017f') {
                c = 's';
            }
            s = c < 128 ? next[s * columns + classOf[c]] : 0;
            for (int o = output[s] >= 0 ? s : dict[s]; o >= 0; o = dict[o]) {
                int bit = offset + output[o];
                bits[bit >>> 6] |= 1L << bit;
            }
        }
    }

    /** The state a scan starts in, for {@link #step}. */
    public static final int START = 0;

    /**
     * One char of a scan from {@code state}: sets bit {@code offset + i} of {@code bits} for each
     * literal {@code i} that ends here, and returns the next state. Folding as {@link #scan}.
     */
    public int step(int state, char c, long[] bits, int offset) {
        if (c >= 'A' && c <= 'Z') {
            c += 32;
        } else if (c == '\u212a') {
            c = 'k';
        } else if (c == '\u017f') {
            c = 's';
        }
        int s = c < 128 ? next[state * columns + classOf[c]] : 0;
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
