package dev.pincer.signatures.lang;

import java.util.Objects;

/**
 * A rule file that cannot be loaded: where, which directive (when one was recognised) and why.
 * The message is {@code file:line: Directive: reason}, or {@code file:line: reason} when no
 * directive applies (a limit, an unreadable file).
 *
 * <p>Example: {@code rules.conf:12: SecRule: unterminated double quote (opened at line 12)}.
 */
public final class RuleFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SourceLocation location;
    private final String directive;
    private final String reason;

    /**
     * @param location where the faulty directive or line starts
     * @param directive the directive name (canonical when known, as written otherwise), or null
     * @param reason what is wrong, in a few words
     */
    public RuleFileException(SourceLocation location, String directive, String reason) {
        this(location, directive, reason, null);
    }

    /** As {@link #RuleFileException(SourceLocation, String, String)}, keeping the cause. */
    public RuleFileException(SourceLocation location, String directive, String reason, Throwable cause) {
        super(format(location, directive, reason), cause);
        this.location = location;
        this.directive = directive;
        this.reason = reason;
    }

    private static String format(SourceLocation location, String directive, String reason) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
        return directive == null ? location + ": " + reason : location + ": " + directive + ": " + reason;
    }

    /** Where the faulty directive or line starts. */
    public SourceLocation location() {
        return location;
    }

    /** The directive name, or null when the error is not about one directive. */
    public String directive() {
        return directive;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
