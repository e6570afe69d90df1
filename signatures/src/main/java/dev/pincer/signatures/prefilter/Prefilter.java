package dev.pincer.signatures.prefilter;

import dev.pincer.signatures.macro.Macro;
import dev.pincer.signatures.operator.Phrases;
import dev.pincer.signatures.regex.RequiredLiterals;
import dev.pincer.signatures.regex.View;
import dev.pincer.signatures.rule.Rule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The required-literal prefilter of a rule set's {@code @rx} rules: each constant pattern gives
 * clauses of required literals ({@link RequiredLiterals}: every match holds one literal of each
 * clause), in the raw value and in the {@link View}s that drop CRS's command-evasion chars; the
 * literals of each view go into one {@link LiteralScanner}, and per distinct value one scan per
 * view tells which rules can possibly match. A rule one of whose clauses finds none of its
 * literals has a regex that provably does not match the value, so the engine skips that
 * evaluation (for {@code !@rx} the result is then "matched"). A view's clause also holds when the
 * raw value has one of the view's hatch chars. Patterns with macros, and patterns that give no
 * clause, always run. A clause is kept as the non-zero words of its bit mask, so a check costs a
 * few word ANDs however many literals it has. The phrases of {@code @pm} and {@code @pmFromFile}
 * ({@link Phrases}) go into a scanner of their own, read over the raw value: such a rule's one
 * clause is its phrases, exact for ASCII phrases (a value char above 0xFF, which the operator
 * reads as its low byte, makes the clause hold). A view or the phrases whose literals would need
 * more than {@link LiteralScanner#MAX_ENTRIES} table entries get no scanner: the clauses that read
 * them are dropped, so their rules run more often, and the rule set still loads. Immutable and
 * thread-safe.
 *
 * <p>Example: for {@code SecRule ARGS "@rx (?i)union\\s+select" ...}, {@code scan("id=42")} holds
 * no bit of the rule's clauses, so {@code mayMatch(rule, bits)} is false; for CRS 932235's
 * {@code c["'\\]*a["'\\]*t...}, {@code c'a't /etc/passwd} is scanned as {@code cat /etc/passwd} in
 * the Unix view, where the literal {@code cat} is found.
 */
public final class Prefilter {

    /** The views scanned, in this order ({@link #scan} is written for these three). */
    static final List<View> VIEWS = List.of(View.RAW, View.UNIX, View.WINDOWS);
    /** Clauses kept per rule, over all views: each costs a check per evaluation. */
    static final int MAX_CLAUSES = 6;

    /** The mask bit, beyond the views', of the phrases of {@code @pm}-like operators ({@link Phrases}). */
    public static final int PHRASES = 1 << 3;
    /**
     * The bits of a value are one array per segment (see {@link #newBits}): segment {@code v} holds
     * view {@code v}'s literals, segment 3 the phrases, so a value scanned only in the raw view
     * costs only the raw view's words.
     */
    public static final int SEGMENTS = 4;

    private final LiteralScanner[] scanners = new LiteralScanner[VIEWS.size()];
    private final LiteralScanner phrases;   // every Phrases operator's phrases, read in the raw value; null if none
    private final int phraseOffset;
    private final int highBit;              // set by a PHRASES scan of a value holding a char above 0xFF
    private final int[] offsets = new int[VIEWS.size()];
    private final int[] segmentStart = new int[SEGMENTS + 1];  // in words; a segment per view, then the phrases'
    private final int[] segmentOf;                               // global word -> its segment
    private final Map<Rule, Condition> conditions = new IdentityHashMap<>();
    private final boolean[][] removes = new boolean[VIEWS.size()][128];  // per view: ASCII chars it drops
    private final long[] dropsLow = new long[VIEWS.size()];   // the same as folded-char masks, for one-char literals
    private final long[] dropsHigh = new long[VIEWS.size()];
    private final int rxRules;

    /** One clause: the words of its literal bit mask that are not zero, and their indexes. */
    private record Clause(int[] words, long[] masks) {

        static Clause of(List<Integer> ids) {
            TreeMap<Integer, Long> byWord = new TreeMap<>();
            for (int id : ids) {
                byWord.merge(id >>> 6, 1L << id, (a, b) -> a | b);
            }
            int[] words = new int[byWord.size()];
            long[] masks = new long[byWord.size()];
            int k = 0;
            for (Map.Entry<Integer, Long> e : byWord.entrySet()) {
                words[k] = e.getKey();
                masks[k++] = e.getValue();
            }
            return new Clause(words, masks);
        }
    }

    /**
     * What one rule's regex needs of a value: all of its clauses, the cheapest (fewest mask words)
     * checked first. Immutable.
     */
    public static final class Condition {
        private final int[] ends;    // clause c spans [ends[c - 1], ends[c]) of words and masks
        private final int[] words;   // global word indexes
        private final int[] segments;
        private final int[] locals;  // the word within its segment
        private final long[] masks;
        private final int views;     // bit v: a clause holds a literal of VIEWS.get(v)

        private Condition(Clause[] clauses, int views, int[] segmentOf, int[] segmentStart) {
            this.views = views;
            Clause[] sorted = clauses.clone();
            java.util.Arrays.sort(sorted, java.util.Comparator.comparingInt(c -> c.words.length));
            ends = new int[sorted.length];
            int total = 0;
            for (int c = 0; c < sorted.length; c++) {
                total += sorted[c].words.length;
                ends[c] = total;
            }
            words = new int[total];
            masks = new long[total];
            int k = 0;
            for (Clause c : sorted) {
                System.arraycopy(c.words, 0, words, k, c.words.length);
                System.arraycopy(c.masks, 0, masks, k, c.masks.length);
                k += c.words.length;
            }
            segments = new int[total];
            locals = new int[total];
            for (int i = 0; i < total; i++) {
                segments[i] = segmentOf[words[i]];
                locals[i] = words[i] - segmentStart[segments[i]];
            }
        }

        /**
         * The views whose literals this condition reads, as a mask for {@link #scan(CharSequence, int, long[])}:
         * bits scanned with at least these views are enough for {@link #mayMatch}.
         */
        public int views() {
            return views;
        }

        /**
         * The global indexes of the bit words {@link #mayMatch} reads, ascending, each once
         * ({@link Prefilter#segmentOf}, {@link Prefilter#localWord} place them).
         */
        public int[] words() {
            return java.util.Arrays.stream(words).distinct().sorted().toArray();
        }

        /** False only when the regex cannot match the value {@code bits} were scanned from ({@link #scan}). */
        public boolean mayMatch(long[][] bits) {
            int k = 0;
            for (int end : ends) {
                boolean holds = false;
                for (; k < end; k++) {
                    if ((bits[segments[k]][locals[k]] & masks[k]) != 0) {
                        holds = true;
                        k = end;
                        break;
                    }
                }
                if (!holds) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A clause before ids are global: literals per view. */
    private record Pending(List<List<String>> byView, int rank, int size) {
    }

    private Prefilter(Iterable<Rule> rules, int maxEntries) {
        List<LiteralScanner.Ids> ids = new ArrayList<>();
        for (int v = 0; v < VIEWS.size(); v++) {
            ids.add(new LiteralScanner.Ids());
        }
        Map<Rule, List<Pending>> pending = new IdentityHashMap<>();
        List<Rule> order = new ArrayList<>();
        LiteralScanner.Ids phraseIds = new LiteralScanner.Ids();
        Map<Rule, List<String>> phrased = new IdentityHashMap<>();
        int rx = 0;
        for (Rule r : rules) {
            if (r.operator() instanceof Phrases p && !phrased.containsKey(r)) {
                List<String> literals = literals(p.phrases());
                if (literals != null) {
                    phrased.put(r, literals);
                    literals.forEach(phraseIds::id);
                }
                continue;
            }
            if (r.operatorName() == null || !r.operatorName().equalsIgnoreCase("rx") || r.operator() == null) {
                continue;
            }
            rx++;
            if (r.operatorArgument() == null) {
                continue;
            }
            Macro argument = Macro.parse(r.operatorArgument());  // as Rx reads it
            if (!argument.isConstant()) {
                continue;
            }
            List<Pending> clauses = clauses(argument.constant());
            if (!clauses.isEmpty() && !pending.containsKey(r)) {
                pending.put(r, clauses);
                order.add(r);
                for (Pending c : clauses) {
                    for (int v = 0; v < VIEWS.size(); v++) {
                        for (String literal : c.byView.get(v)) {
                            ids.get(v).id(literal);
                        }
                    }
                }
            }
        }
        int total = 0;  // each segment starts at a word
        boolean[] unscanned = new boolean[VIEWS.size()];
        for (int v = 0; v < VIEWS.size(); v++) {
            offsets[v] = total;
            segmentStart[v] = total >>> 6;
            List<String> literals = ids.get(v).literals();
            try {
                scanners[v] = literals.isEmpty() ? null : new LiteralScanner(literals, maxEntries);
            } catch (IllegalArgumentException tooMany) {
                // too many literals for one table: no clause reads this view, so its rules run more often
                unscanned[v] = true;
                literals = List.of();
            }
            total += (literals.size() + 63) & ~63;
        }
        List<String> phraseLiterals = phraseIds.literals();
        LiteralScanner phraseScanner = null;
        if (!phraseLiterals.isEmpty()) {
            try {
                phraseScanner = new LiteralScanner(phraseLiterals, maxEntries);
            } catch (IllegalArgumentException tooMany) {
                // data files too large to scan in one table: the phrase rules run their operators on every value
                phrased.clear();
                phraseLiterals = List.of();
            }
        }
        this.phrases = phraseScanner;
        this.phraseOffset = total;
        segmentStart[3] = total >>> 6;
        this.highBit = phraseLiterals.size();  // in the phrases' segment
        total += (phraseLiterals.size() + 1 + 63) & ~63;
        segmentStart[SEGMENTS] = total >>> 6;
        this.segmentOf = new int[total >>> 6];
        for (int g = 0; g < SEGMENTS; g++) {
            java.util.Arrays.fill(segmentOf, segmentStart[g], segmentStart[g + 1], g);
        }
        for (Map.Entry<Rule, List<String>> e : phrased.entrySet()) {
            List<Integer> global = new ArrayList<>();
            for (String literal : e.getValue()) {
                global.add(phraseOffset + phraseIds.id(literal));
            }
            global.add(phraseOffset + highBit);
            conditions.put(e.getKey(), new Condition(new Clause[] {Clause.of(global)}, PHRASES, segmentOf, segmentStart));
        }
        for (Rule r : order) {
            List<Pending> clauses = new ArrayList<>(pending.get(r));
            clauses.removeIf(c -> readsUnscanned(c, unscanned));  // fewer clauses: a weaker condition, still sound
            if (clauses.isEmpty()) {
                continue;  // the regex runs on every value
            }
            Clause[] condition = new Clause[clauses.size()];
            int views = 0;
            for (int c = 0; c < condition.length; c++) {
                List<Integer> global = new ArrayList<>();
                for (int v = 0; v < VIEWS.size(); v++) {
                    for (String literal : clauses.get(c).byView.get(v)) {
                        global.add(offsets[v] + ids.get(v).id(literal));
                        views |= 1 << v;
                    }
                }
                condition[c] = Clause.of(global);
            }
            conditions.put(r, new Condition(condition, views, segmentOf, segmentStart));
        }
        for (int v = 0; v < VIEWS.size(); v++) {
            for (char c : VIEWS.get(v).removed().toCharArray()) {
                removes[v][c] = true;
                int f = LiteralScanner.fold(c);
                if (f != c) {
                    throw new IllegalStateException("a view drops a char that folds: " + c);  // singles() masks folded chars
                }
                if (f < 64) {
                    dropsLow[v] |= 1L << f;
                } else if (f >= 64) {
                    dropsHigh[v] |= 1L << f;
                }
            }
        }
        this.rxRules = rx;
    }

    private static boolean readsUnscanned(Pending clause, boolean[] unscanned) {
        for (int v = 0; v < VIEWS.size(); v++) {
            if (unscanned[v] && !clause.byView.get(v).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The best {@link #MAX_CLAUSES} clauses of a pattern over every view: a view's clause gets the
     * view's hatch chars as raw literals. Ranked by their shortest literal (hatches aside), longer
     * first, then by fewer literals.
     */
    private static List<Pending> clauses(String pattern) {
        Set<List<List<String>>> seen = new LinkedHashSet<>();
        Set<Set<String>> raw = new java.util.HashSet<>();
        List<Pending> all = new ArrayList<>();
        for (int v = 0; v < VIEWS.size(); v++) {
            View view = VIEWS.get(v);
            List<List<String>> clauses = v == 0 ? RequiredLiterals.of(pattern) : RequiredLiterals.of(pattern, view);
            if (clauses == null) {
                continue;
            }
            for (List<String> literals : clauses) {
                if (v == 0) {
                    raw.add(Set.copyOf(literals));
                } else if (raw.contains(Set.copyOf(literals))) {
                    continue;  // the same literals in the raw value: a stronger clause, already kept
                }
                List<List<String>> byView = new ArrayList<>();
                for (int w = 0; w < VIEWS.size(); w++) {
                    byView.add(new ArrayList<>());
                }
                byView.get(v).addAll(literals);
                for (char h : view.hatch().toCharArray()) {
                    byView.get(0).add(String.valueOf(h));
                }
                if (byView.get(0).isEmpty() && literals.isEmpty()) {
                    continue;  // an empty clause without a hatch: not expected, so not trusted
                }
                if (!seen.add(byView)) {
                    continue;
                }
                int rank = Integer.MAX_VALUE;
                for (String l : literals) {
                    rank = Math.min(rank, l.length());
                }
                all.add(new Pending(byView, rank, literals.size()));
            }
        }
        all.sort((a, b) -> a.rank != b.rank ? Integer.compare(b.rank, a.rank) : Integer.compare(a.size, b.size));
        return all.size() <= MAX_CLAUSES ? all : List.copyOf(all.subList(0, MAX_CLAUSES));
    }

    /**
     * The literals of phrases as the scanner reads them (ASCII lower case), or null when one has
     * a char beyond ASCII: the operator reads such chars as bytes, the scanner not at all.
     */
    private static List<String> literals(List<String> phrases) {
        List<String> out = new ArrayList<>(phrases.size());
        for (String p : phrases) {
            StringBuilder b = new StringBuilder(p.length());
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c >= 128) {
                    return null;
                }
                b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
            if (b.isEmpty()) {
                return null;
            }
            out.add(b.toString());
        }
        return out;
    }

    /**
     * The prefilter of every {@code @rx} and {@link Phrases} rule among {@code rules} (heads and
     * chain children alike).
     */
    public static Prefilter of(Iterable<Rule> rules) {
        return new Prefilter(rules, LiteralScanner.MAX_ENTRIES);
    }

    /**
     * As {@link #of(Iterable)}, with at most {@code maxEntries} transition-table entries per
     * scanner ({@link LiteralScanner#MAX_ENTRIES}): a view or the phrases whose literals need more
     * are not scanned, and the clauses that read them are dropped.
     */
    static Prefilter of(Iterable<Rule> rules, int maxEntries) {
        return new Prefilter(rules, maxEntries);
    }

    /** True when {@code rule} has a condition: its regex may be skipped on some values. */
    public boolean filters(Rule rule) {
        return conditions.containsKey(rule);
    }

    /** The condition of {@code rule}'s regex, or null when it always runs; look it up once, not per value. */
    public Condition condition(Rule rule) {
        return conditions.get(rule);
    }

    /**
     * The literal bits of one value in every view, for {@link Condition#mayMatch}: one pass over
     * the value feeds each view's scanner the chars the view keeps; allocates only the bits.
     */
    public long[][] scan(CharSequence value) {
        long[][] bits = newBits();
        scan(value, ALL_VIEWS, bits);
        return bits;
    }

    /** Bits for {@link #scan(CharSequence, int, long[][])}: no segment yet. */
    public long[][] newBits() {
        return new long[SEGMENTS][];
    }

    /** The number of words of segment {@code segment}. */
    public int segmentWords(int segment) {
        return segmentStart[segment + 1] - segmentStart[segment];
    }

    /** The segment of global word {@code word} ({@link Condition#words()}). */
    public int segmentOf(int word) {
        return segmentOf[word];
    }

    /** Global word {@code word}'s index within its segment. */
    public int localWord(int word) {
        return word - segmentStart[segmentOf[word]];
    }

    /** Every view, for {@link #scan(CharSequence, int, long[])}. */
    public static final int ALL_VIEWS = (1 << 3) - 1 | PHRASES;

    /**
     * Sets in {@code bits} ({@link #newBits}; a segment is made when first scanned) the literal bits of {@code value} in the
     * views of mask {@code views} (bit {@code v} for {@code VIEWS.get(v)}, see
     * {@link Condition#views()}); the bits of other views are left as they are. A view's bits
     * depend on the value alone, so a caller may scan more views into the same bits later.
     */
    public void scan(CharSequence value, int views, long[][] bits) {
        for (int g = 0; g < SEGMENTS; g++) {
            if ((views & 1 << g) != 0 && bits[g] == null) {
                bits[g] = new long[segmentWords(g)];
            }
        }
        long[] rawBits = bits[0];
        long[] unixBits = bits[1];
        long[] windowsBits = bits[2];
        long[] phraseBits = bits[3];
        LiteralScanner phrase = (views & PHRASES) == 0 ? null : phrases;
        boolean high = false;
        int h = LiteralScanner.START;
        LiteralScanner raw = (views & 1) == 0 ? null : scanners[0];
        LiteralScanner unix = (views & 2) == 0 ? null : scanners[1];
        LiteralScanner windows = (views & 4) == 0 ? null : scanners[2];
        boolean[] unixDrops = removes[1];
        boolean[] windowsDrops = removes[2];
        int r = LiteralScanner.START;
        int u = LiteralScanner.START;
        int w = LiteralScanner.START;
        long seenLow = 0;
        long seenHigh = 0;
        int n = value.length();
        for (int k = 0; k < n; k++) {
            char raw0 = value.charAt(k);
            int c;
            if (raw0 < 128) {
                c = raw0 >= 'A' && raw0 <= 'Z' ? raw0 + 32 : raw0;
            } else {
                high |= raw0 > 0xFF;
                c = LiteralScanner.fold(raw0);
                if (c < 0) {
                    r = u = w = h = LiteralScanner.START;  // no literal holds a non-ASCII char, and no view drops one
                    continue;
                }
            }
            if (c < 64) {
                seenLow |= 1L << c;
            } else {
                seenHigh |= 1L << c;
            }
            if (raw != null) {
                r = raw.step(r, c, rawBits, 0);
            }
            if (phrase != null) {
                h = phrase.step(h, c, phraseBits, 0);
            }
            if (unix != null && (raw0 >= 128 || !unixDrops[raw0])) {
                u = unix.step(u, c, unixBits, 0);
            }
            if (windows != null && (raw0 >= 128 || !windowsDrops[raw0])) {
                w = windows.step(w, c, windowsBits, 0);
            }
        }
        // a view drops chars, never adds one: it saw what the value holds but its dropped chars
        if (raw != null) {
            raw.singles(seenLow, seenHigh, rawBits, 0);
        }
        if (phrase != null) {
            phrase.singles(seenLow, seenHigh, phraseBits, 0);
        }
        if ((views & PHRASES) != 0 && high) {
            phraseBits[highBit >>> 6] |= 1L << highBit;  // a phrase operator reads such a char as its low byte: it may match
        }
        if (unix != null) {
            unix.singles(seenLow & ~dropsLow[1], seenHigh & ~dropsHigh[1], unixBits, 0);
        }
        if (windows != null) {
            windows.singles(seenLow & ~dropsLow[2], seenHigh & ~dropsHigh[2], windowsBits, 0);
        }
    }

    /**
     * False only when {@code rule}'s regex cannot match the value {@code bits} were scanned from;
     * true for rules without a condition.
     */
    public boolean mayMatch(Rule rule, long[][] bits) {
        Condition condition = conditions.get(rule);
        return condition == null || condition.mayMatch(bits);
    }


    /** Number of {@code @rx} rules seen, and of those with a condition. */
    public int rxRules() {
        return rxRules;
    }

    public int filteredRules() {
        return conditions.size();
    }
}
