package dev.pincer.correlator.analyzer;

import dev.pincer.inspection.verdict.AttackClass;

import dev.pincer.inspection.input.Input;
import java.util.List;
import java.util.Objects;

/**
 * An analyzer's conclusion that a sink call is an attack.
 *
 * @param attackClass what kind of attack
 * @param input       the request input that changed the call's meaning, or {@code null} for
 *                    input-independent findings (deserialization gadgets, JNDI, exec drift)
 * @param evidence    the tokens of the sink argument that show the break-out, in order, e.g.
 *                    {@code ["'", "OR", "'1'", "=", "'1'"]}; at most a few dozen, each short
 * @param reason      one human sentence, e.g. "input spans 5 SQL tokens and leaves a string literal"
 */
public record Finding(AttackClass attackClass, Input input, List<String> evidence, String reason) {
    public Finding {
        Objects.requireNonNull(attackClass, "attackClass");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(reason, "reason");
    }
}
