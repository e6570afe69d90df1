package dev.pincer.signatures.rule;

import dev.pincer.signatures.action.Action;
import dev.pincer.signatures.action.Actions;
import dev.pincer.signatures.action.IdRanges;
import dev.pincer.signatures.lang.ActionParser;
import dev.pincer.signatures.lang.Directive;
import dev.pincer.signatures.lang.Directives;
import dev.pincer.signatures.lang.OperatorParser;
import dev.pincer.signatures.lang.OperatorSpec;
import dev.pincer.signatures.lang.RawAction;
import dev.pincer.signatures.lang.RuleFileException;
import dev.pincer.signatures.lang.RuleFileParser;
import dev.pincer.signatures.lang.SourceLocation;
import dev.pincer.signatures.lang.VariableParser;
import dev.pincer.signatures.lang.VariableSelector;
import dev.pincer.signatures.operator.Operators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns parsed directives into an immutable {@link RuleSet}: rules with their actions, operators
 * and transformations built, SecDefaultAction folded in, chains linked, removals and updates
 * applied, markers resolved, and the configuration directives collected into
 * {@link EngineSettings}. Any problem is a {@link RuleFileException} naming the file, the line,
 * the directive and the reason; nothing is skipped silently.
 *
 * <p>As in ModSecurity, {@code SecRuleRemove*} and {@code SecRuleUpdate*} act on the rules read
 * before them, and {@code SecDefaultAction} on the rules of its phase read after it.
 */
public final class RuleSetCompiler {

    /** At most this many rules (chain heads and children); CRS v4 has about 700. */
    static final int MAX_RULES = 100_000;

    /** Chain heads and marker names (Strings), in file order. */
    private final List<Object> entries = new ArrayList<>();
    private final Map<Integer, RuleBuilder> defaults = new HashMap<>();
    private final Set<String> markers = new HashSet<>();
    private final Set<String> skipTargets = new HashSet<>();
    private final SettingsReader settings = new SettingsReader();
    private RuleBuilder openChain; // the last rule of a chain still waiting for its next rule
    private int ruleCount;

    private RuleSetCompiler() {
    }

