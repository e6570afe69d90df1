package dev.pincer.signatures.action;

import dev.pincer.signatures.macro.Macro;
import dev.pincer.signatures.transform.Transformation;

/**
 * What a rule under compilation accepts from its actions. Implemented by the rule compiler;
 * each method records one fact, and the compiler checks the combination (a chain child may not
 * set an id, a phase or a disruptive action, and so on).
 */
public interface ActionSink {

    void id(long id);

    void phase(int phase);

    void message(Macro msg);

    void logData(Macro logdata);

    void tag(String tag);

    /** {@code ver}, {@code rev}, {@code maturity}, {@code accuracy}: metadata kept for events. */
    void metadata(String name, String value);

    /** Severity 0 (EMERGENCY) to 7 (DEBUG). */
    void severity(int severity);

    /** {@code t:none}: drops the default action's transformations and any listed before. */
    void resetTransformations();

    void transformation(Transformation transformation);

    void chain();

    void disruptive(Disruptive action);

    void status(int status);

    void redirect(Macro url);

    void log(boolean log);

    void auditLog(boolean auditLog);

    void capture();

    void multiMatch();

    void skip(int rules);

    void skipAfter(String marker);

    void runtime(RuntimeAction action);
}
