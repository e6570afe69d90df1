package dev.pincer.correlator.xpath;

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
import java.util.ArrayList;
import java.util.List;

/**
 * XPath injection: an input in the expression that is not confined to one string literal's
 * content or one token ({@code 42}, {@code -5}, a name): it leaves a literal ({@code ' or '1'='1}),
 * opens one, leaves one unterminated, or spans several tokens ({@code 1 or 1=1}, {@code x]|//*},
 * {@code a/b}). Single {@code '} and {@code "} count only when the expression is left with an
 * unterminated literal.
 *
 * <p>Example: {@code //user[name='x' or '1'='1' and pass='y']} with input {@code user=x' or '1'='1}
 * is a finding ("input leaves a string literal"); {@code //user[name="O'Brien"]} with
 * {@code O'Brien} is not.
 */
public final class XPathInjectionAnalyzer implements SinkAnalyzer {
    private static final Occurrences.Options OPTIONS = Occurrences.Options.standard()
            .withSingleChars("'\"")
            .withFilter(XPathInjectionAnalyzer::mayBreakOut);

    @Override
    public SinkKind kind() {
        return SinkKind.XPATH;
    }

    @Override
    public Finding analyze(SinkCall call, RequestInputs inputs) {
        String expr = call.arg(0);
        XPathTokens tokens = null;
        Occurrences.Result found = Occurrences.find(expr, inputs, OPTIONS);
        for (Hit h : Attribution.strongestFirst(found.hits())) {
            if (tokens == null) {
                ParseBudget.require(expr, "XPath expression");
                tokens = XPathTokens.of(expr);
            }
            String reason = judge(tokens, h.start(), h.end(), h.single());
            if (reason != null) {
                return new Finding(AttackClass.XPATH_INJECTION, h.input(), evidence(tokens, h), reason);
            }
        }
        found.requireComplete();
        return null;
    }

    static String judge(XPathTokens t, int s, int e, boolean single) {
        if (t.unterminated >= 0 && e > t.start(t.unterminated)) {
            return "input leaves a string literal unterminated";
        }
        String x = t.expr;
        while (s < e && Character.isWhitespace(x.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(x.charAt(e - 1))) {
            e--;
        }
        int a = t.firstEndingAfter(s);
        int b = t.lastStartingAtOrBefore(e - 1);
        if (single || s >= e || a >= t.count() || b < a) {
            return null;
        }
        if (t.type(a) == XPathTokens.Type.STRING && s > t.start(a)) {
            return e <= t.contentEnd(a) && s >= t.contentStart(a) ? null : "input leaves a string literal";
        }
        if (t.type(b) == XPathTokens.Type.STRING && e < t.end(b)) {
            return "input opens a string literal";
        }
        if (a == b || (b == a + 1 && t.text(a).equals("-") && t.type(b) == XPathTokens.Type.NUMBER)) {
            return null;
        }
        return "input spans " + (b - a + 1) + " XPath tokens";
    }

    private static List<String> evidence(XPathTokens t, Hit h) {
        List<String> out = new ArrayList<>();
        for (int k = t.firstEndingAfter(h.start()); k < t.count() && t.start(k) < h.end(); k++) {
            out.add(t.text(k));
            if (out.size() == Evidence.MAX_ITEMS) {
                break;
            }
        }
        return Evidence.clip(out);
    }

    private static boolean mayBreakOut(String form) {
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return true;
            }
        }
        return false;
    }
}
