package dev.pincer.signatures.operator;

import dev.pincer.signatures.detect.XssDetector;

/**
 * {@code @detectXSS}: true when the value is cross-site scripting by Pincer's libinjection-style
 * HTML tokenizer (a script tag, an event-handler attribute, a {@code javascript:} URL...). Takes
 * no argument. Example: {@code <img src=x onerror=alert(1)>} matches.
 */
final class DetectXss implements Operator {
    DetectXss(String argument) {
        if (!argument.isBlank()) {
            throw new IllegalArgumentException("@detectXSS takes no argument");
        }
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        return XssDetector.detect(value);
    }

    /** The detector's answer depends on the value alone. */
    @Override
    public boolean pure() {
        return true;
    }
}
