package dev.pincer.signatures.regex;

import java.util.Objects;
import org.safere.Matcher;
import org.safere.Pattern;

/**
 * {@link Regex} on SafeRE, a linear-time engine with {@code java.util.regex}'s syntax: the pattern
 * is rewritten by {@link PcreSyntax#toJava} and compiled with DOTALL and UNIX_LINES (so only
 * {@code \n} ends a line under {@code (?m)}, and NEL 0x85 is an ordinary byte). SafeRE already
 * counts the vertical tab in {@code \s} and folds case in ASCII only, as PCRE does on bytes.
 *
 * <p>Example: {@code SafeReRegex.compile("a$").find("a\n")} is false.
 */
final class SafeReRegex implements Regex {

    private static final int FLAGS = Pattern.DOTALL | Pattern.UNIX_LINES;

    private final String source;
    private final Pattern pattern;
    /** One matcher per thread, reset per find: a fresh SafeRE matcher costs ~400 bytes. */
    private final ThreadLocal<Matcher> matchers;

    private SafeReRegex(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
        this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
    }

    static SafeReRegex compile(String pcre) {
        Objects.requireNonNull(pcre, "pattern");
        if (pcre.length() > MAX_PATTERN_LENGTH) {
            throw new IllegalArgumentException("regex is " + pcre.length()
                    + " chars long (at most " + MAX_PATTERN_LENGTH + ")");
        }
        String java = PcreSyntax.toJava(pcre);
        try {
            return new SafeReRegex(pcre, Pattern.compile(java, FLAGS));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex: " + e.getDescription() + near(java, e.getIndex()), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("bad regex: " + e, e);
        }
    }

    /** The text around {@code index} (an offset in the rewritten pattern), as the place to look. */
    private static String near(String pattern, int index) {
        if (index < 0 || index > pattern.length()) {
            return "";
        }
        int from = Math.max(0, index - 20);
        int to = Math.min(pattern.length(), index + 20);
        return " near '" + pattern.substring(from, to) + "'";
    }

    @Override
    public String pattern() {
        return source;
    }

    @Override
    public boolean find(CharSequence input) {
        return search(input, null) == Result.MATCH;  // an engine failure is no match here; search says so
    }

    @Override
    public boolean find(CharSequence input, Captures captures) {
        return search(input, captures) == Result.MATCH;
    }

    /**
     * As {@link #find(CharSequence, Captures)}, but an engine failure (never seen with SafeRE, and
     * a value it cannot read) is {@link Result#GAVE_UP}, not "no match": the caller marks the
     * transaction incomplete instead of passing the value as judged.
     */
    @Override
    public Result search(CharSequence input, Captures captures) {
        if (captures != null) {
            captures.begin(input);
        }
        Matcher m = matchers.get();
        Result result;
        try {
            m.reset(input);
            if (m.find()) {
                if (captures != null) {
                    record(m, captures);
                }
                return Result.MATCH;
            }
            result = Result.NO_MATCH;
        } catch (RuntimeException | StackOverflowError e) {
            result = Result.GAVE_UP;
        } finally {
            m.reset("");  // drop the value: a matcher must not pin a request body
        }
        if (captures != null) {
            captures.clear();
        }
        return result;
    }

    /** Groups 0..9 of the match {@code m} found. */
    private static void record(Matcher m, Captures captures) {
        int groups = Math.min(m.groupCount(), Captures.MAX_GROUPS - 1);
        captures.set(0, m.start(), m.end());
        for (int g = 1; g <= groups; g++) {
            int start = m.start(g);
            if (start >= 0) {
                captures.set(g, start, m.end(g));
            }
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
