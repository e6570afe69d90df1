package dev.pincer.signatures.regex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literals one of which every match of an {@code @rx} pattern must contain, derived from the
 * pattern's syntax tree, lowercased (ASCII): a value whose ASCII-lowercased form contains none of
 * them cannot match. Lowercasing both sides makes the condition hold whether or not the pattern
 * is case-insensitive. The derivation is conservative: a construct it does not model exactly
 * (classes, {@code .}, {@code *}, {@code ?}, flags it cannot follow, chars above 0x7f) gives no
 * literal there, and a pattern with no usable literal gives {@code null}: "always run".
 *
 * <p>Per node it keeps the finite set of strings the node matches exactly (while small), and
 * otherwise a set of required substrings: a concatenation takes the best of its parts (the
 * products of adjacent exact parts included), an alternation the union of its branches (or
 * nothing, when one branch requires nothing), a repetition with a minimum of at least one its
 * body's.
 *
 * <p>Example: {@code of("(?i)union\\s+(?:all\\s+)?select")} is {@code ["select"]}: of the
 * required parts, the one whose shortest literal is longest wins.
 */
public final class RequiredLiterals {

    private static final int MAX_SET = 32;
    private static final int MAX_LITERAL = 64;

    /** Thrown inside the parser for anything it does not model: the answer is "always". */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** What one node of the pattern guarantees; {@code exact} null when not finite and small. */
    private record Info(Set<String> exact, Set<String> required) {
        static final Info UNKNOWN = new Info(null, null);
        static final Info EMPTY = new Info(Set.of(""), null);

        /** The required set this node gives, exact strings included; null: none. */
        Set<String> need() {
            if (exact == null) {
                return required;
            }
            return exact.contains("") ? null : minimal(exact);
        }
    }

    private final String p;
    private int i;

    private RequiredLiterals(String javaPattern) {
        this.p = javaPattern;
    }

    /**
     * The required literals of {@code pcre} (a pattern as written in a rule), lowercased; null when
     * the pattern gives none (the regex must always run). Never throws.
     */
    public static List<String> of(String pcre) {
        try {
            String java = PcreSyntax.toJava(pcre);
            RequiredLiterals parser = new RequiredLiterals(java);
            Info info = parser.alternation();
            if (parser.i != java.length()) {
                return null;
            }
            Set<String> need = info.need();
            if (need == null || need.isEmpty() || need.contains("")) {
                return null;
            }
            return List.copyOf(need);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private Info alternation() {
        List<Info> branches = new ArrayList<>();
        branches.add(concatenation());
        while (i < p.length() && p.charAt(i) == '|') {
            i++;
            branches.add(concatenation());
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        Set<String> exact = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        for (Info b : branches) {
            if (exact != null) {
                if (b.exact == null || exact.size() + b.exact.size() > MAX_SET) {
                    exact = null;
                } else {
                    exact.addAll(b.exact);
                }
            }
            if (required != null) {
                Set<String> need = b.need();
                if (need == null) {
                    required = null;
                } else {
                    required.addAll(need);
                }
            }
        }
        if (required != null && required.size() > 4 * MAX_SET) {
            required = null;
        }
        return new Info(exact, required == null ? null : minimal(required));
    }

    private Info concatenation() {
        Set<String> run = Set.of("");
        boolean whole = true;  // every part so far was exact: run is the node's exact set
        Set<String> best = null;
        while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
            Info part = quantified();
            Set<String> product = part.exact == null ? null : product(run, part.exact);
            if (product != null) {
                run = product;
                continue;
            }
            best = better(best, need(run));
            whole = false;
            if (part.exact != null) {
                run = part.exact;  // too large to join: start a new run with it
            } else {
                best = better(best, part.required);
                run = Set.of("");
            }
        }
        if (whole) {
            return new Info(run, null);
        }
        return new Info(null, better(best, need(run)));
    }

    private static Set<String> need(Set<String> exact) {
        return exact.contains("") ? null : minimal(exact);
    }

    private Info quantified() {
        Info atom = atom();
        if (i >= p.length()) {
            return atom;
        }
        char c = p.charAt(i);
        int min;
        int max;
        if (c == '*') {
            min = 0;
            max = -1;
            i++;
        } else if (c == '+') {
            min = 1;
            max = -1;
            i++;
        } else if (c == '?') {
            min = 0;
            max = 1;
            i++;
        } else if (c == '{' && braceQuantifier()) {
            int close = p.indexOf('}', i);
            String body = p.substring(i + 1, close);
            int comma = body.indexOf(',');
            min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
            max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
            i = close + 1;
        } else {
            return atom;
        }
        if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
            i++;  // lazy or possessive: the same strings can match
        }
        if (i < p.length() && "*+?".indexOf(p.charAt(i)) >= 0) {
            throw new Unsupported();
        }
        if (min == 0 && max == 1) {
            if (atom.exact == null || atom.exact.size() + 1 > MAX_SET) {
                return Info.UNKNOWN;
            }
            Set<String> exact = new LinkedHashSet<>(atom.exact);
            exact.add("");
            return new Info(exact, null);
        }
        if (min == 0) {
            return Info.UNKNOWN;
        }
        if (min == 1 && max == 1) {
            return atom;
        }
        return new Info(null, atom.need());
    }

    private boolean braceQuantifier() {
        int j = i + 1;
        int start = j;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
        }
        if (j == start || j >= p.length()) {
            return false;
        }
        if (p.charAt(j) == ',') {
            j++;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
        }
        return j < p.length() && p.charAt(j) == '}';
    }

