package dev.pincer.signatures.regex;

import java.util.Map;

/**
 * Rewrites a ModSecurity {@code @rx} pattern (PCRE syntax, DOLLAR_ENDONLY semantics) into the
 * syntax of a Java-style or RE2-style engine so that it means the same on byte strings.
 *
 * <p>What changes, in one pass, linear in the pattern:
 * <ul>
 *   <li>{@code $} outside a class becomes {@code \z} (PCRE: end only; Java: also before a final
 *       line terminator), unless an inline {@code m} flag is present;</li>
 *   <li>inside a class, {@code [} (other than a POSIX {@code [:name:]}) and {@code &} are escaped
 *       (Java reads them as union and intersection), a leading {@code ]} is a literal, and POSIX
 *       classes become {@code \p{Name}} for Java;</li>
 *   <li>a {@code {} that starts no {@code {n}}, {@code {n,}} or {@code {n,m}} is a literal;</li>
 *   <li>{@code \xH} with one hex digit is widened to {@code \x0H}, PCRE's octal {@code \0},
 *       {@code \012} become {@code \x{..}}; {@code (?#...)} comments go;</li>
 *   <li>for RE2, {@code \s}/{@code \S} are spelled out with the vertical tab (RE2 omits it).</li>
 * </ul>
 * Inline flags other than {@code i m s x} and the {@code -} are rejected (PCRE's {@code U} means
 * "ungreedy" but Java's means Unicode classes).
 *
 * <p>Example: {@code toJava("^[^&\\]]+$")} is {@code "^[^\\&\\]]+\\z"}.
 */
final class PcreSyntax {

    /** Target dialect. */
    enum Dialect { JAVA, RE2 }

    private static final Map<String, String> POSIX_JAVA = Map.ofEntries(
            Map.entry("alpha", "Alpha"), Map.entry("digit", "Digit"), Map.entry("alnum", "Alnum"),
            Map.entry("upper", "Upper"), Map.entry("lower", "Lower"), Map.entry("space", "Space"),
            Map.entry("punct", "Punct"), Map.entry("print", "Print"), Map.entry("graph", "Graph"),
            Map.entry("cntrl", "Cntrl"), Map.entry("xdigit", "XDigit"), Map.entry("blank", "Blank"),
            Map.entry("ascii", "ASCII"), Map.entry("word", "w"));

    /** An inline flag group that turns on {@code m}: then {@code $} keeps its line meaning. */
    private static final java.util.regex.Pattern MULTILINE_FLAG =
            java.util.regex.Pattern.compile("\\(\\?[a-zA-Z]*m[a-zA-Z-]*[:)]");

    private static final String SPACE_RE2 = "\\t\\n\\x0B\\f\\r ";
    private static final String NON_SPACE_RE2 = "\\x00-\\x08\\x0E-\\x1F\\x21-\\xFF";

    private PcreSyntax() {
    }

    static String toJava(String pcre) {
        return translate(pcre, Dialect.JAVA);
    }

    static String toRe2(String pcre) {
        return translate(pcre, Dialect.RE2);
    }

