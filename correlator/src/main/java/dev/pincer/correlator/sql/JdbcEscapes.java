package dev.pincer.correlator.sql;

import java.util.Locale;
import java.util.Set;

/**
 * The opening of a JDBC escape (JDBC 4.3, section 13.4), which the driver rewrites before the
 * database sees the text: <code>&#123;call</code>, <code>&#123;? = call</code>, and
 * <code>&#123;</code> followed by {@code fn d t ts oj escape limit} (any case, blanks allowed after
 * the brace and around {@code ? =}). The brace and keyword are syntax, one {@code ESCAPE_OPEN}
 * token; the tokenizer pairs the closing brace. A brace followed by anything else
 * (<code>&#123;calls</code>, a JSON text outside a literal) is plain punctuation.
 *
 * <p>Example: in <code>&#123;? = call f(?)&#125;</code> the opening is <code>&#123;? = call</code>.
 */
final class JdbcEscapes {
    private static final Set<String> KEYWORDS = Set.of("call", "fn", "d", "t", "ts", "oj", "escape", "limit");
    /** The longest keyword ({@code escape}). */
    private static final int MAX_KEYWORD = 6;

    private JdbcEscapes() {
    }

    /** The end of the escape opening at the brace at {@code i}, or -1 when no escape keyword follows. */
    static int openEnd(String s, int i) {
        int j = skipSpace(s, i + 1);
        if (j < s.length() && s.charAt(j) == '?') {
            j = skipSpace(s, j + 1);
            if (j >= s.length() || s.charAt(j) != '=') {
                return -1;
            }
            j = skipSpace(s, j + 1);
            return s.regionMatches(true, j, "call", 0, 4) && !wordAt(s, j + 4) ? j + 4 : -1;
        }
        int k = j;
        while (k < s.length() && k - j < MAX_KEYWORD && Character.isLetter(s.charAt(k))) {
            k++;
        }
        return k > j && !wordAt(s, k) && KEYWORDS.contains(s.substring(j, k).toLowerCase(Locale.ROOT)) ? k : -1;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && SqlTokenizer.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean wordAt(String s, int i) {
        return i < s.length() && SqlTokenizer.isWordPart(s.charAt(i));
    }
}