    private Info atom() {
        char c = p.charAt(i);
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                skipClass();
                return Info.UNKNOWN;
            }
            case '.' -> {
                i++;
                return Info.UNKNOWN;
            }
            case '^', '$' -> {
                i++;
                return Info.EMPTY;
            }
            case '\\' -> {
                return escape();
            }
            case '*', '+', '?', '{', ')', '|' -> throw new Unsupported();
            default -> {
                i++;
                return literal(c);
            }
        }
    }

    private static Info literal(int c) {
        if (c > 0x7f) {
            return Info.UNKNOWN;  // only ASCII is folded: a byte above it is not followed
        }
        return new Info(Set.of(String.valueOf(lower((char) c))), null);
    }

    private Info group() {
        i++;  // '('
        if (p.startsWith("?", i)) {
            int j = i + 1;
            if (p.startsWith(":", j)) {
                i = j + 1;
            } else if (p.startsWith("<", j) && j + 1 < p.length() && Character.isLetter(p.charAt(j + 1))) {
                int close = p.indexOf('>', j);
                if (close < 0) {
                    throw new Unsupported();
                }
                i = close + 1;
            } else {
                while (j < p.length() && "imsdu-".indexOf(p.charAt(j)) >= 0) {
                    j++;  // flags: case is folded anyway; x (extended) is not followed
                }
                if (j >= p.length()) {
                    throw new Unsupported();
                }
                if (p.charAt(j) == ')') {
                    i = j + 1;
                    return Info.EMPTY;
                }
                if (p.charAt(j) != ':') {
                    throw new Unsupported();  // lookaround, atomic, x flag...
                }
                i = j + 1;
            }
        }
        Info inner = alternation();
        if (i >= p.length() || p.charAt(i) != ')') {
            throw new Unsupported();
        }
        i++;
        return inner;
    }

    private void skipClass() {
        i++;  // '['
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']') {
                i++;
                return;
            }
            if (c == '[') {
                throw new Unsupported();  // PcreSyntax escapes these; a nested class is not followed
            }
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    throw new Unsupported();
                }
                char e = p.charAt(i + 1);
                if (e == 'Q') {
                    throw new Unsupported();
                }
                if ("xpPN".indexOf(e) >= 0 && i + 2 < p.length() && p.charAt(i + 2) == '{') {
                    int close = p.indexOf('}', i + 3);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    i = close + 1;
                    continue;
                }
                i += 2;
                continue;
            }
            i++;
        }
        throw new Unsupported();
    }

    private Info escape() {
        if (i + 1 >= p.length()) {
            throw new Unsupported();
        }
        char e = p.charAt(i + 1);
        i += 2;
        switch (e) {
            case 'Q' -> {
                int end = p.indexOf("\\E", i);
                String quoted = end < 0 ? p.substring(i) : p.substring(i, end);
                i = end < 0 ? p.length() : end + 2;
                Set<String> run = Set.of("");
                for (int k = 0; k < quoted.length(); k++) {
                    Info one = literal(quoted.charAt(k));
                    if (one.exact == null) {
                        throw new Unsupported();
                    }
                    run = product(run, one.exact);
                    if (run == null) {
                        throw new Unsupported();
                    }
                }
                return new Info(run, null);
            }
            case 'x' -> {
                int value;
                if (i < p.length() && p.charAt(i) == '{') {
                    int close = p.indexOf('}', i);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    value = Integer.parseInt(p.substring(i + 1, close), 16);
                    i = close + 1;
                } else {
                    value = Integer.parseInt(p.substring(i, i + 2), 16);
                    i += 2;
                }
                return literal(value);
            }
            case 'u' -> {
                int value = Integer.parseInt(p.substring(i, i + 4), 16);
                i += 4;
                return literal(value);
            }
            case 't' -> {
                return literal('\t');
            }
            case 'n' -> {
                return literal('\n');
            }
            case 'r' -> {
                return literal('\r');
            }
            case 'f' -> {
                return literal('\f');
            }
            case 'a' -> {
                return literal(0x07);
            }
            case 'e' -> {
                return literal(0x1b);
            }
            case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V' -> {
                return Info.UNKNOWN;
            }
            case 'p', 'P' -> {
                if (i < p.length() && p.charAt(i) == '{') {
                    int close = p.indexOf('}', i);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    i = close + 1;
                } else {
                    i++;
                }
                return Info.UNKNOWN;
            }
            case 'b', 'B', 'A', 'z', 'Z' -> {
                return Info.EMPTY;
            }
            default -> {
                if (Character.isLetterOrDigit(e) || e > 0x7f) {
                    throw new Unsupported();  // backreferences, \G, \R, \c, \k...: not followed
                }
                return literal(e);
            }
        }
    }

    /** Every string of {@code a} followed by every one of {@code b}; null when too many or long. */
    private static Set<String> product(Set<String> a, Set<String> b) {
        if ((long) a.size() * b.size() > MAX_SET) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String x : a) {
            for (String y : b) {
                if (x.length() + y.length() > MAX_LITERAL) {
                    return null;
                }
                out.add(x + y);
            }
        }
        return out;
    }

    /** The better of two required sets: the one whose shortest literal is longer; null is none. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int la = shortest(a);
        int lb = shortest(b);
        if (la != lb) {
            return la > lb ? a : b;
        }
        return b.size() < a.size() ? b : a;
    }

    private static int shortest(Set<String> s) {
        int min = Integer.MAX_VALUE;
        for (String x : s) {
            min = Math.min(min, x.length());
        }
        return min;
    }

    /** Drops each string that contains another one of the set: finding the shorter suffices. */
    private static Set<String> minimal(Set<String> s) {
        Set<String> out = new LinkedHashSet<>();
        for (String x : s) {
            boolean covered = false;
            for (String y : s) {
                if (!y.equals(x) && x.contains(y)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(x);
            }
        }
        return out;
    }

    /** ASCII lowercase, as the scanner folds values. */
    public static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
