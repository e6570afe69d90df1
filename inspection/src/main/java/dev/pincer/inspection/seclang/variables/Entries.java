package dev.pincer.inspection.seclang.variables;

import dev.pincer.signatures.rule.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * A collection held as an ordered list of key/value pairs, the way the request carried them:
 * {@code ARGS} keeps both values of {@code ?a=1&a=2}, headers keep the client's spelling.
 * Written while the request is read, then only read; the exception is the engine's MATCHED_VARS
 * pair, which it empties ({@link #clear}) before each rule that follows a match.
 */
public final class Entries implements Collection {

    private final String name;
    private final List<VariableValue> values = new ArrayList<>();

    public Entries(String name) {
        this.name = name;
    }

    /** A plain variable with one value. */
    public static Entries single(String name, String value) {
        Entries e = new Entries(name);
        e.add("", value);
        return e;
    }

    /** The collection's name, as rules write it ({@code ARGS}). */
    public String name() {
        return name;
    }

    public void add(String key, String value) {
        values.add(new VariableValue(name, key, value));
    }

    public int size() {
        return values.size();
    }

    /** Empties the collection, keeping its capacity. */
    public void clear() {
        values.clear();
    }

    public List<VariableValue> all() {
        return values;
    }

    @Override
    public void select(Target target, List<VariableValue> out) {
        for (VariableValue v : values) {
            if (target.selects(v.key())) {
                out.add(v);
            }
        }
    }

    @Override
    public int count(Target target) {
        int n = 0;
        for (VariableValue v : values) {
            if (target.selects(v.key())) {
                n++;
            }
        }
        return n;
    }
}
