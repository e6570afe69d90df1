package dev.pincer.signatures.operator;

import dev.pincer.signatures.macro.Macro;

/**
 * An operator argument that may hold macros ({@code @within %{tx.allowed_methods}}): parsed once
 * at load, expanded per evaluation only when it is not constant, so constant arguments cost
 * nothing on the hot path.
 *
 * <p>Example: {@code Argument.of("%{tx.allowed_methods}").value(ctx)} asks {@code ctx} for
 * {@code TX}/{@code allowed_methods}; {@code Argument.of("GET").value(ctx)} is {@code "GET"}.
 */
final class Argument {

    private final Macro macro;
    private final String constant;

    private Argument(Macro macro) {
        this.macro = macro;
        this.constant = macro.isConstant() ? macro.constant() : null;
    }

    static Argument of(String text) {
        return new Argument(Macro.parse(text));
    }

    boolean isConstant() {
        return constant != null;
    }

    /** The text without macros, when {@link #isConstant()}; else null. */
    String constant() {
        return constant;
    }

    String source() {
        return macro.source();
    }

    /** The argument for this evaluation. */
    String value(OperatorContext ctx) {
        return constant != null ? constant : macro.expand(ctx);
    }
}
