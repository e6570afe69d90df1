package dev.pincer.signatures.operator;

import dev.pincer.signatures.regex.Captures;
import dev.pincer.signatures.regex.Regex;

/**
 * {@code @rx PATTERN}: true when the regular expression matches somewhere in the value (see
 * {@link Regex} for ModSecurity's regex semantics). With {@code capture}, TX.0 is the whole match
 * and TX.1-TX.9 the groups that took part. An empty pattern matches everything. A pattern with
 * macros is expanded and compiled per evaluation (ModSecurity v3 does the same); if it then does
 * not compile, the operator does not match, as v3 logs and returns false. The last expanded
 * pattern is kept compiled, so a macro that keeps its value costs one compile.
 *
 * <p>A pattern that needs a backtracking engine (lookaround, backreferences, possessive
 * quantifiers: CRS 3.3 has five) runs on one with a bound on its work per value
 * ({@link Regex#compileBounded}); when the bound runs out the operator does not match and marks
 * the transaction incomplete with reason {@code regex}, so the value is never passed as judged.
 * So does a failure of the linear engine on a value (never seen; {@link Regex#search}).
 *
 * <p>Example: {@code @rx (?i)union\s+select} matches {@code 1 UNION  SELECT 2}.
 */
final class Rx implements Operator {

    /** The reason a regex that gave up gives {@link OperatorContext#incomplete}. */
    static final String GAVE_UP = "regex";
    /** The reason for {@link OperatorContext#incomplete} when a pattern with macros does not compile once expanded. */
    static final String BAD_PATTERN = "regex_pattern";

    private static final ThreadLocal<Captures> CAPTURES = ThreadLocal.withInitial(Captures::new);

    private final Argument pattern;
    private final Regex regex;  // null when the pattern holds macros
    private volatile Regex lastExpanded;  // macro patterns: the last one compiled, reused while equal

    Rx(String argument) {
        this.pattern = Argument.of(argument);
        this.regex = pattern.isConstant() ? Regex.compileBounded(pattern.constant()) : null;
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        Regex r = regex;
        if (r == null) {
            String expanded = pattern.value(ctx);
            r = lastExpanded;
            if (r == null || !r.pattern().equals(expanded)) {
                try {
                    r = Regex.compileBounded(expanded);
                } catch (IllegalArgumentException e) {
                    // the pattern is the rule's text with TX values (which can hold input) put in:
                    // one that does not compile cannot judge the value, so the request is incomplete
                    ctx.incomplete(BAD_PATTERN);
                    return false;
                }
                lastExpanded = r;
            }
        }
        if (r.pattern().isEmpty()) {
            return true;
        }
        if (!ctx.capturing()) {
            return found(ctx, r.search(value, null));
        }
        Captures c = CAPTURES.get();
        try {
            if (!found(ctx, r.search(value, c))) {
                return false;
            }
            for (int g = 0; g < c.count(); g++) {
                if (c.isSet(g)) {
                    ctx.capture(g, c.group(g));
                }
            }
            return true;
        } finally {
            c.clear();
        }
    }

    /** A constant pattern is pure; one with macros depends on the transaction. */
    @Override
    public boolean pure() {
        return regex != null;
    }

    private static boolean found(OperatorContext ctx, Regex.Result result) {
        if (result == Regex.Result.GAVE_UP) {
            ctx.incomplete(GAVE_UP);
            return false;
        }
        return result == Regex.Result.MATCH;
    }
}
