package dev.pincer.config;

import java.util.List;
import java.util.Objects;

/**
 * {@code routes[i].protection.rule_exclusions}: rules, or rules' targets, that do not run for the
 * route's requests, the way CRS users write {@code ctl:ruleRemoveById} and
 * {@code ctl:ruleRemoveTargetById} exclusions, without a rule file.
 *
 * <p>Example: {@code {ids: ["942100", "920300-920310"], tags: [attack-xss],
 * targets: [{ids: "942100", target: "ARGS:password"}]}}.
 *
 * @param ids     rule ids and id ranges ({@code 942100}, {@code 942100-942199})
 * @param tags    rule tags
 * @param targets per-rule target removals
 */
public record RuleExclusions(List<String> ids, List<String> tags, List<Target> targets) {
    public static final RuleExclusions NONE = new RuleExclusions(List.of(), List.of(), List.of());

    public RuleExclusions {
        ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
    }

    public boolean isEmpty() {
        return ids.isEmpty() && tags.isEmpty() && targets.isEmpty();
    }

    /**
     * One target removal: the rules {@code ids} (or with {@code tag}) no longer inspect {@code target}.
     *
     * @param ids    rule ids or ranges, or null when {@code tag} selects
     * @param tag    a rule tag, or null when {@code ids} selects
     * @param target one variable, {@code ARGS:password} or {@code REQUEST_COOKIES:session}
     */
    public record Target(String ids, String tag, String target) {
        public Target {
            Objects.requireNonNull(target, "target");
            if ((ids == null) == (tag == null)) {
                throw new IllegalArgumentException("exactly one of ids and tag");
            }
        }
    }
}
