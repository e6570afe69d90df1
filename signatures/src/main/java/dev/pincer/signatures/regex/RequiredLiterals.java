package dev.pincer.signatures.regex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Necessary conditions for a match of an {@code @rx} pattern, derived from the pattern's syntax
 * tree: a list of <em>clauses</em>, each a set of lowercased (ASCII) literals, such that every
 * match contains at least one literal of every clause. A value whose ASCII-lowercased form misses
 * every literal of some clause cannot match. Lowercasing both sides makes the condition hold
 * whether or not the pattern is case-insensitive. The derivation is conservative: a construct it
 * does not model exactly ({@code .}, {@code *}, negated or large classes, flags it cannot follow,
 * chars above 0x7f) gives no literal there, and a pattern with no usable clause gives
 * {@code null}: "always run".
 *
 * <p>Per node it keeps the finite set of strings the node matches exactly (while small; a small
 * class or {@code \s}, {@code \d} is such a set of one-char strings), and otherwise a few
 * required clauses: a concatenation keeps the clauses of all its parts (the products of adjacent
 * exact parts included; the best {@link #MAX_CLAUSES} of them), an alternation one clause, the
 * union of each branch's best clause (or nothing, when one branch requires nothing), a
 * repetition with a minimum of at least one its body's. A branch's clause is shortened for the
 * union by cutting its literals to a common length (a substring of a required string is required
 * too): {@code grep[\s&|]} gives {@code grep}, not one literal per terminator.
 *
 * <p>Example: {@code of("(?i)union\\s+(?:all\\s+)?select")} is {@code [["union"], ["select"]]}
 * (both must occur); {@code of("(?:[;|]|&&)\\s*(?:wget|curl)")} is
 * {@code [[";", "|", "&&"], ["wget", "curl"]]}.
 */
public final class RequiredLiterals {

    private static final int MAX_SET = 32;
    private static final int MAX_LITERAL = 64;
    /** Clauses kept per node: each costs one check per evaluation. */
    static final int MAX_CLAUSES = 4;
    /** Literals in one alternation's clause at most (CRS's command lists have a few hundred). */
    static final int MAX_UNION = 2048;
    /** A branch's clause is cut down to this many literals, where cutting can, for the union. */
    private static final int BRANCH_LITERALS = 4;
    /** A run joined to the next part's prefixes is cut down past this many literals, where cutting can. */
    private static final int JOINED_LITERALS = 64;

    /** Thrown inside the parser for anything it does not model: the answer is "always". */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * What one node of the pattern guarantees: {@code exact} the finite set of strings it matches
     * (null when not finite and small), else {@code clauses}, each a set one of which occurs; and
     * {@code prefix}, strings one of which every match begins with ({@code [""]}: none known).
     */
    private record Info(Set<String> exact, List<Set<String>> clauses, Set<String> prefix) {
        static final Set<String> NO_PREFIX = Set.of("");
        static final Info UNKNOWN = new Info(null, List.of(), NO_PREFIX);
        static final Info EMPTY = exactly(Set.of(""));

        static Info exactly(Set<String> strings) {
            return new Info(strings, List.of(), strings);
        }

        /** The clauses this node gives, its exact strings included. */
        List<Set<String>> need() {
            if (exact == null) {
                return clauses;
            }
            return exact.contains("") ? List.of() : List.of(minimal(exact));
        }
    }

    private final String p;
    private final View view;
    private int i;

    private RequiredLiterals(String javaPattern, View view) {
        this.p = javaPattern;
        this.view = view;
    }

    /**
     * The clauses of {@code pcre} (a pattern as written in a rule), each a list of lowercased
     * literals one of which every match contains; null when the pattern gives none (the regex
     * must always run). Never throws.
     */
    public static List<List<String>> of(String pcre) {
        List<List<String>> clauses = of(pcre, View.RAW);
        return clauses == null || clauses.stream().anyMatch(List::isEmpty) ? null : clauses;
    }

    /**
     * The clauses of {@code pcre} in {@code view}: every match that holds no hatch char, read in
     * the view (removed chars dropped), contains one literal of each clause. An empty clause says
     * that every match holds a hatch char. Null when the pattern gives none. Never throws.
     */
    public static List<List<String>> of(String pcre, View view) {
        try {
            String java = PcreSyntax.toJava(pcre);
            RequiredLiterals parser = new RequiredLiterals(java, view);
            Info info = parser.alternation();
            if (parser.i != java.length()) {
                return null;
            }
            List<List<String>> out = new ArrayList<>();
            for (Set<String> clause : best(info.need(), MAX_CLAUSES)) {
                if (clause.contains("")) {
                    return null;  // cannot happen: a clause never holds the empty string
                }
                out.add(List.copyOf(clause));
            }
            return out.isEmpty() ? null : List.copyOf(out);
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
        Set<String> prefix = new LinkedHashSet<>();
        for (Info b : branches) {
            if (prefix != null) {
                prefix.addAll(cut(b.prefix, BRANCH_LITERALS));
                if (prefix.contains("") || prefix.size() > MAX_UNION) {
                    prefix = null;
                }
            }
            if (exact != null) {
                if (b.exact == null || exact.size() + b.exact.size() > MAX_SET) {
                    exact = null;
                } else {
                    exact.addAll(b.exact);
                }
            }
            if (required != null) {
                List<Set<String>> need = best(b.need(), 1);
                if (need.isEmpty()) {
                    required = null;
                } else {
                    required.addAll(cut(need.get(0), BRANCH_LITERALS));
                }
            }
            if (required != null && required.size() > MAX_UNION) {
                required = null;
            }
        }
        if (exact != null) {
            return Info.exactly(exact);
        }
        return new Info(null, required == null ? List.of() : List.of(minimal(required)),
                prefix == null ? Info.NO_PREFIX : prefix);
    }

    private Info concatenation() {
        Set<String> run = Set.of("");
        boolean whole = true;  // every part so far was exact: run is the node's exact set
        Set<String> prefix = null;  // set once the first part that is not exact is met
        List<Set<String>> clauses = new ArrayList<>();
        while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
            Info part = quantified();
            Set<String> product = part.exact == null ? null : product(run, part.exact);
            if (product != null) {
                run = product;
                continue;
            }
            // the run is followed by this part: the run joined to the part's prefixes is required
            Set<String> joined = part.exact == null ? joined(run, part.prefix) : null;
            if (prefix == null) {
                prefix = joined != null ? joined : whole ? run : Info.NO_PREFIX;
            }
            addNeed(clauses, joined != null ? joined : run);
            whole = false;
            if (part.exact != null) {
                run = part.exact;  // too large to join: start a new run with it
            } else {
                clauses.addAll(part.clauses);
                run = Set.of("");
            }
        }
        if (whole) {
            return Info.exactly(run);
        }
        addNeed(clauses, run);
        for (Set<String> clause : clauses) {
            if (clause.isEmpty()) {
                return Info.exactly(Set.of());  // a part never matches in the view: nor does the whole
            }
        }
        return new Info(null, best(clauses, MAX_CLAUSES), prefix);
    }

    /**
     * Each string of {@code run} followed by each of {@code prefixes} (cut to a common length to
     * keep the set within {@link #MAX_UNION}), or null when that says no more than {@code run}.
     */
    private static Set<String> joined(Set<String> run, Set<String> prefixes) {
        if (prefixes.contains("") || (long) run.size() * prefixes.size() > MAX_UNION) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String x : run) {
            for (String y : prefixes) {
                if (x.length() + y.length() > MAX_LITERAL) {
                    return null;
                }
                out.add(x + y);
            }
        }
        return cut(out, JOINED_LITERALS);
    }

    private static void addNeed(List<Set<String>> clauses, Set<String> exact) {
        if (!exact.contains("")) {
            clauses.add(minimal(exact));
        }
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
            return Info.exactly(exact);
        }
        if (atom.exact != null && (atom.exact.isEmpty() || atom.exact.equals(Set.of("")))) {
            // removed chars (or nothing) repeated: still nothing in the view; a hatch-only body
            // taken zero times is nothing, at least once never happens
            return min == 0 ? Info.EMPTY : atom;
        }
        if (min == 0) {
            return Info.UNKNOWN;
        }
        if (min == 1 && max == 1) {
            return atom;
        }
        return new Info(null, atom.need(), atom.prefix);  // at least one copy: what the body needs
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
                return charClass();
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

    private Info literal(int c) {
        if (c > 0x7f) {
            return Info.UNKNOWN;  // only ASCII is folded: a byte above it is not followed
        }
        String m = member((char) c);
        return Info.exactly(m == null ? Set.of() : Set.of(m));
    }

    /** A char as the view reads it: lowercased, "" when removed, null for a hatch char. */
    private String member(char c) {
        if (view.isHatch(c)) {
            return null;
        }
        return view.removes(c) ? "" : String.valueOf(lower(c));
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

    /**
     * A class: the exact set of its members, lowercased, when it is not negated, holds only ASCII
     * chars and {@code \\s}/{@code \\d}/{@code \\w}, and has at most {@link #MAX_SET} of them
     * once lowercased; otherwise unknown.
     */
    private Info charClass() {
        i++;  // '['
        boolean known = true;
        if (i < p.length() && p.charAt(i) == '^') {
            known = false;
            i++;
        }
        Set<String> members = new LinkedHashSet<>();
        boolean first = true;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                i++;
                return known && members.size() <= MAX_SET ? Info.exactly(members) : Info.UNKNOWN;
            }
            first = false;
            if (c == '[' || (c == '&' && i + 1 < p.length() && p.charAt(i + 1) == '&')) {
                throw new Unsupported();  // PcreSyntax escapes these; union, intersection are not followed
            }
            if (c == '\\' && i + 1 < p.length() && "sdwSDWhHvVpP".indexOf(p.charAt(i + 1)) >= 0) {
                Set<String> shorthand = shorthand(p.charAt(i + 1));
                escape();  // past it
                if (shorthand == null) {
                    known = false;
                } else {
                    for (String m : shorthand) {
                        addMember(members, m.charAt(0));
                    }
                }
                continue;
            }
            int from = classChar();
            int to = from;
            if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                i++;
                if (p.charAt(i) == '\\' && i + 1 < p.length() && "sdwSDWhHvVpP".indexOf(p.charAt(i + 1)) >= 0) {
                    throw new Unsupported();  // a range to a shorthand: not followed
                }
                to = classChar();
                if (from >= 0 && to >= 0 && to < from) {
                    throw new Unsupported();
                }
            }
            if (from < 0 || to < 0 || to > 0x7f) {
                known = false;
                continue;
            }
            for (int k = from; k <= to && members.size() <= MAX_SET; k++) {
                addMember(members, (char) k);
            }
        }
        throw new Unsupported();
    }

    private void addMember(Set<String> members, char c) {
        String m = member(c);
        if (m != null) {
            members.add(m);
        }
    }

    /** The chars of a shorthand class (ASCII, as SafeRE reads them without Unicode flags); null: not followed. */
    private static Set<String> shorthand(char e) {
        String chars = switch (e) {
            case 's' -> " \t\n\u000b\f\r";
            case 'd' -> "0123456789";
            case 'w' -> "abcdefghijklmnopqrstuvwxyz0123456789_";
            default -> null;
        };
        if (chars == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < chars.length(); k++) {
            out.add(String.valueOf(chars.charAt(k)));
        }
        return out;
    }

    /** One char of a class at {@code i}, not lowercased; -1 for one that is not followed (above ASCII). */
    private int classChar() {
        char c = p.charAt(i);
        if (c != '\\') {
            i++;
            return c;
        }
        if (i + 1 >= p.length()) {
            throw new Unsupported();
        }
        char e = p.charAt(i + 1);
        i += 2;
        switch (e) {
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
                return value > 0x7f ? -1 : value;
            }
            case 'u' -> {
                int value = Integer.parseInt(p.substring(i, i + 4), 16);
                i += 4;
                return value > 0x7f ? -1 : value;
            }
            case 't' -> {
                return '\t';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 'f' -> {
                return '\f';
            }
            case 'a' -> {
                return 0x07;
            }
            case 'e' -> {
                return 0x1b;
            }
            default -> {
                if (Character.isLetterOrDigit(e) || e > 0x7f) {
                    throw new Unsupported();  // \Q, \b, \0, \c... inside a class: not followed
                }
                return e;
            }
        }
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
                return Info.exactly(run);
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
            case 's', 'd' -> {
                Set<String> members = new LinkedHashSet<>();
                for (String m : shorthand(e)) {
                    addMember(members, m.charAt(0));
                }
                return Info.exactly(members);
            }
            case 'D', 'w', 'W', 'S', 'h', 'H', 'v', 'V' -> {
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

    /**
     * The best {@code n} distinct clauses of {@code clauses}: a clause whose shortest literal is
     * longer first (a longer literal is rarer), then the one with fewer literals.
     */
    private static List<Set<String>> best(List<Set<String>> clauses, int n) {
        List<Set<String>> distinct = new ArrayList<>(new LinkedHashSet<>(clauses));
        distinct.sort((a, b) -> {
            int la = shortest(a);
            int lb = shortest(b);
            return la != lb ? Integer.compare(lb, la) : Integer.compare(a.size(), b.size());
        });
        return distinct.size() <= n ? distinct : List.copyOf(distinct.subList(0, n));
    }

    /**
     * {@code clause} with its literals cut to their prefixes of the longest length (at least
     * two chars) at which at most a quarter as many distinct ones remain; each prefix occurs
     * wherever its literal does. The clause itself when it has at most {@code max} literals or no
     * cut shrinks it so. This undoes the products of a word with a class of terminators
     * ({@code grep[\\s&|]}: nine literals, cut to {@code grep}) without blurring a list of words.
     */
    private static Set<String> cut(Set<String> clause, int max) {
        if (clause.size() <= max) {
            return clause;
        }
        for (int length = shortest(clause); length >= 2; length--) {
            Set<String> out = new LinkedHashSet<>();
            for (String x : clause) {
                out.add(x.substring(0, length));
            }
            if (out.size() * 4 <= clause.size()) {
                return minimal(out);
            }
        }
        return clause;
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
