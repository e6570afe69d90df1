package dev.pincer.correlator.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each character of an LDAP search filter (RFC 4515) is: filter syntax (parentheses,
 * {@code & | !}, attribute descriptions and match operators) or part of an assertion value, and
 * for value characters which assertion, whether it is an unescaped {@code *} wildcard and whether
 * it is a NUL ({@code \00} or a raw one). Tolerant: a malformed filter is classified as far as it
 * goes, an unescaped {@code (} inside a value counts as syntax, and unbalanced parentheses are
 * recorded rather than rejected. One pass, no backtracking.
 *
 * <p>Example: in {@code (&(uid=jo*)(userPassword=\2a))} the characters of {@code jo*} and
 * {@code \2a} are values of assertions 0 and 1, the {@code *} after {@code jo} is a wildcard, and
 * everything else is syntax.
 */
final class FilterMap {
    static final int SYNTAX = -1;

    final String filter;
    /** Assertion index of each value character, or {@link #SYNTAX}. */
    final int[] assertion;
    final boolean[] wildcard;
    final boolean[] nul;
    final List<String> attributes = new ArrayList<>();
    /** Per assertion: true when its value is non-empty and all unescaped wildcards (a presence test). */
    final List<Boolean> presence = new ArrayList<>();
    /**
     * Where the parentheses first stop balancing (an extra {@code )}, an unescaped {@code (} in a
     * value, or the end when some are left open), or -1.
     */
    int unbalancedAt = -1;

    private FilterMap(String filter) {
        this.filter = filter;
        int n = filter.length();
        assertion = new int[n];
        wildcard = new boolean[n];
        nul = new boolean[n];
    }

    static FilterMap of(String f) {
        FilterMap m = new FilterMap(f);
        int depth = 0;
        int i = 0;
        int n = f.length();
        while (i < n) {
            char c = f.charAt(i);
            m.assertion[i] = SYNTAX;
            if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
                if (depth < 0 && m.unbalancedAt < 0) {
                    m.unbalancedAt = i;
                }
                i++;
            } else if (c == '&' || c == '|' || c == '!' || Character.isWhitespace(c)) {
                i++;
            } else {
                i = m.item(i);
            }
        }
        if (depth != 0 && m.unbalancedAt < 0) {
            m.unbalancedAt = Math.max(0, n - 1);
        }
        return m;
    }

    /** An item {@code attr op value} from {@code i}; returns the index of its closing {@code )} or the end. */
    private int item(int i) {
        int n = filter.length();
        int a = i;
        while (i < n && filter.charAt(i) != '=' && filter.charAt(i) != '(' && filter.charAt(i) != ')') {
            assertion[i++] = SYNTAX;
        }
        if (i >= n || filter.charAt(i) != '=') {
            return i;
        }
        int attrEnd = i > a && "~<>:".indexOf(filter.charAt(i - 1)) >= 0 ? i - 1 : i;
        attributes.add(filter.substring(a, attrEnd).strip().toLowerCase(Locale.ROOT));
        int id = attributes.size() - 1;
        assertion[i++] = SYNTAX;
        int valueStart = i;
        boolean onlyStars = true;
        while (i < n && filter.charAt(i) != ')') {
            char c = filter.charAt(i);
            if (c == '(') {
                if (unbalancedAt < 0) {
                    unbalancedAt = i;
                }
                assertion[i++] = SYNTAX;
                continue;
            }
            assertion[i] = id;
            if (c == '\\') {
                int end = Math.min(n, i + 3);
                onlyStars = false;
                boolean zero = end == i + 3 && filter.charAt(i + 1) == '0' && filter.charAt(i + 2) == '0';
                do {
                    assertion[i] = id;
                    nul[i] = zero;
                    i++;
                } while (i < end && filter.charAt(i) != ')');
                continue;
            }
            wildcard[i] = c == '*';
            nul[i] = c == '\0';
            onlyStars &= c == '*';
            i++;
        }
        presence.add(onlyStars && i > valueStart);
        return i;
    }
}