    /** Parses {@code files} (following Include) and compiles them, in order, into one rule set. */
    public static RuleSet load(List<Path> files) {
        List<Directive> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(RuleFileParser.parse(f));
        }
        return compile(all);
    }

    /** Compiles {@code directives}, in order. */
    public static RuleSet compile(List<Directive> directives) {
        RuleSetCompiler c = new RuleSetCompiler();
        Directive last = null;
        for (Directive d : directives) {
            try {
                c.directive(d);
            } catch (IllegalArgumentException e) {
                throw new RuleFileException(d.location(), d.name(), e.getMessage());
            }
            last = d;
        }
        if (c.openChain != null) {
            throw new RuleFileException(c.openChain.location, "SecRule",
                    "the rule ends a file with 'chain', but no rule follows it");
        }
        return c.build(last);
    }

    private void directive(Directive d) {
        List<String> args = d.arguments();
        if (openChain != null && !d.name().equals("SecRule")) {
            throw new IllegalArgumentException("a chained rule must be followed by a SecRule, not "
                    + d.name() + " (rule at " + openChain.location + ")");
        }
        switch (d.name()) {
            case "SecRule" -> {
                arity(d, 2, 3);
                rule(d, args.get(0), args.get(1), args.size() > 2 ? args.get(2) : "");
            }
            case "SecAction" -> {
                arity(d, 1, 1);
                rule(d, null, null, args.get(0));
            }
            case "SecMarker" -> {
                arity(d, 1, 1);
                marker(args.get(0));
            }
            case "SecDefaultAction" -> {
                arity(d, 1, 1);
                defaultAction(d.location(), args.get(0));
            }
            case "SecRuleRemoveById" -> {
                IdRanges ids = IdRanges.parse(String.join(" ", args));
                entries.removeIf(e -> e instanceof RuleBuilder r && ids.contains(r.id));
            }
            case "SecRuleRemoveByTag" -> {
                arity(d, 1, 1);
                entries.removeIf(e -> e instanceof RuleBuilder r && r.tags.contains(args.get(0)));
            }
            case "SecRuleRemoveByMsg" -> {
                arity(d, 1, 1);
                entries.removeIf(e -> e instanceof RuleBuilder r && r.message != null
                        && r.message.source().equals(args.get(0)));
            }
            case "SecRuleUpdateTargetById" -> {
                arity(d, 2, 3);
                IdRanges ids = IdRanges.parse(args.get(0));
                updateTargets(matching(r -> ids.contains(r.id), "id " + ids), args);
            }
            case "SecRuleUpdateTargetByTag" -> {
                arity(d, 2, 3);
                updateTargets(matching(r -> r.tags.contains(args.get(0)), "tag " + args.get(0)), args);
            }
            case "SecRuleUpdateTargetByMsg" -> {
                arity(d, 2, 3);
                updateTargets(matching(r -> r.message != null && r.message.source().equals(args.get(0)),
                        "msg " + args.get(0)), args);
            }
            case "SecRuleUpdateActionById" -> {
                arity(d, 2, 2);
                updateActions(args.get(0), args.get(1));
            }
            default -> {
                if (!Directives.isIgnorable(d.name())) {
                    settings.read(d);
                }
            }
        }
    }

    private static void arity(Directive d, int min, int max) {
        int n = d.arguments().size();
        if (n < min || n > max) {
            throw new IllegalArgumentException("takes " + (min == max ? min : min + " to " + max)
                    + " argument" + (max == 1 ? "" : "s") + ", got " + n);
        }
    }

    // ---- rules ---------------------------------------------------------------------------------

    private void rule(Directive d, String variables, String operator, String actions) {
        if (++ruleCount > MAX_RULES) {
            throw new IllegalArgumentException("more than " + MAX_RULES + " rules");
        }
        boolean child = openChain != null;
        RuleBuilder r = new RuleBuilder(d.location(), child);
        Path dir = directory(d.location());
        if (variables == null) {
            r.operator = Operators.create("unconditionalMatch", "", dir);
            r.operatorName = "unconditionalMatch";
        } else {
            for (VariableSelector s : VariableParser.parse(variables)) {
                (s.exclude() ? r.exclusions : r.targets).add(Target.of(s));
            }
            if (r.targets.isEmpty()) {
                throw new IllegalArgumentException("the rule has no variable to inspect, only exclusions");
            }
            OperatorSpec spec = OperatorParser.parse(operator);
            r.operator = Operators.create(spec.name(), spec.argument(), dir);
            r.operatorName = spec.name();
            r.operatorArgument = spec.argument();
            r.negated = spec.negated();
        }
        r.apply(actions(actions));
        if (child) {
            r.phase = openChain.phase;
            r.defaults = openChain.defaults;
            openChain.next = r;
        } else {
            if (r.id == 0) {
                throw new IllegalArgumentException("the rule has no id (every rule but a chain's later ones needs id:N)");
            }
            r.defaults = defaults.get(r.phase);
            entries.add(r);
        }
        if (r.skipAfter != null) {
            skipTargets.add(r.skipAfter);
        }
        openChain = r.chain ? r : null;
    }

    private static List<Action> actions(String text) {
        List<Action> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (RawAction a : ActionParser.parse(text)) {
            out.add(Actions.create(a.name(), a.value()));
        }
        return out;
    }

    private static Path directory(SourceLocation location) {
        Path file = Path.of(location.file()).toAbsolutePath();
        Path parent = file.getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    private void marker(String name) {
        markers.add(name);
        entries.add(name);
    }

    private void defaultAction(SourceLocation location, String text) {
        RuleBuilder d = new RuleBuilder(location, false);
        d.apply(actions(text));
        if (!d.phaseSet) {
            throw new IllegalArgumentException("needs a phase");
        }
        if (d.disruptive == null) {
            throw new IllegalArgumentException("needs a disruptive action (pass, deny, ...)");
        }
        if (d.id != 0 || d.chain || d.skip != 0 || d.skipAfter != null || !d.actions.isEmpty()
                || d.message != null || d.logData != null || !d.tags.isEmpty()) {
            throw new IllegalArgumentException(
                    "may only hold phase, transformations, log flags, status and a disruptive action");
        }
        defaults.put(d.phase, d);
    }

    private List<RuleBuilder> matching(java.util.function.Predicate<RuleBuilder> p, String what) {
        List<RuleBuilder> found = new ArrayList<>();
        for (Object e : entries) {
            if (e instanceof RuleBuilder r && p.test(r)) {
                found.add(r);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no rule read so far has " + what);
        }
        return found;
    }

    /** {@code SecRuleUpdateTarget*}: adds targets and exclusions, or replaces one target. */
    private static void updateTargets(List<RuleBuilder> rules, List<String> args) {
        List<VariableSelector> add = VariableParser.parse(args.get(1));
        Target replaced = null;
        if (args.size() == 3) {
            List<VariableSelector> old = VariableParser.parse(args.get(2));
            if (old.size() != 1 || old.get(0).exclude()) {
                throw new IllegalArgumentException("the target to replace must be one plain variable");
            }
            replaced = Target.of(old.get(0));
        }
        for (RuleBuilder r : rules) {
            if (replaced != null) {
                String wanted = replaced.toString();
                boolean removed = r.targets.removeIf(t -> t.toString().equals(wanted));
                if (!removed) {
                    throw new IllegalArgumentException("rule " + r.id + " has no target " + wanted + " to replace");
                }
            }
            for (VariableSelector s : add) {
                (s.exclude() ? r.exclusions : r.targets).add(Target.of(s));
            }
        }
    }

    /** {@code SecRuleUpdateActionById 942100 "msg:'...',severity:2"}: transformations append. */
    private void updateActions(String id, String text) {
        IdRanges ids = IdRanges.parse(id);
        List<Action> list = actions(text);
        for (Action a : list) {
            if (a.name().equals("id") || a.name().equals("phase") || a.name().equals("chain")) {
                throw new IllegalArgumentException("SecRuleUpdateActionById cannot change '" + a.name() + "'");
            }
        }
        for (RuleBuilder r : matching(b -> ids.contains(b.id), "id " + ids)) {
            r.apply(list);
        }
    }

    // ---- the rule set --------------------------------------------------------------------------

    private RuleSet build(Directive last) {
        Map<Long, SourceLocation> seen = new HashMap<>();
        for (Object e : entries) {
            if (!(e instanceof RuleBuilder r)) {
                continue;
            }
            SourceLocation before = seen.putIfAbsent(r.id, r.location);
            if (before != null) {
                throw new RuleFileException(r.location, "SecRule",
                        "id " + r.id + " is already used by the rule at " + before);
            }
        }
        for (String target : skipTargets) {
            if (!markers.contains(target)) {
                SourceLocation where = last == null ? new SourceLocation("(rules)", 0) : last.location();
                throw new RuleFileException(where, "SecMarker", "skipAfter:" + target + " names no SecMarker");
            }
        }
        List<List<Rule>> phases = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            phases.add(new ArrayList<>());
        }
        Map<String, List<int[]>> resume = new HashMap<>();
        for (Object e : entries) {
            if (e instanceof RuleBuilder r) {
                phases.get(r.phase).add(build(r));
            } else {
                int[] at = new int[6];
                for (int i = 1; i <= 5; i++) {
                    at[i] = phases.get(i).size();
                }
                resume.computeIfAbsent((String) e, k -> new ArrayList<>()).add(at);
            }
        }
        return new RuleSet(settings.settings(), phases, resume);
    }

    private static Rule build(RuleBuilder r) {
        return new Rule(r, r.next == null ? null : build(r.next));
    }
}
