package dev.pincer.signatures.action;

import dev.pincer.signatures.macro.Macro;

/**
 * {@code expirevar:ip.blocked=60}: the variable is removed that many seconds from now. For TX,
 * which lives for one transaction, this is a no-op in effect; it matters for the persistent
 * collections opened with {@code initcol}.
 */
final class ExpireVarAction implements RuntimeAction {
    private final VariableName variable;
    private final Macro seconds;

    ExpireVarAction(String text) {
        String v = Values.required("expirevar", text).trim();
        int eq = v.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expirevar '" + v + "' needs collection.name=seconds");
        }
        variable = VariableName.parse("expirevar", v.substring(0, eq));
        seconds = Macro.parse(v.substring(eq + 1).trim());
    }

    @Override public String name() { return "expirevar"; }

    @Override
    public void execute(ActionContext ctx) {
        long s = SetVarAction.number(seconds.expand(ctx));
        if (s > 0) {
            ctx.expireVariable(variable.collection(), variable.key(ctx), s);
        }
    }
}
