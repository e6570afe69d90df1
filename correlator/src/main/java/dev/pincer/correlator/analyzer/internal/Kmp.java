package dev.pincer.correlator.analyzer.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Knuth-Morris-Pratt search: every start of {@code needle} in {@code hay} (overlapping ones
 * included), in {@code O(hay + needle)} steps whatever the text, so a hostile input such as
 * {@code aaaa...ab} against {@code aaaa...a} costs no more than any other.
 *
 * <p>Example: {@code all("abababa", "aba", 10)} is {@code [0, 2, 4]}.
 */
final class Kmp {
    private Kmp() {
    }

    static List<Integer> all(char[] hay, char[] needle, int max) {
        List<Integer> out = new ArrayList<>(2);
        int m = needle.length;
        if (m == 0 || m > hay.length) {
            return out;
        }
        int[] fail = failure(needle);
        int k = 0;
        for (int i = 0; i < hay.length; i++) {
            while (k > 0 && hay[i] != needle[k]) {
                k = fail[k - 1];
            }
            if (hay[i] == needle[k]) {
                k++;
            }
            if (k == m) {
                out.add(i - m + 1);
                if (out.size() == max) {
                    return out;
                }
                k = fail[k - 1];
            }
        }
        return out;
    }

    private static int[] failure(char[] p) {
        int[] fail = new int[p.length];
        int k = 0;
        for (int i = 1; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) {
                k = fail[k - 1];
            }
            if (p[i] == p[k]) {
                k++;
            }
            fail[i] = k;
        }
        return fail;
    }
}
