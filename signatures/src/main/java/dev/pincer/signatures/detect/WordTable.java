package dev.pincer.signatures.detect;

/**
 * An ASCII case-insensitive map from words to one char, looked up by a range of a string without
 * allocating: open addressing over upper-cased keys, hashed with ASCII-only case folding (so a
 * byte above 0x7F never folds onto a keyword). Filled once at class load, then read-only.
 *
 * <p>Example: after {@code put("SLEEP", 'f')}, {@code get("x sleep(", 2, 7)} is {@code 'f'}.
 */
final class WordTable {
    private final String[] keys;
    private final char[] values;
    private final int mask;

    WordTable(int capacity) {
        int size = Integer.highestOneBit(Math.max(16, capacity * 4) - 1) << 1;
        keys = new String[size];
        values = new char[size];
        mask = size - 1;
    }

    void put(String upperKey, char value) {
        int i = hash(upperKey, 0, upperKey.length()) & mask;
        while (keys[i] != null && !keys[i].equals(upperKey)) {
            i = (i + 1) & mask;
        }
        keys[i] = upperKey;
        values[i] = value;
    }

    /** @return the value of the word {@code s[from, to)}, any ASCII case, or 0 */
    char get(String s, int from, int to) {
        int len = to - from;
        int i = hash(s, from, to) & mask;
        for (String k = keys[i]; k != null; k = keys[i = (i + 1) & mask]) {
            if (k.length() == len && sameIgnoringAsciiCase(k, s, from)) {
                return values[i];
            }
        }
        return 0;
    }

    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + upper(s.charAt(i));
        }
        return h ^ (h >>> 16);
    }

    private static boolean sameIgnoringAsciiCase(String upperKey, String s, int from) {
        for (int i = 0; i < upperKey.length(); i++) {
            if (upperKey.charAt(i) != upper(s.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }
}
