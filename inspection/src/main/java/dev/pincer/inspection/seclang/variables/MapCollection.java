package dev.pincer.inspection.seclang.variables;

import dev.pincer.signatures.rule.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A writable collection keyed case-insensitively: TX for one transaction, or one record of a
 * persistent collection (IP, GLOBAL...). Keys are stored lower case; values appear as
 * {@code TX:key}.
 */
public final class MapCollection implements Collection {

    /** At most this many keys: a rule set that writes more per transaction is looping on input. */
    public static final int MAX_KEYS = 10_000;

    private final String name;
    private final Map<String, String> values = new LinkedHashMap<>();

    public MapCollection(String name) {
        this.name = name;
    }

    public String get(String key) {
        return values.get(key);
    }

    /** Sets {@code key} (lower case); returns false when the collection is full and the key new. */
    public boolean put(String key, String value) {
        if (values.size() >= MAX_KEYS && !values.containsKey(key)) {
            return false;
        }
        values.put(key, value);
        return true;
    }

    public void remove(String key) {
        values.remove(key);
    }

    public Map<String, String> view() {
        return java.util.Collections.unmodifiableMap(values);
    }

    @Override
    public void select(Target target, List<VariableValue> out) {
        if (target.key() != null && target.keyPattern() == null) {
            String v = values.get(target.key());
            if (v != null) {
                out.add(new VariableValue(name, target.key(), v));
            }
            return;
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (target.selects(e.getKey())) {
                out.add(new VariableValue(name, e.getKey(), e.getValue()));
            }
        }
    }

    @Override
    public int count(Target target) {
        if (target.key() != null && target.keyPattern() == null) {
            return values.containsKey(target.key()) ? 1 : 0;
        }
        int n = 0;
        for (String k : values.keySet()) {
            if (target.selects(k)) {
                n++;
            }
        }
        return n;
    }
}
