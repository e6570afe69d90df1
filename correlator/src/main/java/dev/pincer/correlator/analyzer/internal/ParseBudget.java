package dev.pincer.correlator.analyzer.internal;

import dev.pincer.correlator.analyzer.AnalysisLimitException;

/**
 * The longest argument a lexer or tokenizer reads for one check (shell scripts, LDAP filters and
 * DNs, XPath expressions, paths, URLs, redirect targets). Real ones are a few KiB at most; 64 KiB
 * keeps one lexing pass well under a millisecond (bench/README.md). A longer argument in which an
 * input occurs, or that an argument-only judge must read, throws {@link AnalysisLimitException}
 * ({@code argument_chars}) rather than being judged in part. SQL has its own bound, in tokens.
 *
 * <p>Example: {@code ParseBudget.require(script, "shell script")} returns for a 200-character
 * script and throws for a 100,000-character one.
 */
public final class ParseBudget {
    public static final int MAX_CHARS = 64 * 1024;
    public static final String BUDGET = "argument_chars";

    private ParseBudget() {
    }

    /** Throws when {@code arg} is longer than {@link #MAX_CHARS}; {@code what} names it in the reason. */
    public static void require(String arg, String what) {
        if (arg.length() > MAX_CHARS) {
            throw new AnalysisLimitException(BUDGET, "the " + what + " is longer than " + MAX_CHARS + " characters");
        }
    }
}
