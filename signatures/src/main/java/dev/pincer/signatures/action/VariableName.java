package dev.pincer.signatures.action;

import dev.pincer.signatures.macro.Macro;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code collection.key} part of {@code setvar} and {@code expirevar}: collection TX or a
 * persistent one (IP, GLOBAL, RESOURCE, SESSION, USER), key with macros
 * ({@code tx.%{rule.id}-OWASP_CRS/WEB_ATTACK/SQL_INJECTION-%{MATCHED_VAR_NAME}}).
 */
record VariableName(String collection, Macro key) {

    static final Set<String> WRITABLE = Set.of("TX", "IP", "GLOBAL", "RESOURCE", "SESSION", "USER");

    static VariableName parse(String action, String text) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException(action + " '" + text + "' needs collection.name (e.g. tx.score)");
        }
        String collection = text.substring(0, dot).trim().toUpperCase(Locale.ROOT);
        if (!WRITABLE.contains(collection)) {
            throw new IllegalArgumentException(action + " '" + text + "': collection " + collection
                    + " cannot be written (expected one of TX, IP, GLOBAL, RESOURCE, SESSION, USER)");
        }
        return new VariableName(collection, Macro.parse(text.substring(dot + 1).trim()));
    }

    /** The key for this transaction, lower case (collection keys are case-insensitive). */
    String key(ActionContext ctx) {
        return key.expand(ctx).toLowerCase(Locale.ROOT);
    }
}
