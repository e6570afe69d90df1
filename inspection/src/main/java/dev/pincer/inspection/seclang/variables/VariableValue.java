package dev.pincer.inspection.seclang.variables;

/**
 * One value a rule inspects: {@code ARGS:id = 1' or 1=1}, or a plain variable
 * ({@code REQUEST_URI}, with key ""). Values are byte strings (one char per byte).
 *
 * @param collection the collection or variable name, upper case, as written in rules ({@code ARGS})
 * @param key the key within the collection as the request spelled it, "" for a plain variable
 * @param value the value
 */
public record VariableValue(String collection, String key, String value) {

    /** {@code ARGS:id}, or {@code REQUEST_URI}: what MATCHED_VAR_NAME and events show. */
    public String name() {
        return key.isEmpty() ? collection : collection + ":" + key;
    }
}
