package dev.pincer.correlator.sql;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import java.util.Arrays;

/**
 * The tokens of one SQL text, as parallel arrays (a 1 MB query can have a few hundred thousand
 * tokens; objects per token would dominate the cost). Whitespace is not a token. A delimited token
 * (string literal, quoted identifier, comment) records where its content starts and ends, so a
 * position can be told to be inside the content or on a delimiter.
 *
 * <p>Example: {@code WHERE n = N'a''b'} has tokens {@code WHERE}, {@code n}, {@code =} and the string
 * {@code N'a''b'} with start 10, content [12, 16) and end 17.
 */
final class SqlTokens {
    enum Type {
        WORD, NUMBER, STRING, QUOTED, BACKTICK, OPERATOR, PUNCT, PARAM, COMMENT, EXEC_OPEN, EXEC_CLOSE,
        ESCAPE_OPEN, ESCAPE_CLOSE, OTHER
    }

    private static final Type[] TYPES = Type.values();

    final String sql;
    private byte[] type;
    private int[] start;
    private int[] end;
    private int[] contentStart;
    private int[] contentEnd;
    /** [k] = tokens before k that are not literal-ish (see {@link #literalish}); [k] = comments before k. */
    private int[] nonLiteral;
    private int[] comments;
    /** [k]: token k's text once asked for ({@link #text}); the judges ask for the same tokens again and again. */
    private String[] texts;
    private int count;
    private int unterminated = -1;
    /** [k]: token k starts a value operand ({@link ValuePositions}); computed on first use. */
    private boolean[] valuePositions;

    private final int maxTokens;

    /** @param maxTokens the most tokens; one more throws {@link AnalysisLimitException} */
    SqlTokens(String sql, int maxTokens) {
        this.sql = sql;
        this.maxTokens = maxTokens;
        // about one token per four characters in ordinary SQL, so most queries never grow the arrays
        int n = Math.max(16, Math.min(256, Math.min(maxTokens, sql.length() / 4 + 1)));
        type = new byte[n];
        start = new int[n];
        end = new int[n];
        contentStart = new int[n];
        contentEnd = new int[n];
        nonLiteral = new int[n + 1];
        comments = new int[n + 1];
    }

    void add(Type t, int s, int e, int cs, int ce) {
        if (count == maxTokens) {
            throw new AnalysisLimitException(SqlTokenizer.BUDGET, "the query has more than " + maxTokens + " SQL tokens");
        }
        if (count == type.length) {
            int n = count * 2;
            type = Arrays.copyOf(type, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            contentStart = Arrays.copyOf(contentStart, n);
            contentEnd = Arrays.copyOf(contentEnd, n);
            nonLiteral = Arrays.copyOf(nonLiteral, n + 1);
            comments = Arrays.copyOf(comments, n + 1);
        }
        type[count] = (byte) t.ordinal();
        start[count] = s;
        end[count] = e;
        contentStart[count] = cs;
        contentEnd[count] = ce;
        count++;
        nonLiteral[count] = nonLiteral[count - 1] + (literalish(count - 1) ? 0 : 1);
        comments[count] = comments[count - 1] + (isComment(count - 1) ? 1 : 0);
    }

    void add(Type t, int s, int e) {
        add(t, s, e, s, e);
    }

    void markUnterminated() {
        unterminated = count - 1;
    }

    int count() {
        return count;
    }

    Type type(int k) {
        return TYPES[type[k]];
    }

    int start(int k) {
        return start[k];
    }

    int end(int k) {
        return end[k];
    }

    int contentStart(int k) {
        return contentStart[k];
    }

    int contentEnd(int k) {
        return contentEnd[k];
    }

    String text(int k) {
        if (texts == null || texts.length < count) {
            texts = texts == null ? new String[count] : Arrays.copyOf(texts, count);
        }
        String t = texts[k];
        if (t == null) {
            t = sql.substring(start[k], end[k]);
            texts[k] = t;
        }
        return t;
    }

    /** True when token {@code k} stands where the query expects a value ({@link ValuePositions}). */
    boolean valuePosition(int k) {
        if (valuePositions == null) {
            valuePositions = ValuePositions.of(this);
        }
        return valuePositions[k];
    }

    /** The text of token {@code k} in lower case, or "" past the last token. */
    String lower(int k) {
        return k >= 0 && k < count ? text(k).toLowerCase(java.util.Locale.ROOT) : "";
    }

    /** The index of the last token that is unterminated (runs to the end of the text), or -1. */
    int unterminated() {
        return unterminated;
    }

    boolean delimited(int k) {
        Type t = type(k);
        return t == Type.STRING || t == Type.QUOTED || t == Type.BACKTICK || t == Type.COMMENT;
    }

    boolean isComment(int k) {
        Type t = type(k);
        return t == Type.COMMENT || t == Type.EXEC_OPEN || t == Type.EXEC_CLOSE;
    }

    /** Numbers, strings, commas and arithmetic: what a list of values or an arithmetic literal is made of. */
    boolean literalish(int k) {
        Type t = type(k);
        if (t == Type.NUMBER || t == Type.STRING || t == Type.QUOTED) {
            return true;
        }
        if (end[k] - start[k] != 1) {
            return false;
        }
        char c = sql.charAt(start[k]);
        return (t == Type.PUNCT && c == ',') || (t == Type.OPERATOR && "+-*/%".indexOf(c) >= 0);
    }

    /** True when tokens {@code a..b} (inclusive) are all literal-ish. */
    boolean allLiteralish(int a, int b) {
        return nonLiteral[b + 1] - nonLiteral[a] == 0;
    }

    /** The number of comment tokens among {@code a..b} (inclusive). */
    int commentsIn(int a, int b) {
        return comments[b + 1] - comments[a];
    }

    /** The first token that ends after {@code pos} (the one containing it, or the next), or {@link #count()}. */
    int firstEndingAfter(int pos) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The last token that starts at or before {@code pos}, or -1. */
    int lastStartingAtOrBefore(int pos) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
