package dev.pincer.inspection.seclang;

import dev.pincer.signatures.prefilter.Prefilter;
import dev.pincer.signatures.rule.Rule;
import dev.pincer.signatures.transform.Transformation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each value is transformed once per distinct transformation chain prefix in a transaction
 * (CRS v4 has about 56 prefixes for some 700 rules), and each of its forms is scanned by the
 * prefilter at most once. {@link Chains} numbers the prefixes of a rule set when the engine is
 * built (a rule's numbers sit in its {@link RulePlan}); the cache keeps, per value (by identity:
 * the collections hand out the same instance to every rule), one {@link Forms}: the value after
 * each prefix and the literal bits of each distinct text among them, so a rule on a value costs one map lookup.
 */
final class TransformCache {

    /** The prefix numbering of one rule set; built once, read-only afterwards. */
    static final class Chains {
        private final Map<List<String>, Integer> ids = new HashMap<>();

        /** Numbers the prefixes of {@code rule}'s chain: {@code [i]} for its first {@code i + 1} steps. */
        int[] add(Rule rule) {
            Transformation[] ts = rule.transformations();
            int[] prefix = new int[ts.length];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < ts.length; i++) {
                names.add(ts[i].name());
                prefix[i] = ids.computeIfAbsent(List.copyOf(names), k -> ids.size());
            }
            return prefix;
        }

