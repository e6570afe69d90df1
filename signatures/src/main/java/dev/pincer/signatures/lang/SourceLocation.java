package dev.pincer.signatures.lang;

import java.util.Objects;

/**
 * Where a directive starts: the rule file (as it was named to the parser, or as an
 * {@code Include} resolved it) and the 1-based line of the directive's first physical line.
 *
 * <p>Example: {@code new SourceLocation("rules/REQUEST-901-INITIALIZATION.conf", 58)} prints
 * {@code rules/REQUEST-901-INITIALIZATION.conf:58}.
 *
 * @param file the file name, never null
 * @param line the line number, 1 or more
 */
public record SourceLocation(String file, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }

    /** {@code file:line}, the form compilers and editors understand. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
