package dev.pincer.signatures.macro;

/**
 * Looks up the value a macro names, during one transaction. Implemented by the rule engine in
 * {@code inspection/}; the rule language only knows the names.
 *
 * <p>Example: {@code %{tx.inbound_anomaly_score_threshold}} asks for collection {@code TX}, key
 * {@code inbound_anomaly_score_threshold}; {@code %{MATCHED_VAR}} asks for {@code MATCHED_VAR}
 * with no key.
 */
@FunctionalInterface
public interface MacroResolver {

    /** A resolver that knows no variable: every macro expands to the empty string. */
    MacroResolver EMPTY = (collection, key) -> null;

    /**
     * @param collection the variable or collection name, upper case ({@code TX}, {@code MATCHED_VAR})
     * @param key the key inside the collection, lower case, or null for a plain variable
     * @return the value, or null when the variable or key does not exist (it expands to "")
     */
    String resolve(String collection, String key);
}