    /** @throws IllegalArgumentException for a trailing backslash or an unsupported inline flag */
    static String translate(String p, Dialect dialect) {
        boolean multiline = MULTILINE_FLAG.matcher(p).find();
        StringBuilder out = new StringBuilder(p.length() + 16);
        boolean inClass = false;
        int n = p.length();
        int i = 0;
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("trailing backslash at offset " + i);
                }
                char e = p.charAt(i + 1);
                if (e == 'Q') {
                    int end = p.indexOf("\\E", i + 2);
                    int stop = end < 0 ? n : end + 2;
                    out.append(p, i, stop);
                    if (end < 0) {
                        out.append("\\E");
                    }
                    i = stop;
                } else if ("xpPN".indexOf(e) >= 0 && i + 2 < n && p.charAt(i + 2) == '{') {
                    int close = p.indexOf('}', i + 3);   // \x{e2}, \p{L}: copied whole
                    int stop = close < 0 ? n : close + 1;
                    out.append(p, i, stop);
                    i = stop;
                } else if (e == 'x') {
                    int digits = 0;
                    while (digits < 2 && i + 2 + digits < n && isHex(p.charAt(i + 2 + digits))) {
                        digits++;
                    }
                    out.append("\\x").append("00", 0, 2 - digits).append(p, i + 2, i + 2 + digits);
                    i += 2 + digits;
                } else if (e == '0') {
                    int j = i + 2;   // PCRE: \0 and up to two more octal digits
                    int value = 0;
                    while (j < n && j < i + 4 && p.charAt(j) >= '0' && p.charAt(j) <= '7') {
                        value = value * 8 + (p.charAt(j) - '0');
                        j++;
                    }
                    out.append("\\x{").append(Integer.toHexString(value)).append('}');
                    i = j;
                } else if ((e == 's' || e == 'S') && dialect == Dialect.RE2) {
                    String set = e == 's' ? SPACE_RE2 : NON_SPACE_RE2;
                    out.append(inClass ? set : "[" + set + "]");
                    i += 2;
                } else {
                    out.append(c).append(e);
                    i += 2;
                }
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    out.append(c);
                } else if (c == '[') {
                    int posixEnd = posixEnd(p, i);
                    if (posixEnd < 0) {
                        out.append("\\[");
                    } else {
                        appendPosix(out, p.substring(i, posixEnd), dialect);
                        i = posixEnd;
                        continue;
                    }
                } else if (c == '&' && dialect == Dialect.JAVA) {
                    out.append("\\&");
                } else {
                    out.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    out.append('[');
                    i++;
                    if (i < n && p.charAt(i) == '^') {
                        out.append('^');
                        i++;
                    }
                    if (i < n && p.charAt(i) == ']') {
                        out.append("\\]");
                        i++;
                    }
                    continue;
                }
                case '$' -> out.append(multiline ? "$" : "\\z");
                case '{' -> {
                    int q = quantifierEnd(p, i);
                    if (q < 0) {
                        out.append("\\{");
                    } else {
                        out.append(p, i, q);
                        i = q;
                        continue;
                    }
                }
                case '(' -> {
                    if (p.startsWith("(?#", i)) {
                        int close = p.indexOf(')', i);
                        if (close < 0) {
                            throw new IllegalArgumentException("unterminated comment at offset " + i);
                        }
                        i = close + 1;
                        continue;
                    }
                    if (p.startsWith("(?", i)) {
                        int j = i + 2;
                        while (j < n && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
                            char f = p.charAt(j);
                            if ("imsx-".indexOf(f) < 0) {
                                throw new IllegalArgumentException("unsupported inline flag '" + f
                                        + "' at offset " + j);
                            }
                            j++;
                        }
                    }
                    out.append(c);
                }
                default -> out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    private static void appendPosix(StringBuilder out, String posix, Dialect dialect) {
        if (dialect == Dialect.RE2) {
            out.append(posix);
            return;
        }
        boolean negated = posix.charAt(2) == '^';
        String name = posix.substring(negated ? 3 : 2, posix.length() - 2);
        String java = POSIX_JAVA.get(name);
        if (java.equals("w")) {
            out.append(negated ? "\\W" : "\\w");
        } else {
            out.append(negated ? "\\P{" : "\\p{").append(java).append('}');
        }
    }

    /** End (exclusive) of a {@code [:name:]} at {@code i}, or -1 when it is no POSIX class. */
    private static int posixEnd(String p, int i) {
        if (!p.startsWith("[:", i)) {
            return -1;
        }
        int close = p.indexOf(":]", i + 2);
        if (close < 0 || close - i > 10) {
            return -1;
        }
        String name = p.substring(p.charAt(i + 2) == '^' ? i + 3 : i + 2, close);
        return POSIX_JAVA.containsKey(name) ? close + 2 : -1;
    }

    /** End (exclusive) of a {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}, or -1. */
    private static int quantifierEnd(String p, int i) {
        int j = i + 1;
        int n = p.length();
        int start = j;
        while (j < n && isDigit(p.charAt(j))) {
            j++;
        }
        if (j == start || j >= n) {
            return -1;
        }
        if (p.charAt(j) == ',') {
            j++;
            while (j < n && isDigit(p.charAt(j))) {
                j++;
            }
        }
        return j < n && p.charAt(j) == '}' ? j + 1 : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
