package dev.pincer.correlator.analyzer.internal;

/**
 * Which pairs of adjacent characters a (case-folded) text contains, as a 64 Ki-bit set: a form
 * one of whose pairs the text lacks cannot occur in it, so its scan is skipped. A form made of
 * pairs that all occur still needs the scan (the set says "maybe", never a false "no"), so this
 * changes no result, only the work: an argument searched for 1,000 inputs is scanned for the few
 * whose every pair it holds, not for all of them. Pairs hash to 16 bits: distinct pairs may share
 * a bit (a harmless "maybe"), never the other way round.
 *
 * <p>Example: {@code of("select 1".toCharArray()).mayContain("ct".toCharArray())} is true,
 * {@code mayContain("((".toCharArray())} false.
 */
final class Bigrams {
    private final long[] bits = new long[1 << 10];

    private Bigrams() {
    }

    /** The pairs of {@code text}: {@code text.length - 1} steps. */
    static Bigrams of(char[] text) {
        Bigrams b = new Bigrams();
        int last = -1;
        for (int i = 1; i < text.length; i++) {
            int h = hash(text[i - 1], text[i]);
            if (h != last) { // a run of one pair (100,000 x's) would wait on its own word's last store
                b.bits[h >>> 6] |= 1L << h;
                last = h;
            }
        }
        return b;
    }

    /** False when some pair of {@code form} is not in the text; true for forms shorter than two. */
    boolean mayContain(char[] form) {
        for (int i = 1; i < form.length; i++) {
            int h = hash(form[i - 1], form[i]);
            if ((bits[h >>> 6] & (1L << h)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char a, char b) {
        return ((a * 0x9E37) ^ b) & 0xFFFF;
    }
}
