package dev.pincer.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a config duration: an integer and a unit, {@code 250ms}, {@code 2s}, {@code 1m},
 * {@code 1h}. A unit is required (a bare {@code 5} could mean seconds or milliseconds) and the
 * duration must be positive. Example: {@code parse("250ms")} is {@code Duration.ofMillis(250)}.
 */
final class Durations {
    static final String EXPECTED = "a positive duration such as 250ms, 2s, 1m or 1h";
    private static final Pattern SYNTAX = Pattern.compile("([+-]?)(\\d{1,9})(ms|s|m|h)");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException with what was expected, when the text is not a positive
     *                                  duration
     */
    static Duration parse(String text) {
        String s = text.trim();
        if (s.matches("[+-]?\\d+")) {
            throw new IllegalArgumentException("a duration with a unit (ms, s, m or h), e.g. 2s");
        }
        Matcher m = SYNTAX.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        long n = Long.parseLong(m.group(2));
        if (m.group(1).equals("-") || n == 0) {
            throw new IllegalArgumentException("a positive duration");
        }
        return Duration.of(n, unit(m.group(3)));
    }

    private static ChronoUnit unit(String u) {
        return switch (u) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            default -> ChronoUnit.HOURS;
        };
    }
}
