package dev.pincer.signatures.action;

import java.util.Locale;

/** {@code SecRuleEngine} and {@code ctl:ruleEngine}: On, Off, or DetectionOnly (nothing disrupts). */
public enum EngineMode {
    ON, OFF, DETECTION_ONLY;

    /** Parses {@code On}, {@code Off} or {@code DetectionOnly}, case-insensitively. */
    public static EngineMode parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "on": return ON;
            case "off": return OFF;
            case "detectiononly": return DETECTION_ONLY;
            default: throw new IllegalArgumentException(
                    "'" + text + "' is not a rule engine mode (expected On, Off or DetectionOnly)");
        }
    }
}
