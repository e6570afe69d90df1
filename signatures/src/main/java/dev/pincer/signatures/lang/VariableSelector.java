package dev.pincer.signatures.lang;

import java.util.Objects;

/**
 * One target of a {@code SecRule}: a variable or collection, optionally narrowed to a key or to
 * the keys a regex matches, counted ({@code &}) or excluded ({@code !}).
 *
 * <p>Example: {@code !REQUEST_COOKIES:/__utm/} is
 * {@code VariableSelector(false, true, "REQUEST_COOKIES", "__utm", true)}; {@code &TX:x} is
 * {@code VariableSelector(true, false, "TX", "x", false)}; {@code ARGS} is
 * {@code VariableSelector(false, false, "ARGS", null, false)}.
 *
 * @param count {@code &}: the number of values instead of the values
 * @param exclude {@code !}: removes the keys it selects from the rule's other targets
 * @param collection the variable name, upper-case, known to {@link Variables}
 * @param key the key as written (case kept; quotes and regex slashes removed), or null
 * @param keyIsRegex whether {@code key} is a regex ({@code /.../}) rather than a name
 */
public record VariableSelector(boolean count, boolean exclude, String collection, String key, boolean keyIsRegex) {

    public VariableSelector {
        Objects.requireNonNull(collection, "collection");
        if (keyIsRegex && key == null) {
            throw new IllegalArgumentException("a regex selector needs a key");
        }
    }

    /** The selector in rule syntax: {@code &TX:x}, {@code !ARGS:/^a/}, {@code ARGS}. */
    @Override
    public String toString() {
        String prefix = (count ? "&" : "") + (exclude ? "!" : "");
        if (key == null) {
            return prefix + collection;
        }
        return prefix + collection + ":" + (keyIsRegex ? "/" + key + "/" : key);
    }
}
