package dev.pincer.signatures.action;

import dev.pincer.signatures.macro.Macro;
import dev.pincer.signatures.transform.Transformation;
import java.util.ArrayList;
import java.util.List;

/** An {@link ActionSink} that writes down what it is told, one short line per fact. */
final class RecordingSink implements ActionSink {
    final List<String> facts = new ArrayList<>();
    final List<RuntimeAction> runtime = new ArrayList<>();

    @Override public void id(long id) { facts.add("id=" + id); }
    @Override public void phase(int phase) { facts.add("phase=" + phase); }
    @Override public void message(Macro msg) { facts.add("msg=" + msg.source()); }
    @Override public void logData(Macro logdata) { facts.add("logdata=" + logdata.source()); }
    @Override public void tag(String tag) { facts.add("tag=" + tag); }
    @Override public void metadata(String name, String value) { facts.add(name + "=" + value); }
    @Override public void severity(int severity) { facts.add("severity=" + severity); }
    @Override public void resetTransformations() { facts.add("t=reset"); }
    @Override public void transformation(Transformation t) { facts.add("t=" + t.name()); }
    @Override public void chain() { facts.add("chain"); }
    @Override public void disruptive(Disruptive action) { facts.add("disruptive=" + action); }
    @Override public void status(int status) { facts.add("status=" + status); }
    @Override public void redirect(Macro url) { facts.add("redirect=" + url.source()); }
    @Override public void log(boolean log) { facts.add("log=" + log); }
    @Override public void auditLog(boolean auditLog) { facts.add("auditlog=" + auditLog); }
    @Override public void capture() { facts.add("capture"); }
    @Override public void multiMatch() { facts.add("multiMatch"); }
    @Override public void skip(int rules) { facts.add("skip=" + rules); }
    @Override public void skipAfter(String marker) { facts.add("skipAfter=" + marker); }

    @Override
    public void runtime(RuntimeAction action) {
        facts.add("runtime=" + action.name());
        runtime.add(action);
    }
}
