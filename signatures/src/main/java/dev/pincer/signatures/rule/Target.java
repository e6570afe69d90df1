package dev.pincer.signatures.rule;

import dev.pincer.signatures.lang.VariableSelector;
import dev.pincer.signatures.regex.Regex;
import java.util.Locale;

/**
 * One compiled variable of a rule: {@code ARGS}, {@code ARGS:id}, {@code &ARGS},
 * {@code REQUEST_HEADERS:/^x-/}, or an exclusion {@code !ARGS:password}. The engine in
 * {@code inspection/} resolves it against a transaction; keys compare case-insensitively, and a
 * key regex is compiled once here ({@link KeyPattern}).
 *
 * @param collection the variable or collection, upper case ({@code ARGS}, {@code REQUEST_URI})
 * @param key the selected key, lower case, or null for the whole collection
 * @param keyPattern the key regex of {@code ARGS:/.../}, else null
 * @param count {@code &}: the number of values, not the values
 */
public record Target(String collection, String key, KeyPattern keyPattern, boolean count) {

    static Target of(VariableSelector s) {
        if (s.keyIsRegex()) {
            return new Target(s.collection(), null, new KeyPattern(s.key()), s.count());
        }
        return new Target(s.collection(), s.key() == null ? null : s.key().toLowerCase(Locale.ROOT), null, s.count());
    }

    /**
     * True when {@code name} (a key of {@link #collection}) is selected by this target's key. A name
     * the key regex could not judge is selected: it is inspected rather than left out.
     */
    public boolean selects(String name) {
        if (keyPattern != null) {
            return keyPattern.judge(name) != Regex.Result.NO_MATCH;
        }
        return key == null || key.equalsIgnoreCase(name);
    }

    /**
     * True when this exclusion or removal covers the value {@code collection:name}. A name the key
     * regex could not judge is not covered: it stays in inspection.
     */
    public boolean covers(String collection, String name) {
        if (!this.collection.equals(collection)) {
            return false;
        }
        if (keyPattern != null) {
            return keyPattern.judge(name) == Regex.Result.MATCH;
        }
        return key == null || key.equalsIgnoreCase(name);
    }

    @Override
    public String toString() {
        String k = keyPattern != null ? ":/" + keyPattern + "/" : key != null ? ":" + key : "";
        return (count ? "&" : "") + collection + k;
    }
}
