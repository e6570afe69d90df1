package dev.pincer.config;

import java.util.Objects;

/**
 * One thing wrong with a config file.
 *
 * @param file     the file name as given, or {@code <built-in>}
 * @param line     1-based line of the offending value, or 0 when unknown (e.g. a missing key)
 * @param key      the key path, {@code upstreams.app.connect_timeout}, {@code routes[0].upstream}
 * @param value    the offending value as written, or {@code null} when missing
 * @param expected what would have been accepted
 */
public record ConfigProblem(String file, int line, String key, String value, String expected) {
    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
    }

    /** {@code pincer.yaml:7: upstreams.app.connect_timeout: -5s (expected: a positive duration)}. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        String shown = value == null ? "missing" : value;
        return where + ": " + key + ": " + shown + " (expected: " + expected + ")";
    }
}
