package dev.pincer.signatures.action;

import dev.pincer.signatures.macro.Macro;

/**
 * {@code setvar}: writes a collection variable. {@code setvar:tx.score=5} sets,
 * {@code setvar:'tx.inbound_anomaly_score_pl1=+%{tx.critical_anomaly_score}'} adds,
 * {@code =-} subtracts, {@code setvar:tx.flag} sets "1", {@code setvar:!tx.flag} deletes. For the
 * arithmetic forms both sides are read as integers, a non-number as 0 (as libmodsecurity v3).
 */
final class SetVarAction implements RuntimeAction {
    private enum Op { SET, ADD, SUBTRACT, SET_ONE, DELETE }

    private final VariableName variable;
    private final Op op;
    private final Macro value;

    SetVarAction(String text) {
        String v = Values.required("setvar", text).trim();
        if (v.startsWith("!")) {
            variable = VariableName.parse("setvar", v.substring(1));
            op = Op.DELETE;
            value = null;
            return;
        }
        int eq = v.indexOf('=');
        if (eq < 0) {
            variable = VariableName.parse("setvar", v);
            op = Op.SET_ONE;
            value = null;
            return;
        }
        variable = VariableName.parse("setvar", v.substring(0, eq));
        String rest = v.substring(eq + 1);
        if (rest.startsWith("+")) {
            op = Op.ADD;
            rest = rest.substring(1);
        } else if (rest.startsWith("-")) {
            op = Op.SUBTRACT;
            rest = rest.substring(1);
        } else {
            op = Op.SET;
        }
        value = Macro.parse(rest);
    }

    @Override public String name() { return "setvar"; }

    @Override public boolean perMatch() { return true; }

    @Override
    public void execute(ActionContext ctx) {
        String key = variable.key(ctx);
        switch (op) {
            case DELETE -> ctx.deleteVariable(variable.collection(), key);
            case SET_ONE -> ctx.setVariable(variable.collection(), key, "1");
            case SET -> ctx.setVariable(variable.collection(), key, value.expand(ctx));
            case ADD, SUBTRACT -> {
                long current = number(ctx.resolve(variable.collection(), key));
                long delta = number(value.expand(ctx));
                long result = op == Op.ADD ? current + delta : current - delta;
                ctx.setVariable(variable.collection(), key, Long.toString(result));
            }
        }
    }

    /** The leading integer of {@code text}, 0 when there is none (libmodsecurity's stoi fallback). */
    static long number(String text) {
        if (text == null) {
            return 0;
        }
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long result = 0;
        int digits = 0;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && digits < 18) {
            result = result * 10 + (text.charAt(i) - '0');
            i++;
            digits++;
        }
        return negative ? -result : result;
    }
}
