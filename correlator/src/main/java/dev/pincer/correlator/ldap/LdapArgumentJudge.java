package dev.pincer.correlator.ldap;

import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;

/**
 * An LDAP search filter judged by itself (see {@link ArgumentJudge}): a filter (RFC 4515) is one
 * parenthesized expression, so one whose parentheses do not balance, or that goes on after its
 * outermost {@code )} closes (the {@code *)(uid=*))(|(uid=*} break-out), or that holds a NUL, or
 * tests a credential attribute for presence ({@code (userPassword=*)}), is not what an app's
 * fixed filter looks like. {@code (&(objectClass=*)(uid=bob))} is. One pass via {@link FilterMap}.
 *
 * <p>Example: {@code (&(uid=*)(uid=*))(|(uid=*)(userPassword=x))} gives "the filter goes on
 * after it closes".
 */
public final class LdapArgumentJudge implements ArgumentJudge {
    @Override
    public SinkKind kind() {
        return SinkKind.LDAP;
    }

    @Override
    public Finding judge(SinkCall call) {
        String f = call.arg(0);
        ParseBudget.require(f, "LDAP filter");
        String why = why(f);
        return why == null ? null : ArgumentJudge.finding(AttackClass.LDAP_INJECTION, why, f);
    }

    private static String why(String f) {
        FilterMap m = FilterMap.of(f);
        if (m.unbalancedAt >= 0) {
            return "the filter's parentheses do not balance";
        }
        int depth = 0;
        boolean closed = false;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (m.nul[i]) {
                return "the filter holds a NUL";
            }
            if (m.assertion[i] != FilterMap.SYNTAX) {
                continue;
            }
            if (closed && !Character.isWhitespace(c)) {
                return "the filter goes on after it closes";
            }
            if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
                closed = depth == 0;
            }
        }
        for (int a = 0; a < m.attributes.size(); a++) {
            String attr = m.attributes.get(a);
            if (m.presence.get(a) && (attr.contains("pass") || attr.contains("pwd") || attr.contains("secret"))) {
                return "the filter tests credential attribute " + attr + " for presence";
            }
        }
        return null;
    }
}
