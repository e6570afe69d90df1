package dev.pincer.signatures.operator;

import dev.pincer.signatures.detect.SqlInjectionDetector;

/**
 * {@code @detectSQLi}: true when the value is SQL injection by Pincer's libinjection-style
 * detector (tokenize, fold, match fingerprints). With {@code capture}, TX.0 is the fingerprint,
 * as ModSecurity sets it. Takes no argument. Example: {@code 1' or '1'='1} matches.
 */
final class DetectSqli implements Operator {
    DetectSqli(String argument) {
        if (!argument.isBlank()) {
            throw new IllegalArgumentException("@detectSQLi takes no argument");
        }
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        String fingerprint = SqlInjectionDetector.detect(value);
        if (fingerprint == null) {
            return false;
        }
        if (ctx.capturing()) {
            ctx.capture(0, fingerprint);
        }
        return true;
    }

    /** The detector's answer depends on the value alone. */
    @Override
    public boolean pure() {
        return true;
    }
}
