package dev.pincer.inspection.rules;

import dev.pincer.config.RulesConfig;
import dev.pincer.inspection.seclang.SecLangEngine;
import dev.pincer.signatures.builtin.BuiltInRules;
import dev.pincer.signatures.lang.Directive;
import dev.pincer.signatures.lang.RuleFileParser;
import dev.pincer.signatures.rule.RuleSet;
import dev.pincer.signatures.rule.RuleSetCompiler;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the rule engine of a configuration generation from {@code protection.rules}: Pincer's
 * base rules, then the CRS settings the YAML gives (as one SecAction, id 9,000,001, that runs
 * before CRS's own initialisation picks its defaults; the paranoia level under CRS v4's name,
 * {@code tx.blocking_paranoia_level}, and CRS 3.x's, {@code tx.paranoia_level}), then every file
 * and glob in order. The
 * whole set is parsed and compiled before it is used; a problem is a
 * {@link dev.pincer.signatures.lang.RuleFileException} naming file, line and directive, and a
 * reload that meets one keeps the running set.
 */
public final class RuleSets {

    /** The id of the SecAction that carries protection.paranoia_level and anomaly_thresholds. */
    static final long SETTINGS_ID = 9_000_001;
    /** How long a new engine is run over ordinary requests before it serves (start and reload alike). */
    static final long WARM_UP_NANOS = 1_500_000_000L;

    private RuleSets() {
    }

    /** The compiled engine, warmed up to serve, or null when no rule files are configured. */
    public static SecLangEngine load(RulesConfig config) {
        SecLangEngine engine = compile(config);
        return engine == null ? null : engine.warmUp(WARM_UP_NANOS);
    }

    /**
     * The compiled engine without the warm-up, for a check that does not serve
     * ({@code pincer check-config}); null when no rule files are configured.
     */
    public static SecLangEngine compile(RulesConfig config) {
        if (!config.enabled()) {
            return null;
        }
        List<Directive> directives = new ArrayList<>(BuiltInRules.base());
        String settings = settings(config);
        if (settings != null) {
            directives.addAll(RuleFileParser.parse(settings, "protection (pincer.yaml)"));
        }
        StringBuilder includes = new StringBuilder();
        for (String f : config.files()) {
            includes.append("Include \"").append(f.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        }
        directives.addAll(RuleFileParser.parse(includes.toString(), "protection.rules (pincer.yaml)"));
        RuleSet set = RuleSetCompiler.compile(directives);
        return SecLangEngine.create(set, SecLangEngine.DEFAULT_BUDGET, SecLangEngine.DEFAULT_TIME_BUDGET_NANOS,
                config.valueMemo());
    }

    private static String settings(RulesConfig c) {
        List<String> vars = new ArrayList<>();
        if (c.paranoiaLevel() != null) {
            vars.add("setvar:tx.blocking_paranoia_level=" + c.paranoiaLevel());
            vars.add("setvar:tx.paranoia_level=" + c.paranoiaLevel()); // CRS 3.x's name (Debian's modsecurity-crs)
        }
        if (c.inboundThreshold() != null) {
            vars.add("setvar:tx.inbound_anomaly_score_threshold=" + c.inboundThreshold());
        }
        if (c.outboundThreshold() != null) {
            vars.add("setvar:tx.outbound_anomaly_score_threshold=" + c.outboundThreshold());
        }
        if (vars.isEmpty()) {
            return null;
        }
        return "SecAction \"id:" + SETTINGS_ID + ",phase:1,pass,nolog,t:none,tag:'pincer-settings',"
                + String.join(",", vars) + "\"\n";
    }
}
