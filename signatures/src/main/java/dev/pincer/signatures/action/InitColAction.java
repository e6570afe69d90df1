package dev.pincer.signatures.action;

import dev.pincer.signatures.macro.Macro;
import java.util.Locale;

/**
 * {@code initcol:ip=%{REMOTE_ADDR}}: opens a persistent collection (IP, GLOBAL, RESOURCE,
 * SESSION, USER) under a key for this transaction; variables in it outlive the transaction until
 * they expire ({@code expirevar}, {@code SecCollectionTimeout}).
 */
final class InitColAction implements RuntimeAction {
    private final String collection;
    private final Macro key;

    InitColAction(String text) {
        String v = Values.required("initcol", text).trim();
        int eq = v.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("initcol '" + v + "' needs collection=key (e.g. ip=%{REMOTE_ADDR})");
        }
        collection = v.substring(0, eq).trim().toUpperCase(Locale.ROOT);
        if (collection.equals("TX") || !VariableName.WRITABLE.contains(collection)) {
            throw new IllegalArgumentException("initcol '" + v + "': " + collection
                    + " is not a persistent collection (expected IP, GLOBAL, RESOURCE, SESSION or USER)");
        }
        key = Macro.parse(v.substring(eq + 1).trim());
    }

    @Override public String name() { return "initcol"; }

    @Override
    public void execute(ActionContext ctx) {
        ctx.initCollection(collection, key.expand(ctx));
    }
}
