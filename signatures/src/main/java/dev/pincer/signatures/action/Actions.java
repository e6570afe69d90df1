package dev.pincer.signatures.action;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The registry of actions: one explicit list, name to constructor. Names match
 * case-insensitively, as in libmodsecurity v3. An action Pincer does not know is an error; so is
 * one it knows but does not run ({@code exec}, {@code setenv}...), with a reason that says so.
 */
public final class Actions {

    private static final Map<String, Function<String, Action>> ACTIONS = new LinkedHashMap<>();
    private static final Map<String, String> UNSUPPORTED = new LinkedHashMap<>();

    static {
        add("id", IdAction::new);
        add("phase", PhaseAction::new);
        add("msg", MessageAction::new);
        add("logdata", LogDataAction::new);
        add("tag", TagAction::new);
        add("severity", SeverityAction::new);
        for (String meta : new String[] {"ver", "rev", "maturity", "accuracy"}) {
            add(meta, v -> new MetadataAction(meta, v));
        }
        add("t", TransformationAction::new);
        add("chain", v -> new FlagAction("chain", v, ActionSink::chain));
        add("capture", v -> new FlagAction("capture", v, ActionSink::capture));
        add("multiMatch", v -> new FlagAction("multiMatch", v, ActionSink::multiMatch));
        add("log", v -> new FlagAction("log", v, r -> r.log(true)));
        add("nolog", v -> new FlagAction("nolog", v, r -> r.log(false)));
        add("auditlog", v -> new FlagAction("auditlog", v, r -> r.auditLog(true)));
        add("noauditlog", v -> new FlagAction("noauditlog", v, r -> r.auditLog(false)));
        add("pass", v -> new DisruptiveAction("pass", Disruptive.PASS, v));
        add("block", v -> new DisruptiveAction("block", Disruptive.BLOCK, v));
        add("deny", v -> new DisruptiveAction("deny", Disruptive.DENY, v));
        add("drop", v -> new DisruptiveAction("drop", Disruptive.DROP, v));
        add("allow", v -> new DisruptiveAction("allow", Disruptive.ALLOW, v));
        add("redirect", RedirectAction::new);
        add("status", StatusAction::new);
        add("skip", SkipAction::new);
        add("skipAfter", SkipAfterAction::new);
        add("setvar", SetVarAction::new);
        add("expirevar", ExpireVarAction::new);
        add("initcol", InitColAction::new);
        add("ctl", CtlAction::new);

        String why = "is not supported by Pincer";
        for (String name : new String[] {"exec", "setenv", "setuid", "setsid", "setrsc", "append",
                "prepend", "proxy", "pause", "deprecatevar", "xmlns", "sanitiseArg",
                "sanitiseMatched", "sanitiseMatchedBytes", "sanitiseRequestHeader",
                "sanitiseResponseHeader"}) {
            UNSUPPORTED.put(name.toLowerCase(Locale.ROOT), why);
        }
    }

    private Actions() {
    }

    private static void add(String name, Function<String, Action> constructor) {
        ACTIONS.put(name.toLowerCase(Locale.ROOT), constructor);
    }

    /**
     * Creates the action {@code name} with {@code value} (null when the action has none).
     *
     * @throws IllegalArgumentException for an unknown or unsupported action, or a bad value
     */
    public static Action create(String name, String value) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        Function<String, Action> constructor = ACTIONS.get(key);
        if (constructor == null) {
            String why = UNSUPPORTED.get(key);
            throw new IllegalArgumentException("action '" + name + "' " + (why != null ? why : "is unknown"));
        }
        return constructor.apply(value);
    }

    /** Every action name Pincer runs, in ModSecurity's spelling lower-cased. */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(ACTIONS.keySet());
    }
}
