package dev.pincer.signatures.action;

import dev.pincer.signatures.lang.VariableSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An {@link ActionContext} over a map, writing down every call that is not a variable write. */
final class FakeContext implements ActionContext {
    final Map<String, String> vars = new TreeMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public String resolve(String collection, String key) {
        return vars.get(key == null ? collection : collection + "." + key);
    }

    @Override public void setVariable(String c, String k, String v) { vars.put(c + "." + k, v); }
    @Override public void deleteVariable(String c, String k) { vars.remove(c + "." + k); }
    @Override public void expireVariable(String c, String k, long s) { calls.add("expire " + c + "." + k + " " + s); }
    @Override public void initCollection(String c, String k) { calls.add("initcol " + c + "=" + k); }
    @Override public void ruleEngine(EngineMode mode) { calls.add("ruleEngine " + mode); }
    @Override public void removeRules(IdRanges ids) { calls.add("removeRules " + ids); }
    @Override public void removeRulesByTag(String tag) { calls.add("removeRulesByTag " + tag); }
    @Override public void removeRulesByMessage(String m) { calls.add("removeRulesByMessage " + m); }
    @Override public void removeTarget(IdRanges ids, VariableSelector t) { calls.add("removeTarget " + ids + " " + show(t)); }
    @Override public void removeTargetByTag(String tag, VariableSelector t) { calls.add("removeTargetByTag " + tag + " " + show(t)); }
    @Override public void removeTargetByMessage(String m, VariableSelector t) { calls.add("removeTargetByMessage " + m + " " + show(t)); }
    @Override public void requestBodyProcessor(String p) { calls.add("requestBodyProcessor " + p); }
    @Override public void requestBodyAccess(boolean on) { calls.add("requestBodyAccess " + on); }
    @Override public void forceRequestBodyVariable(boolean on) { calls.add("forceRequestBodyVariable " + on); }

    private static String show(VariableSelector t) {
        return t.collection() + (t.key() == null ? "" : ":" + t.key());
    }
}
