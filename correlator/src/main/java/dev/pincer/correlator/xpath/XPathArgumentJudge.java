package dev.pincer.correlator.xpath;

import dev.pincer.correlator.analyzer.ArgumentJudge;
import dev.pincer.inspection.verdict.AttackClass;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.internal.ParseBudget;
import dev.pincer.correlator.analyzer.internal.Tautology;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.xpath.XPathTokens.Type;
import java.util.Locale;
import java.util.Set;

/**
 * An XPath expression judged by itself (see {@link ArgumentJudge}): a string left open, or an
 * {@code or} followed by what is always true: a comparison of two constants that holds
 * ({@code ' or '1'='1}, {@code or 1=1}), {@code true()}, or a bare non-empty string or non-zero
 * number before {@code ]} or the end ({@code ' or 'a']}). An app's fixed expression compares
 * nodes with values ({@code //user[name=$n or email=$n]}). One pass over the tokens.
 *
 * <p>Example: {@code //user[name='' or '1'='1' and pass='']} gives "tautology after or: '1'='1'".
 */
public final class XPathArgumentJudge implements ArgumentJudge {
    private static final Set<String> COMPARE = Set.of("=", "!=", "<", ">", "<=", ">=");

    @Override
    public SinkKind kind() {
        return SinkKind.XPATH;
    }

    @Override
    public Finding judge(SinkCall call) {
        String expr = call.arg(0);
        ParseBudget.require(expr, "XPath expression");
        XPathTokens t = XPathTokens.of(expr);
        if (t.unterminated >= 0) {
            return ArgumentJudge.finding(AttackClass.XPATH_INJECTION, "a string is left open", expr);
        }
        for (int k = 0; k + 1 < t.count(); k++) {
            if (t.type(k) != Type.NAME || !t.text(k).toLowerCase(Locale.ROOT).equals("or")) {
                continue;
            }
            String taut = tautology(t, k + 1);
            if (taut != null) {
                return ArgumentJudge.finding(AttackClass.XPATH_INJECTION, "tautology after or: " + taut, expr);
            }
        }
        return null;
    }

    private static String tautology(XPathTokens t, int k) {
        if (k + 2 < t.count() && constant(t, k) && COMPARE.contains(t.text(k + 1)) && constant(t, k + 2)
                && Tautology.isTrue(value(t, k), t.type(k) == Type.STRING, t.text(k + 1), value(t, k + 2),
                        t.type(k + 2) == Type.STRING)) {
            return t.text(k) + t.text(k + 1) + t.text(k + 2);
        }
        if (k + 2 < t.count() && t.text(k).equals("true") && t.text(k + 1).equals("(") && t.text(k + 2).equals(")")) {
            return "true()";
        }
        boolean alone = k + 1 >= t.count() || t.text(k + 1).equals("]") || t.text(k + 1).equals(")")
                || t.text(k + 1).equals("or") || t.text(k + 1).equals("and");
        if (alone && constant(t, k) && !value(t, k).isEmpty() && !value(t, k).equals("0")) {
            return t.text(k);
        }
        return null;
    }

    private static boolean constant(XPathTokens t, int k) {
        return t.type(k) == Type.STRING || t.type(k) == Type.NUMBER;
    }

    private static String value(XPathTokens t, int k) {
        return t.expr.substring(t.contentStart(k), t.contentEnd(k));
    }
}
