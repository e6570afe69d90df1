package dev.pincer.correlator.ldap;

import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.analyzer.internal.Attribution;
import dev.pincer.correlator.analyzer.Evidence;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.inspection.input.RequestInputs;

/**
 * LDAP injection. In the filter ({@code args[0]}, mapped by {@link FilterMap}) an input must stay
 * inside one assertion value: covering any filter syntax ({@code ( ) & | !}, an attribute, an
 * operator) or a NUL ({@code \00}) is a finding. Characters RFC 4515 allows in a value stay fine
 * there ({@code Smith & Sons}, {@code a=b}), as do escapes ({@code \2a}). Wildcards: an unescaped
 * {@code *} that comes from an input is filter syntax too, on any attribute, since it turns an
 * equality match into a substring or presence test that enumerates entries blind ({@code a*},
 * {@code *dmi*}, {@code *}). A one-character input {@code *} may just coincide with a wildcard the
 * app wrote, so it counts only where it makes a presence test (except {@code (objectClass=*)}, the
 * app's own idiom) or reaches a credential attribute ({@code userPassword}, {@code unicodePwd},
 * anything with {@code pass}, {@code pwd} or {@code secret}). Single characters
 * ({@code * ( ) \}) are searched, and a lone parenthesis counts only if the filter ends
 * unbalanced. In the base DN ({@code args[1]}) an input must not add unescaped DN syntax
 * ({@code , + ; = < > "}) or a NUL. When several inputs break out, the finding names the
 * strongest ({@link Attribution}) across filter and base DN.
 *
 * <p>Example: {@code (&(objectClass=person)(uid=adm*))} with input {@code user=adm*} is a finding
 * ("input adds a wildcard to (uid=...)"); {@code (cn=ann-*)} with {@code q=ann-} (the app appends
 * the wildcard) and {@code (cn=\2a)} with {@code q=*} (escaped) are not.
 */
public final class LdapInjectionAnalyzer implements SinkAnalyzer {
    private static final Occurrences.Options OPTIONS = Occurrences.Options.standard()
            .withSingleChars("*()\\")
            .withFilter(LdapInjectionAnalyzer::special);
    private static final String DN_SYNTAX = ",+;=<>\"\0";

    @Override
    public SinkKind kind() {
        return SinkKind.LDAP;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String filter = call.arg(0);
        FilterMap map = null;
        Hit best = null;
        String why = null;
        Occurrences.Result inFilter = Occurrences.find(filter, inputs, OPTIONS);
        for (Hit h : Attribution.strongestFirst(inFilter.hits())) {
            if (map == null) {
                ParseBudget.require(filter, "LDAP filter");
                map = FilterMap.of(filter);
            }
            why = judge(map, h.start(), h.end(), h.single());
            if (why != null) {
                best = h;
                break;
            }
        }
        String base = call.arg(1);
        boolean[] dnSyntax = null;
        Occurrences.Result inBase = Occurrences.find(base, inputs, OPTIONS);
        for (Hit h : Attribution.strongestFirst(inBase.hits())) {
            if (!Attribution.stronger(h, best)) {
                break;
            }
            if (dnSyntax == null) {
                ParseBudget.require(base, "base DN");
                dnSyntax = dnSyntax(base);
            }
            String reason = dn(base, dnSyntax, h.start(), h.end());
            if (reason != null) {
                return new Finding(AttackClass.LDAP_INJECTION, h.input(), Evidence.of(h.text(base), base), reason);
            }
        }
        if (best == null) {
            inFilter.requireComplete();
            inBase.requireComplete();
            return null;
        }
        return new Finding(AttackClass.LDAP_INJECTION, best.input(), Evidence.of(best.text(filter), filter), why);
    }

    static String judge(FilterMap m, int s, int e, boolean single) {
        char c = m.filter.charAt(s);
        if (single && c != '*') {
            return m.unbalancedAt >= 0 ? "input unbalances the filter's parentheses" : null;
        }
        int first = -2;
        for (int i = s; i < e; i++) {
            int a = m.assertion[i];
            if (a == FilterMap.SYNTAX) {
                return "input adds LDAP filter syntax '" + m.filter.charAt(i) + "'";
            }
            if (m.nul[i]) {
                return "input adds a NUL to the filter";
            }
            if (first != -2 && a != first) {
                return "input spans two assertions";
            }
            first = a;
        }
        for (int i = s; i < e; i++) {
            if (m.wildcard[i]) {
                return wildcard(m, m.assertion[i], single);
            }
        }
        return null;
    }

    /** Why an input's unescaped {@code *} in assertion {@code a} is a finding, or null. */
    private static String wildcard(FilterMap m, int a, boolean single) {
        String attr = m.attributes.get(a);
        boolean presence = m.presence.get(a);
        if (!single) {
            return "input adds a wildcard to (" + attr + "=...), making it a " + (presence ? "presence" : "substring")
                    + " test";
        }
        if (presence && !attr.equals("objectclass")) {
            return "input turns (" + attr + "=...) into a presence test";
        }
        if (attr.contains("pass") || attr.contains("pwd") || attr.contains("secret")) {
            return "input adds a wildcard to credential attribute " + attr;
        }
        return null;
    }

    /** RFC 4514 syntax the input added to the base DN, unescaped; null when there is none. */
    static String dn(String base, boolean[] syntax, int s, int e) {
        for (int i = s; i < e; i++) {
            if (syntax[i]) {
                char c = base.charAt(i);
                return "input adds DN syntax '" + (c == '\0' ? "\\0" : c) + "' to the base DN";
            }
        }
        return null;
    }

    /** Which characters of a DN are unescaped syntax ({@code , + ; = < > "} or NUL). */
    static boolean[] dnSyntax(String base) {
        boolean[] out = new boolean[base.length()];
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (c == '\\') {
                i++;
            } else {
                out[i] = DN_SYNTAX.indexOf(c) >= 0;
            }
        }
        return out;
    }

    private static boolean special(String form) {
        for (int i = 0; i < form.length(); i++) {
            if ("()*\\&|!=\0,+;<>\"".indexOf(form.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