        int size() {
            return ids.size();
        }
    }

    /**
     * One value's forms: slot 0 is the value itself, slot {@code n + 1} the value after prefix
     * {@code n}; each form's prefilter bits, scanned when first asked for.
     *
     * <p>A {@link ValueMemo} shares one transaction's forms with later ones: {@link #freeze} hands
     * out the arrays as they are, and from then on both sides copy them before they write
     * ({@link #own}), so a shared array is never written again. The forms and bits are pure
     * functions of the value's text under the engine's rule set, so any transaction may read them.
     */
    static final class Forms {
        final String value;
        private String[] forms;
        private int[] text;            // per slot: 1 + the index of its text in scanned, 0 = not yet
        private String[] scanned;      // the distinct texts scanned so far, their bits and views
        private long[][][] scannedBits;
        private int[] scannedViews;
        private int texts;
        private long[] misses;         // bit per RulePlan.missSlot: that rule's pure operator did not match this value
        private long[] judged;         // bit per selection group: its members' verdicts on this value are known
        private long[] verdicts;       // bit per group member: its condition holds on this value's form
        private boolean shared;        // the arrays are also a memo's: copy them before a write
        private boolean changed;       // something was computed since this was made or taken from a memo

        private Forms(String value, int chains) {
            this.value = value;
            this.forms = new String[chains + 1];
            forms[0] = value;
            this.changed = true;
        }

        private Forms(Forms from, String value) {
            this.value = value;
            this.forms = from.forms;
            this.text = from.text;
            this.scanned = from.scanned;
            this.scannedBits = from.scannedBits;
            this.scannedViews = from.scannedViews;
            this.texts = from.texts;
            this.misses = from.misses;
            this.judged = from.judged;
            this.verdicts = from.verdicts;
            this.shared = true;
        }

        /**
         * A read-only copy for a memo: it and this share their arrays, and each copies them before
         * it writes. Clears {@link #changed}.
         */
        Forms freeze() {
            shared = true;
            changed = false;
            return new Forms(this, value);
        }

        /** A transaction's own forms of {@code value} (whose text is this one's), sharing this one's arrays. */
        Forms share(String value) {
            return new Forms(this, value);
        }

        /** True when this has forms or bits its memo entry (if any) does not. */
        boolean changed() {
            return changed;
        }

        /** About how many bytes the forms and their bits hold, for a memo's bound. */
        int weight() {
            long bytes = 64 + 8L * forms.length;
            for (String f : forms) {
                if (f != null && f != value) {
                    bytes += 48 + f.length();
                }
            }
            for (int i = 0; i < texts; i++) {
                for (long[] segment : scannedBits[i]) {
                    bytes += segment == null ? 0 : 16 + 8L * segment.length;
                }
            }
            bytes += bitsetBytes(misses) + bitsetBytes(judged) + bitsetBytes(verdicts);
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        }

        private static long bitsetBytes(long[] bitset) {
            return bitset == null ? 0 : 16 + 8L * bitset.length;
        }

        /** Makes the arrays this one's own before a write (a frozen copy's are shared). */
        private void own() {
            changed = true;
            if (!shared) {
                return;
            }
            shared = false;
            forms = forms.clone();
            if (misses != null) {
                misses = misses.clone();
            }
            if (judged != null) {
                judged = judged.clone();
                verdicts = verdicts.clone();
            }
            if (text != null) {
                text = text.clone();
            }
            if (scanned != null) {
                scanned = scanned.clone();
                scannedViews = scannedViews.clone();
                scannedBits = scannedBits.clone();
                for (int i = 0; i < texts; i++) {
                    scannedBits[i] = scannedBits[i].clone();  // a scan adds segments to it; a segment, once scanned, is never written
                }
            }
        }

        /** True when the pure operator of the rule with miss slot {@code slot} is known not to match this value's form. */
        boolean knownMiss(int slot) {
            long[] m = misses;
            return m != null && (slot >>> 6) < m.length && (m[slot >>> 6] & (1L << slot)) != 0;
        }

        /**
         * Remembers that the rule with miss slot {@code slot} (of {@code slots} in the rule set) did
         * not match this value's form: a pure operator gives that answer every time.
         */
        void miss(int slot, int slots) {
            own();
            if (misses == null) {
                misses = new long[(slots + 63) >>> 6];
            }
            misses[slot >>> 6] |= 1L << slot;
        }

        /** True when {@link #judge} gave the verdicts of {@code group}'s members on this value. */
        boolean judged(int group) {
            long[] j = judged;
            return j != null && (j[group >>> 6] & (1L << group)) != 0;
        }

        /**
         * Judges each member of {@code group} (of {@code groups}; members of {@code memberCount})
         * on this value's form under the group's chain, whose prefilter bits are {@code bits}:
         * whether its condition holds. A pure function of the text, like the bits, so the verdicts
         * travel with the forms to later transactions.
         */
        void judge(int group, int groups, int[] members, Prefilter.Condition[] conditions, long[][] bits,
                   int memberCount) {
            own();
            if (judged == null) {
                judged = new long[(groups + 63) >>> 6];
                verdicts = new long[(memberCount + 63) >>> 6];
            }
            for (int m : members) {
                if (conditions[m].mayMatch(bits)) {
                    verdicts[m >>> 6] |= 1L << m;
                }
            }
            judged[group >>> 6] |= 1L << group;
        }

        /** The verdict {@link #judge} gave member {@code member}: its condition holds on this value. */
        boolean may(int member) {
            return (verdicts[member >>> 6] & (1L << member)) != 0;
        }

        /** The value after the rule's first {@code steps} transformations; 0 gives the value. */
        String apply(RulePlan plan, int steps) {
            if (steps == 0) {
                return value;
            }
            int[] prefix = plan.prefix;
            String[] known = forms;
            String done = known[prefix[steps - 1] + 1];
            if (done != null) {
                return done;
            }
            int have = steps - 1;
            while (have > 0 && known[prefix[have - 1] + 1] == null) {
                have--;
            }
            String current = have == 0 ? value : known[prefix[have - 1] + 1];
            Transformation[] ts = plan.rule.transformations();
            own();
            for (int i = have; i < steps; i++) {
                current = ts[i].apply(current);
                forms[prefix[i] + 1] = current;
            }
            return current;
        }

        /**
         * The prefilter bits of the form {@code steps} transformations make ({@link #apply} must
         * have made it), scanned in at least the views of the rule's condition. Forms with the same
         * text share one bits array: most chains leave an ordinary value as it was, so a value has
         * a few distinct texts among its dozens of forms; a view is scanned into it when a rule
         * first needs it (most rules need only the raw view).
         */
        long[][] bits(RulePlan plan, int steps, Prefilter prefilter) {
            int slot = steps == 0 ? 0 : plan.prefix[steps - 1] + 1;
            int views = plan.condition.views();
            int t = text == null ? -1 : text[slot] - 1;
            if (t >= 0 && (views & ~scannedViews[t]) == 0) {
                return scannedBits[t];
            }
            own();
            if (text == null) {
                text = new int[forms.length];
            }
            if (t < 0) {
                String form = forms[slot];
                for (int i = 0; i < texts && t < 0; i++) {
                    String other = scanned[i];
                    if (other == form || (other.length() == form.length() && other.equals(form))) {
                        t = i;
                    }
                }
                if (t < 0) {
                    t = remember(form, prefilter.newBits());
                }
                text[slot] = t + 1;
            }
            int missing = views & ~scannedViews[t];
            if (missing != 0) {
                prefilter.scan(scanned[t], missing, scannedBits[t]);
                scannedViews[t] |= missing;
            }
            return scannedBits[t];
        }

        private int remember(String form, long[][] b) {
            if (scanned == null) {
                scanned = new String[4];
                scannedBits = new long[4][][];
                scannedViews = new int[4];
            } else if (texts == scanned.length) {
                scanned = java.util.Arrays.copyOf(scanned, texts * 2);
                scannedBits = java.util.Arrays.copyOf(scannedBits, texts * 2);
                scannedViews = java.util.Arrays.copyOf(scannedViews, texts * 2);
            }
            scanned[texts] = form;
            scannedBits[texts] = b;
            return texts++;
        }
    }

    private final Chains chains;
    private final ValueMemo memo;  // null: this transaction neither reads nor fills one
    /** By value identity; sized for a typical request's few dozen values (it grows for more). */
    private final IdentityHashMap<String, Forms> results = new IdentityHashMap<>(64);

    TransformCache(Chains chains, ValueMemo memo) {
        this.chains = chains;
        this.memo = memo;
    }

    /** The forms of {@code value} in this transaction: from the memo when an earlier one left them there. */
    Forms forms(String value) {
        Forms f = results.get(value);
        if (f == null) {
            f = memo == null ? null : memo.take(value);
            if (f == null) {
                f = new Forms(value, chains.size());
            }
            results.put(value, f);
        }
        return f;
    }

    /** Leaves what this transaction worked out in the memo, for the next ones; call once it has run. */
    void publish() {
        if (memo == null) {
            return;
        }
        for (Forms f : results.values()) {
            if (f.changed()) {
                memo.put(f);
            }
        }
    }
}
