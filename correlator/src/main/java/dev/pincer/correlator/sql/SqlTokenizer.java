package dev.pincer.correlator.sql;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.analyzer.internal.CheckWork;
import dev.pincer.correlator.sql.SqlTokens.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A tolerant, dialect-agnostic SQL tokenizer: it never fails, every character is either whitespace
 * or in exactly one token, and it runs in one linear pass.
 *
 * <p>It knows string literals ({@code '...'} with {@code ''}, and with {@code \'} in the
 * {@link SqlQuoting#BACKSLASH} reading as in MySQL; prefixed literals {@code N'..' X'..' B'..'
 * E'..' U&'..' q'[..]'} when their content is valid for the prefix, see {@link PrefixedLiterals};
 * PostgreSQL {@code $tag$...$tag$}), {@code "quoted"} and {@code `backtick`} identifiers, numbers
 * (decimal, float, exponent, {@code 0x..}, {@code 0b..}), comments ({@code --}, {@code #} except
 * PostgreSQL's {@code #> #>> #-} operators, {@code /* *&#47;}),
 * MySQL executable comments ({@code /*!50000 ... *&#47;}, whose content is tokenized as code between
 * an {@code EXEC_OPEN} and an {@code EXEC_CLOSE} token), JDBC escapes (<code>&#123;call</code>,
 * <code>&#123;? = call</code>, and <code>&#123;</code> before {@code fn d t ts oj escape limit}: the brace
 * and keyword are one {@code ESCAPE_OPEN} token, the matching brace an {@code ESCAPE_CLOSE},
 * nesting allowed; {@link JdbcEscapes}),
 * parameters ({@code ? :name $1}), words ({@code @var} and {@code @@var} included), operators and
 * punctuation.
 *
 * <p>Example: {@code SELECT * FROM t WHERE a='x'/*!50000union*&#47;} gives {@code SELECT * FROM t WHERE
 * a = 'x' /*!50000 union *&#47;}; <code>&#123;call p(x'4A')&#125;</code> gives <code>&#123;call</code>,
 * {@code p ( x'4A' )} and <code>&#125;</code>.
 */
final class SqlTokenizer {
    private static final String[] OPERATORS3 = {"<=>", "->>", "!~*"};
    private static final String[] OPERATORS2 = {"<>", "<=", ">=", "!=", "||", "&&", "::", ":=", "->", "<<",
            ">>", "==", "~*", "!~", "@>", "<@"};
    private static final String OPERATOR_CHARS = "+-*/<>=~!%^&|@:";
    private static final String PUNCT = "(),;.[]{}";
    /**
     * [c]: the multi-character operators that start with {@code c}, longest first. Every one starts
     * with an ASCII operator character, so the rest of the chars (and a run of 100,000 slashes) try
     * none: matching all nineteen at every operator char cost more than the rest of the tokenizer.
     */
    private static final String[][] OPERATORS_BY_FIRST = byFirst();

    /**
     * The most tokens one query is read into: 16 Ki (an {@code IN} list of 8,000 values, a
     * multi-row insert of 1,500 rows; about a millisecond to tokenize). A longer query in which an
     * input occurs throws {@link AnalysisLimitException} ({@code sql_tokens}) and is decided by
     * policy rather than judged in part.
     */
    static final int MAX_TOKENS = 1 << 14;
    static final String BUDGET = "sql_tokens";

    private SqlTokenizer() {
    }

    static SqlTokens tokenize(String s, boolean backslashEscapes) {
        return tokenize(s, backslashEscapes ? SqlQuoting.BACKSLASH : SqlQuoting.STANDARD);
    }

    /** The tokens of {@code s} read with {@code quoting}; read once per check ({@link CheckWork#remember}). */
    static SqlTokens tokenize(String s, SqlQuoting quoting) {
        return CheckWork.remember(quoting, s, () -> read(s, quoting));
    }

    private static SqlTokens read(String s, SqlQuoting quoting) {
        boolean backslashEscapes = quoting.backslash();
        SqlTokens t = new SqlTokens(s, MAX_TOKENS);
        int n = s.length();
        int i = 0;
        boolean inExec = false;
        int escapes = 0;
        while (i < n) {
            char c = s.charAt(i);
            char d = i + 1 < n ? s.charAt(i + 1) : '\0';
            int next;
            if (isSpace(c)) {
                i++;
            } else if (c == '#' && (d == '>' || d == '-')) {
                int len = s.startsWith("#>>", i) ? 3 : 2;
                t.add(Type.OPERATOR, i, i + len);
                i += len;
            } else if ((c == '-' && d == '-') || c == '#') {
                int eol = lineEnd(s, i);
                t.add(Type.COMMENT, i, eol, i + (c == '#' ? 1 : 2), eol);
                i = eol;
            } else if (c == '/' && d == '*' && i + 2 < n && s.charAt(i + 2) == '!') {
                int j = i + 3;
                while (j < n && j < i + 9 && isDigit(s.charAt(j))) {
                    j++;
                }
                t.add(Type.EXEC_OPEN, i, j);
                inExec = true;
                i = j;
            } else if (c == '/' && d == '*') {
                int close = s.indexOf("*/", i + 2);
                int e = close < 0 ? n : close + 2;
                t.add(Type.COMMENT, i, e, i + 2, close < 0 ? n : close);
                if (close < 0) {
                    t.markUnterminated();
                }
                i = e;
            } else if (inExec && c == '*' && d == '/') {
                t.add(Type.EXEC_CLOSE, i, i + 2);
                inExec = false;
                i += 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                i = quoted(t, s, i, i, backslashEscapes && c != '`');
            } else if (isWordStart(c) && (i == 0 || !isWordPart(s.charAt(i - 1)))
                    && (next = PrefixedLiterals.read(t, s, i, quoting)) > 0) {
                i = next;
            } else if (c == '{' && (next = JdbcEscapes.openEnd(s, i)) > 0) {
                t.add(Type.ESCAPE_OPEN, i, next);
                escapes++;
                i = next;
            } else if (c == '}' && escapes > 0) {
                t.add(Type.ESCAPE_CLOSE, i, i + 1);
                escapes--;
                i++;
            } else if (c == '$' && dollarTagEnd(s, i) > 0) {
                i = dollarQuoted(t, s, i, dollarTagEnd(s, i));
            } else if (isDigit(c) || (c == '.' && isDigit(d))) {
                i = number(t, s, i);
            } else if (isWordStart(c) || c == '@') {
                int j = i + 1;
                if (c == '@' && d == '@') {
                    j++;
                }
                while (j < n && isWordPart(s.charAt(j))) {
                    j++;
                }
                t.add(c == '@' && j == i + 1 ? Type.OPERATOR : Type.WORD, i, j);
                i = j;
            } else if (c == '?' || (c == '$' && isDigit(d)) || (c == ':' && isWordStart(d))) {
                int j = i + 1;
                while (c != '?' && j < n && isWordPart(s.charAt(j))) {
                    j++;
                }
                t.add(Type.PARAM, i, j);
                i = j;
            } else {
                i = operator(t, s, i);
            }
        }
        return t;
    }

    /** A quoted token from {@code from} (prefix included) whose opening quote is at {@code open}. */
    private static int quoted(SqlTokens t, String s, int from, int open, boolean backslash) {
        char q = s.charAt(open);
        Type type = q == '\'' ? Type.STRING : q == '"' ? Type.QUOTED : Type.BACKTICK;
        int close = PrefixedLiterals.closingQuote(s, open, backslash);
        if (close >= 0) {
            t.add(type, from, close + 1, open + 1, close);
            return close + 1;
        }
        t.add(type, from, s.length(), open + 1, s.length());
        t.markUnterminated();
        return s.length();
    }

    /** The end of a {@code $tag$} opening at {@code i} (exclusive), or -1. */
    private static int dollarTagEnd(String s, int i) {
        int j = i + 1;
        while (j < s.length() && j - i < 64 && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_'
                || (j > i + 1 && isDigit(s.charAt(j))))) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
    }

    private static int dollarQuoted(SqlTokens t, String s, int i, int tagEnd) {
        String tag = s.substring(i, tagEnd);
        int close = s.indexOf(tag, tagEnd);
        if (close < 0) {
            t.add(Type.STRING, i, s.length(), tagEnd, s.length());
            t.markUnterminated();
            return s.length();
        }
        t.add(Type.STRING, i, close + tag.length(), tagEnd, close);
        return close + tag.length();
    }

    private static int number(SqlTokens t, String s, int i) {
        int n = s.length();
        int j = i;
        if (s.charAt(i) == '0' && i + 1 < n && "xXbB".indexOf(s.charAt(i + 1)) >= 0) {
            j = i + 2;
            while (j < n && Character.digit(s.charAt(j), 16) >= 0 && s.charAt(j) < 0x80) {
                j++;
            }
        } else {
            while (j < n && (isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                j++;
            }
            if (j < n && (s.charAt(j) | 0x20) == 'e') {
                int k = j + 1;
                if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                    k++;
                }
                if (k < n && isDigit(s.charAt(k))) {
                    j = k;
                    while (j < n && isDigit(s.charAt(j))) {
                        j++;
                    }
                }
            }
        }
        t.add(Type.NUMBER, i, j);
        return j;
    }

    private static int operator(SqlTokens t, String s, int i) {
        char first = s.charAt(i);
        if (PUNCT.indexOf(first) >= 0) {
            t.add(Type.PUNCT, i, i + 1);
            return i + 1;
        }
        if (first < OPERATORS_BY_FIRST.length) {
            for (String op : OPERATORS_BY_FIRST[first]) {
                if (s.startsWith(op, i)) {
                    t.add(Type.OPERATOR, i, i + op.length());
                    return i + op.length();
                }
            }
        }
        t.add(OPERATOR_CHARS.indexOf(first) >= 0 ? Type.OPERATOR : Type.OTHER, i, i + 1);
        return i + 1;
    }

    private static String[][] byFirst() {
        String[][] out = new String[128][];
        for (char c = 0; c < out.length; c++) {
            List<String> ops = new ArrayList<>();
            for (String[] group : new String[][] {OPERATORS3, OPERATORS2}) {
                for (String op : group) {
                    if (op.charAt(0) == c) {
                        ops.add(op);
                    }
                }
            }
            out[c] = ops.toArray(new String[0]);
        }
        return out;
    }

    private static int lineEnd(String s, int i) {
        int j = i;
        while (j < s.length() && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
            j++;
        }
        return j;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u0000' || Character.isSpaceChar(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
