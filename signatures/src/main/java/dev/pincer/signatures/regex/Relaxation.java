package dev.pincer.signatures.regex;

/**
 * Rewrites a PCRE pattern that needs a backtracking engine into one the linear engine can run and
 * that matches at least wherever the original does (a superset, for {@code find}): each PCRE-only
 * construct is replaced by something that accepts more.
 * <ul>
 *   <li>lookaround ({@code (?=..)}, {@code (?!..)}, {@code (?<=..)}, {@code (?<!..)}) becomes the
 *       empty group {@code (?:)}: an assertion that always holds;</li>
 *   <li>a possessive quantifier ({@code *+}, {@code ++}, {@code ?+}, <code>{n,m}+</code>) becomes
 *       the greedy one: every way a possessive match goes, the greedy quantifier may go too;</li>
 *   <li>an atomic group {@code (?>..)} becomes {@code (?:..)}, for the same reason;</li>
 *   <li>a backreference ({@code \1}..., {@code \k<name>}) becomes {@code (?s:.*)}: any text,
 *       the group's included.</li>
 * </ul>
 * Nothing else changes; PcreSyntax then translates the result as usual. Linear in the pattern.
 *
 * <p>Example: {@code relax("<\\?(?!xml)")} is {@code "<\\?(?:)"}; {@code relax("a++b")} is
 * {@code "a+b"}; a pattern without such constructs comes back unchanged.
 */
final class Relaxation {

    private final String p;
    private final StringBuilder out;
    private int i;

    private Relaxation(String pattern) {
        this.p = pattern;
        this.out = new StringBuilder(pattern.length());
    }

    /** The relaxed pattern; the same string when {@code pcre} holds no PCRE-only construct. */
    static String relax(String pcre) {
        Relaxation r = new Relaxation(pcre);
        r.run();
        String relaxed = r.out.toString();
        return relaxed.equals(pcre) ? pcre : relaxed;
    }

    private void run() {
        boolean quantified = false;  // the last token was a quantifier: a '+' now makes it possessive
        while (i < p.length()) {
            char c = p.charAt(i);
            if (quantified && c == '+') {
                i++;  // possessive: drop the '+', keep the greedy quantifier
                quantified = false;
                continue;
            }
            quantified = false;
            if (c == '\\') {
                escape();
            } else if (c == '[') {
                int end = classEnd(i);
                out.append(p, i, end);
                i = end;
            } else if (c == '(' && lookaround(i)) {
                i = groupEnd(i);
                out.append("(?:)");
            } else if (c == '(' && p.startsWith("(?>", i)) {
                out.append("(?:");
                i += 3;
            } else if (c == '(' && p.startsWith("(?#", i)) {
                int close = p.indexOf(')', i);
                int end = close < 0 ? p.length() : close + 1;
                out.append(p, i, end);
                i = end;
            } else if (c == '(' && p.startsWith("(?", i)) {
                out.append("(?");  // a group's '?' is no quantifier
                i += 2;
            } else if (c == '*' || c == '+' || c == '?') {
                out.append(c);
                i++;
                quantified = true;
                if (i < p.length() && p.charAt(i) == '?') {
                    out.append('?');  // lazy
                    i++;
                    quantified = false;
                }
            } else if (c == '{' && quantifierEnd(i) > 0) {
                int end = quantifierEnd(i);
                out.append(p, i, end);
                i = end;
                quantified = true;
                if (i < p.length() && p.charAt(i) == '?') {
                    out.append('?');
                    i++;
                    quantified = false;
                }
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** One escape outside a class: backreferences go, {@code \Q..\E} and the rest are copied. */
    private void escape() {
        if (i + 1 >= p.length()) {
            out.append('\\');  // trailing backslash: PcreSyntax reports it
            i++;
            return;
        }
        char e = p.charAt(i + 1);
        if (e >= '1' && e <= '9') {
            int j = i + 2;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
            out.append("(?s:.*)");
            i = j;
        } else if (e == 'k' && i + 2 < p.length() && p.charAt(i + 2) == '<' && p.indexOf('>', i + 3) > 0) {
            out.append("(?s:.*)");
            i = p.indexOf('>', i + 3) + 1;
        } else if (e == 'Q') {
            int end = p.indexOf("\\E", i + 2);
            int stop = end < 0 ? p.length() : end + 2;
            out.append(p, i, stop);
            i = stop;
        } else if ("xpPNo".indexOf(e) >= 0 && i + 2 < p.length() && p.charAt(i + 2) == '{') {
            int close = p.indexOf('}', i + 3);  // \x{12}: its braces are no quantifier
            int stop = close < 0 ? p.length() : close + 1;
            out.append(p, i, stop);
            i = stop;
        } else {
            out.append(p, i, i + 2);
            i += 2;
        }
    }

    private boolean lookaround(int at) {
        return p.startsWith("(?=", at) || p.startsWith("(?!", at) || p.startsWith("(?<=", at)
                || p.startsWith("(?<!", at);
    }

    /** End (exclusive) of the group opening at {@code at}, classes, escapes and nesting followed. */
    private int groupEnd(int at) {
        int depth = 0;
        int j = at;
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                if (j + 1 < p.length() && p.charAt(j + 1) == 'Q') {
                    int end = p.indexOf("\\E", j + 2);
                    j = end < 0 ? p.length() : end + 2;
                } else {
                    j += 2;
                }
                continue;
            }
            if (c == '[') {
                j = classEnd(j);
                continue;
            }
            if (p.startsWith("(?#", j)) {
                int close = p.indexOf(')', j);
                j = close < 0 ? p.length() : close + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        throw new IllegalArgumentException("unterminated group at offset " + at);
    }

    /** End (exclusive) of the class opening at {@code at}: PCRE's leading {@code ]}, POSIX names, escapes. */
    private int classEnd(int at) {
        int j = at + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++;
        }
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == '[' && posixEnd(j) > 0) {
                j = posixEnd(j);
            } else if (c == ']') {
                return j + 1;
            } else {
                j++;
            }
        }
        throw new IllegalArgumentException("unterminated class at offset " + at);
    }

    /** End (exclusive) of a POSIX {@code [:name:]} at {@code at} (as PcreSyntax reads one), or -1. */
    private int posixEnd(int at) {
        if (!p.startsWith("[:", at)) {
            return -1;
        }
        int close = p.indexOf(":]", at + 2);
        return close < 0 || close - at > 10 ? -1 : close + 2;
    }

    /** End (exclusive) of a <code>{n}</code>, <code>{n,}</code> or <code>{n,m}</code> at {@code at}, or -1. */
    private int quantifierEnd(int at) {
        int j = at + 1;
        int start = j;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
        }
        if (j == start || j >= p.length()) {
            return -1;
        }
        if (p.charAt(j) == ',') {
            j++;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
        }
        return j < p.length() && p.charAt(j) == '}' ? j + 1 : -1;
    }
}
