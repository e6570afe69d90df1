package dev.pincer.signatures.macro;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text with {@code %{...}} macros, parsed once when a rule loads and expanded per transaction.
 * ModSecurity expands macros in {@code msg}, {@code logdata}, {@code setvar} names and values, and
 * operator arguments; names are case-insensitive.
 *
 * <p>{@code %{tx.anomaly_score}} names collection {@code TX} and key {@code anomaly_score};
 * {@code %{MATCHED_VAR}} names a plain variable; a key may hold dots and colons after the first dot
 * ({@code %{tx.rfi_parameter_ARGS:x}}). A {@code %{} with no closing brace is literal text, as in
 * ModSecurity. An unknown variable expands to the empty string.
 */
public final class Macro {

    private final String source;
    private final String[] literals;   // literals.length == collections.length + 1
    private final String[] collections;
    private final String[] keys;       // null entries for plain variables

    private Macro(String source, String[] literals, String[] collections, String[] keys) {
        this.source = source;
        this.literals = literals;
        this.collections = collections;
        this.keys = keys;
    }

    /** Parses {@code text}; never throws. */
    public static Macro parse(String text) {
        Objects.requireNonNull(text, "text");
        List<String> literals = new ArrayList<>();
        List<String> collections = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("%{", i);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, open);
            String name = text.substring(open + 2, close).trim();
            if (name.isEmpty()) {
                literal.append(text, open, close + 1);
            } else {
                literals.add(literal.toString());
                literal.setLength(0);
                int dot = name.indexOf('.');
                collections.add((dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT));
                keys.add(dot < 0 ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT));
            }
            i = close + 1;
        }
        literals.add(literal.toString());
        return new Macro(text, literals.toArray(String[]::new), collections.toArray(String[]::new),
                keys.toArray(String[]::new));
    }

    /** True when the text holds no macro: {@link #expand} always returns {@link #constant()}. */
    public boolean isConstant() {
        return collections.length == 0;
    }

    /** The text of a macro-free value (the original text with no macro in it). */
    public String constant() {
        return literals[0];
    }

    /** The text as written in the rule file. */
    public String source() {
        return source;
    }

    /** The macros' variable names, for validation at load: {@code TX}, {@code MATCHED_VAR}... */
    public List<String> variables() {
        return List.of(collections);
    }

    /** Expands every macro with {@code resolver}; a missing value expands to "". */
    public String expand(MacroResolver resolver) {
        if (collections.length == 0) {
            return literals[0];
        }
        StringBuilder out = new StringBuilder(source.length() + 16);
        for (int i = 0; i < collections.length; i++) {
            out.append(literals[i]);
            String value = resolver.resolve(collections[i], keys[i]);
            if (value != null) {
                out.append(value);
            }
        }
        return out.append(literals[collections.length]).toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
