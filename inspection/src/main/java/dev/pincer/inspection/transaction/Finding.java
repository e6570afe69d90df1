package dev.pincer.inspection.transaction;

import dev.pincer.inspection.verdict.AttackClass;
import java.util.List;
import java.util.Objects;

/**
 * One thing an edge participant found in a request: which control found it, what class of attack
 * it is, and, for the rule engine, the rule and its anomaly score.
 *
 * <p>Example: {@code new Finding("ip_filter", AttackClass.ACCESS, null, "203.0.113.7 is in deny list
 * blocklist.txt:12", 0)}.
 *
 * @param control     the participant's metric label ({@code ip_filter}, {@code rate_limit}, {@code upload},
 *                    {@code ban}, {@code rules})
 * @param attackClass what the finding is about; decides, with the mode, what the policy does
 * @param ruleId      the rule that matched, or null for a control without rules
 * @param message     what was found, for the event; never carries more than a bounded excerpt of input
 * @param score       the anomaly score this finding adds (0 for controls that decide alone)
 * @param tags        the rule's tags ({@code attack-sqli}, {@code paranoia-level/1}); empty for a control
 * @param variable    the matched variable's name ({@code ARGS:id}), or null
 * @param data        the matched value, already cut to a bounded excerpt, or null
 */
public record Finding(String control, AttackClass attackClass, String ruleId, String message, int score,
                      List<String> tags, String variable, String data) {
    public Finding {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(attackClass, "attackClass");
        Objects.requireNonNull(message, "message");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A finding of a control without rules: no tags, no matched variable. */
    public Finding(String control, AttackClass attackClass, String ruleId, String message, int score) {
        this(control, attackClass, ruleId, message, score, List.of(), null, null);
    }
}
