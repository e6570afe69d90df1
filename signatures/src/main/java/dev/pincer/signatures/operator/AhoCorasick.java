package dev.pincer.signatures.operator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compact, case-insensitive Aho-Corasick automaton over byte strings, for {@code @pm} and
 * {@code @pmFromFile}. Built once at load; {@link #find} scans a value once, allocates nothing and
 * reports the match ModSecurity's {@code acmp_process_quick} reports: the one that ends first,
 * the longest of those ending there. Case folding is ASCII only ({@code tolower} in the C locale).
 *
 * <p>Layout: node {@code n}'s children are {@code label/target[first[n] .. first[n+1])}, sorted by
 * label; {@code fail[n]} is the failure link; {@code out[n]} is the index of the longest pattern
 * ending at {@code n} or at a node on its failure chain, or -1. Memory is a few ints per trie node.
 *
 * <p>Example: patterns {@code ["passwd", "shadow"]}; {@code find("/etc/SHADOW")} is 1.
 */
final class AhoCorasick {

    private final String[] patterns;
    private final int[] first;
    private final byte[] label;   // child labels, lowercased bytes
    private final int[] target;
    private final int[] fail;
    private final int[] out;

    private AhoCorasick(String[] patterns, int[] first, byte[] label, int[] target, int[] fail, int[] out) {
        this.patterns = patterns;
        this.first = first;
        this.label = label;
        this.target = target;
        this.fail = fail;
        this.out = out;
    }

    /**
     * @param patterns byte strings (chars 0..255), none empty
     * @throws IllegalArgumentException for an empty list, an empty pattern or a char above 255
     */
    static AhoCorasick build(List<String> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no pattern to match");
        }
        // 1. A trie with growable child lists (load time only).
        List<int[]> kids = new ArrayList<>();  // per node: pairs (label, child), unsorted
        int[] kidCount = new int[16];
        int[] patternAt = new int[16];
        kids.add(new int[4]);
        patternAt[0] = -1;
        int nodes = 1;
        for (int p = 0; p < patterns.size(); p++) {
            String s = patterns.get(p);
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty pattern at entry " + (p + 1));
            }
            int node = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c > 0xff) {
                    throw new IllegalArgumentException("pattern " + (p + 1) + " holds a char above 0xff");
                }
                int b = lower(c);
                int child = childOf(kids.get(node), kidCount[node], b);
                if (child < 0) {
                    if (nodes == patternAt.length) {
                        patternAt = Arrays.copyOf(patternAt, nodes * 2);
                        kidCount = Arrays.copyOf(kidCount, nodes * 2);
                    }
                    child = nodes++;
                    patternAt[child] = -1;
                    kids.add(new int[4]);
                    int[] list = kids.get(node);
                    if (2 * kidCount[node] + 2 > list.length) {
                        list = Arrays.copyOf(list, list.length * 2);
                        kids.set(node, list);
                    }
                    list[2 * kidCount[node]] = b;
                    list[2 * kidCount[node] + 1] = child;
                    kidCount[node]++;
                }
                node = child;
            }
            if (patternAt[node] < 0) {
                patternAt[node] = p;  // the first spelling of a pattern is the one reported
            }
        }
        // 2. Flatten into sorted CSR arrays.
        int[] firstArr = new int[nodes + 1];
        int edges = 0;
        for (int n = 0; n < nodes; n++) {
            firstArr[n] = edges;
            edges += kidCount[n];
        }
        firstArr[nodes] = edges;
        byte[] labelArr = new byte[edges];
        int[] targetArr = new int[edges];
        for (int n = 0; n < nodes; n++) {
            int[] list = kids.get(n);
            long[] sorted = new long[kidCount[n]];
            for (int k = 0; k < kidCount[n]; k++) {
                sorted[k] = ((long) list[2 * k] << 32) | list[2 * k + 1];
            }
            Arrays.sort(sorted);
            for (int k = 0; k < sorted.length; k++) {
                labelArr[firstArr[n] + k] = (byte) (sorted[k] >>> 32);
                targetArr[firstArr[n] + k] = (int) sorted[k];
            }
        }
        // 3. Failure links and outputs, breadth first.
        int[] failArr = new int[nodes];
        int[] outArr = new int[nodes];
        outArr[0] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int e = firstArr[0]; e < firstArr[1]; e++) {
            int child = targetArr[e];
            failArr[child] = 0;
            outArr[child] = patternAt[child];
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int n = queue.poll();
            for (int e = firstArr[n]; e < firstArr[n + 1]; e++) {
                int child = targetArr[e];
                int b = labelArr[e] & 0xff;
                int f = failArr[n];
                int next;
                while ((next = step(firstArr, labelArr, targetArr, f, b)) < 0 && f != 0) {
                    f = failArr[f];
                }
                failArr[child] = next < 0 ? 0 : next;
                outArr[child] = patternAt[child] >= 0 ? patternAt[child] : outArr[failArr[child]];
                queue.add(child);
            }
        }
        return new AhoCorasick(patterns.toArray(String[]::new), firstArr, labelArr, targetArr, failArr,
                outArr);
    }

    /** Number of patterns. */
    int size() {
        return patterns.length;
    }

    /** The patterns as given, in index order. */
    java.util.List<String> patterns() {
        return java.util.List.of(patterns);
    }

    /** Pattern {@code i} as given. */
    String pattern(int i) {
        return patterns[i];
    }

    /** The index of the pattern found first in {@code value}, or -1. Never throws. */
    int find(String value) {
        int node = 0;
        for (int i = 0; i < value.length(); i++) {
            int b = lower(value.charAt(i) & 0xff);
            int next;
            while ((next = step(first, label, target, node, b)) < 0 && node != 0) {
                node = fail[node];
            }
            node = next < 0 ? 0 : next;
            if (out[node] >= 0) {
                return out[node];
            }
        }
        return -1;
    }

    private static int step(int[] first, byte[] label, int[] target, int node, int b) {
        int lo = first[node];
        int hi = first[node + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int l = label[mid] & 0xff;
            if (l < b) {
                lo = mid + 1;
            } else if (l > b) {
                hi = mid - 1;
            } else {
                return target[mid];
            }
        }
        return -1;
    }

    private static int childOf(int[] list, int count, int b) {
        for (int k = 0; k < count; k++) {
            if (list[2 * k] == b) {
                return list[2 * k + 1];
            }
        }
        return -1;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
