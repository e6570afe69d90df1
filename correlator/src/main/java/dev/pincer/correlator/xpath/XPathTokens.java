package dev.pincer.correlator.xpath;

import java.util.Arrays;

/**
 * The tokens of an XPath expression (XPath 1.0 lexical structure, with XPath 2.0's doubled quote
 * as an escape inside literals): string literals, numbers, names (QNames, {@code or}/{@code and}
 * included), {@code $variables} and operators ({@code / // [ ] ( ) @ , | = != < <= > >= + - * :: ..
 * .}). One linear pass; an unterminated literal runs to the end and is recorded.
 *
 * <p>Example: {@code //user[name='a''b' and @id=7]} gives {@code // user [ name = 'a''b' and @ id =
 * 7 ]}, the literal with content [13, 17).
 */
final class XPathTokens {
    enum Type { STRING, NUMBER, NAME, VARIABLE, OPERATOR }

    private static final Type[] TYPES = Type.values();
    private static final String[] OPERATORS2 = {"//", "!=", "<=", ">=", "::", ".."};

    final String expr;
    private byte[] type = new byte[16];
    private int[] bounds = new int[64];
    private int count;
    int unterminated = -1;

    private XPathTokens(String expr) {
        this.expr = expr;
    }

    static XPathTokens of(String s) {
        XPathTokens t = new XPathTokens(s);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n && !(s.charAt(j) == c && (j + 1 >= n || s.charAt(j + 1) != c))) {
                    j += s.charAt(j) == c ? 2 : 1;
                }
                if (j >= n) {
                    t.add(Type.STRING, i, n, i + 1, n);
                    t.unterminated = t.count - 1;
                    i = n;
                } else {
                    t.add(Type.STRING, i, j + 1, i + 1, j);
                    i = j + 1;
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                i = t.add(Type.NUMBER, i, j, i, j);
            } else if (c == '$' || isNameStart(c)) {
                int j = i + 1;
                while (j < n && (isNamePart(s.charAt(j))
                        || (s.charAt(j) == ':' && j + 1 < n && isNameStart(s.charAt(j + 1)) && s.charAt(j - 1) != ':'))) {
                    j++;
                }
                i = t.add(c == '$' ? Type.VARIABLE : Type.NAME, i, j, i, j);
            } else {
                int len = 1;
                for (String op : OPERATORS2) {
                    if (s.startsWith(op, i)) {
                        len = 2;
                    }
                }
                i = t.add(Type.OPERATOR, i, i + len, i, i + len);
            }
        }
        return t;
    }

    private int add(Type ty, int s, int e, int cs, int ce) {
        if (count == type.length) {
            type = Arrays.copyOf(type, count * 2);
            bounds = Arrays.copyOf(bounds, count * 8);
        }
        type[count] = (byte) ty.ordinal();
        bounds[4 * count] = s;
        bounds[4 * count + 1] = e;
        bounds[4 * count + 2] = cs;
        bounds[4 * count + 3] = ce;
        count++;
        return e;
    }

    int count() {
        return count;
    }

    Type type(int k) {
        return TYPES[type[k]];
    }

    int start(int k) {
        return bounds[4 * k];
    }

    int end(int k) {
        return bounds[4 * k + 1];
    }

    int contentStart(int k) {
        return bounds[4 * k + 2];
    }

    int contentEnd(int k) {
        return bounds[4 * k + 3];
    }

    String text(int k) {
        return expr.substring(start(k), end(k));
    }

    /** The first token ending after {@code pos}, or {@link #count()}. */
    int firstEndingAfter(int pos) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end(mid) <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The last token starting at or before {@code pos}, or -1. */
    int lastStartingAtOrBefore(int pos) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start(mid) <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
