package dev.pincer.signatures.detect;

/**
 * Scans one quoted SQL string: up to the first unescaped closing quote, where a quote preceded by
 * an odd number of backslashes, or doubled ({@code ''}), belongs to the string. An unclosed string
 * runs to the end of the value.
 *
 * <p>Example: in {@code 'it''s' or 1}, the string from offset 0 is {@code it''s}, closed by
 * {@code '}; scanning resumes at offset 7.
 */
final class SqlStrings {
    private SqlStrings() {
    }

    /**
     * @param s the value
     * @param pos where the string starts: its opening quote, or its first byte when the context
     *     opened it ({@code quoted == false})
     * @param delim the quote character
     * @param t receives a {@code s} token (its text without quotes, and which quotes opened and
     *     closed it)
     * @param quoted whether {@code s.charAt(pos)} is the opening quote
     * @return the offset after the string
     */
    static int scan(String s, int pos, char delim, SqlToken t, boolean quoted) {
        int n = s.length();
        int start = quoted ? pos + 1 : pos;
        boolean escaped = false;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == delim) {
                if (i + 1 < n && s.charAt(i + 1) == delim) {
                    i++;
                    continue;
                }
                t.set(SqlToken.STRING, s.substring(start, i));
                t.strOpen = quoted ? delim : SqlToken.NO_QUOTE;
                t.strClose = delim;
                return i + 1;
            }
        }
        t.set(SqlToken.STRING, s.substring(start));
        t.strOpen = quoted ? delim : SqlToken.NO_QUOTE;
        return n;
    }
}
