package dev.pincer.inspection.internal;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.PlainName;
import dev.pincer.inspection.input.RequestInputs;
import dev.pincer.inspection.input.Truncation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers the inputs of one request and enforces the limits on them: it cuts names and values to
 * their maximum length, stops accepting inputs at the maximum count or when the kept characters
 * reach the per-request budget, and records each cut as a {@link Truncation}. Nothing is cut
 * without being recorded. Inputs that cannot carry anything new do not use up the budget: one
 * with an empty name and an empty value, and an exact duplicate (same source, name, raw and
 * decoded form) of one already kept, and a name that is a {@link PlainName plain word} offered
 * through {@link #addName}. Not thread-safe; one per request.
 *
 * <p>Example: with {@code maxValueChars = 3}, {@code add(QUERY, "q", "abcdef", "abcdef")} stores
 * {@code Input(QUERY, "q", "abc", "abc")} and {@link #result()} reports {@code truncations = {LENGTH}}.
 */
public final class InputCollector {
    private final int maxInputs;
    private final int maxValueChars;
    private final int maxNameChars;
    private final int maxDepth;
    private final int maxParts;
    private final int maxPairs;
    private final long maxTotalChars;
    private final List<Input> inputs = new ArrayList<>();
    private final Set<Input> seen = new HashSet<>();
    private final EnumSet<Truncation> truncations = EnumSet.noneOf(Truncation.class);
    private long totalChars;
    private String malformed;
    private String malformedAtMark;

    /** Without a budget on kept characters beyond what the count and length limits imply. */
    public InputCollector(int maxInputs, int maxValueChars, int maxNameChars, int maxDepth, int maxParts,
            int maxPairs) {
        this(maxInputs, maxValueChars, maxNameChars, maxDepth, maxParts, maxPairs, Long.MAX_VALUE);
    }

    /** @param maxTotalChars characters kept per request, over every input's name, raw and decoded form */
    public InputCollector(int maxInputs, int maxValueChars, int maxNameChars, int maxDepth, int maxParts,
            int maxPairs, long maxTotalChars) {
        this.maxInputs = maxInputs;
        this.maxValueChars = maxValueChars;
        this.maxNameChars = maxNameChars;
        this.maxDepth = maxDepth;
        this.maxParts = maxParts;
        this.maxPairs = maxPairs;
        this.maxTotalChars = maxTotalChars;
    }

    /**
     * Adds one input, cutting name and values to their limits. An input with an empty name and an
     * empty value, or an exact duplicate, is accepted without being stored again.
     *
     * @return false when the input count limit or the character budget is reached (the input was
     *         dropped and the cut recorded): stop producing
     */
    public boolean add(InputSource source, String name, String raw, String decoded) {
        if (name.isEmpty() && raw.isEmpty() && decoded.isEmpty()) {
            return true; // nothing an application could read from it
        }
        String r = clip(raw, maxValueChars);
        String d = decoded == raw ? r : clip(decoded, maxValueChars);
        return keep(new Input(source, clip(name, maxNameChars), r, d));
    }

    /**
     * Adds a name as an input of its own ({@link InputSource#isName()}), unless it is a
     * {@link PlainName plain word} as the application reads it (decoded) and fits the name limit (then it costs nothing:
     * it stays, whole, the name of its value input). Its value is the name, cut to the <em>value</em> limit (the cut recorded), so a
     * long name (a JSON document posted as a form field name) is kept whole up to that limit; its
     * {@link Input#name()} is the decoded name cut silently to the name limit. Characters are
     * charged once: the input's name shares the decoded string.
     *
     * @param source  a {@code *_NAME} source
     * @param raw     the name as on the wire
     * @param decoded the name as the application reads it
     * @return false when the input count limit or the character budget is reached: stop producing
     */
    public boolean addName(InputSource source, String raw, String decoded) {
        if (raw.isEmpty() && decoded.isEmpty()) {
            return true;
        }
        if (decoded.length() <= maxNameChars && PlainName.test(decoded)) {
            return true; // a plain word, whole as the name of its value input
        }
        String r = clip(raw, maxValueChars);
        String d = decoded == raw ? r : clip(decoded, maxValueChars);
        return keep(new Input(source, shortName(d), r, d));
    }

    private boolean keep(Input in) {
        if (seen.contains(in)) {
            return true;
        }
        if (inputs.size() >= maxInputs) {
            truncations.add(Truncation.COUNT);
            return false;
        }
        long chars = charge(in);
        if (totalChars + chars > maxTotalChars) {
            truncations.add(Truncation.LENGTH);
            return false;
        }
        totalChars += chars;
        inputs.add(in);
        seen.add(in);
        return true;
    }

    /** What an input costs of the budget: its name (unless a name input, whose name is its value), raw and decoded forms. */
    private static long charge(Input in) {
        long chars = (long) in.raw().length() + (in.decoded().equals(in.raw()) ? 0 : in.decoded().length());
        return in.source().isName() ? chars : chars + in.name().length();
    }

    /** {@code s[from, to)} cut to the value limit (recording the cut): the raw form before decoding. */
    public String value(String s, int from, int to) {
        return clip(s, from, to, maxValueChars);
    }

    /** {@code s[from, to)} cut to the name limit (recording the cut). */
    public String name(String s, int from, int to) {
        return clip(s, from, to, maxNameChars);
    }

    /**
     * {@code name} cut to the name limit without recording a cut: for a name the caller has kept
     * whole as a value input already.
     */
    public String shortName(String name) {
        if (name.length() <= maxNameChars) {
            return name;
        }
        int to = maxNameChars;
        return name.substring(0, Character.isHighSurrogate(name.charAt(to - 1)) ? to - 1 : to);
    }

    /** Records that part of the request is not represented in the inputs, and why. */
    public void truncated(Truncation why) {
        truncations.add(why);
    }

    /** Records why the body could not be parsed; the first reason wins. */
    public void malformed(String reason) {
        if (malformed == null) {
            malformed = reason;
        }
    }

    public boolean isMalformed() {
        return malformed != null;
    }

    /**
     * Starts trying a body format that was only sniffed: what it adds can be taken back by
     * {@link #settle}. Returns the mark to pass there.
     */
    public int mark() {
        malformedAtMark = malformed;
        malformed = null;
        return inputs.size();
    }

    /**
     * Ends the try begun at {@code mark}: if the format found the bytes malformed, the inputs it
     * added are forgotten and its reason dropped (truncations stay recorded); the malformed reason
     * from before the mark is restored either way.
     *
     * @return whether the tried format fit
     */
    public boolean settle(int mark) {
        boolean fit = malformed == null;
        if (!fit) {
            while (inputs.size() > mark) {
                Input in = inputs.remove(inputs.size() - 1);
                seen.remove(in);
                totalChars -= charge(in);
            }
        }
        malformed = malformedAtMark;
        return fit;
    }

    public int maxValueChars() {
        return maxValueChars;
    }

    public int maxNameChars() {
        return maxNameChars;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int maxParts() {
        return maxParts;
    }

    public int maxPairs() {
        return maxPairs;
    }

    /** How many inputs are kept so far. */
    public int size() {
        return inputs.size();
    }

    /** The {@code i}-th input kept, in the order they were added. */
    public Input get(int i) {
        return inputs.get(i);
    }

    /** The inputs gathered so far, with the malformed reason and the truncations. */
    public RequestInputs result() {
        return new RequestInputs(inputs, malformed, truncations);
    }

    private String clip(String s, int max) {
        return s.length() <= max ? s : clip(s, 0, s.length(), max);
    }

    private String clip(String s, int from, int to, int max) {
        if (to - from > max) {
            truncations.add(Truncation.LENGTH);
            to = from + max;
            if (Character.isHighSurrogate(s.charAt(to - 1))) {
                to--; // never leave half a surrogate pair at the cut
            }
        }
        return s.substring(from, to);
    }
}
