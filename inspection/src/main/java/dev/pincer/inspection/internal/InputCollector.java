package dev.pincer.inspection.internal;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the inputs of one request and enforces the limits on them: it cuts names and values to
 * their maximum length and stops accepting inputs at the maximum count, and in both cases records
 * that the result is {@code truncated}. Not thread-safe; one per request.
 *
 * <p>Example: with {@code maxValueChars = 3}, {@code add(QUERY, "q", "abcdef", "abcdef")} stores
 * {@code Input(QUERY, "q", "abc", "abc")} and {@link #result()} reports {@code truncated = true}.
 */
public final class InputCollector {
    private final int maxInputs;
    private final int maxValueChars;
    private final int maxNameChars;
    private final int maxDepth;
    private final int maxParts;
    private final int maxPairs;
    private final List<Input> inputs = new ArrayList<>();
    private String malformed;
    private boolean truncated;

    public InputCollector(int maxInputs, int maxValueChars, int maxNameChars, int maxDepth, int maxParts,
            int maxPairs) {
        this.maxInputs = maxInputs;
        this.maxValueChars = maxValueChars;
        this.maxNameChars = maxNameChars;
        this.maxDepth = maxDepth;
        this.maxParts = maxParts;
        this.maxPairs = maxPairs;
    }

    /**
     * Adds one input, cutting name and values to their limits.
     *
     * @return false when the input count limit is reached (the input was dropped): stop producing
     */
    public boolean add(InputSource source, String name, String raw, String decoded) {
        if (inputs.size() >= maxInputs) {
            truncated = true;
            return false;
        }
        String r = clip(raw, maxValueChars);
        String d = decoded == raw ? r : clip(decoded, maxValueChars);
        inputs.add(new Input(source, clip(name, maxNameChars), r, d));
        return true;
    }

    /** {@code s[from, to)} cut to the value limit (recording the cut): the raw form before decoding. */
    public String value(String s, int from, int to) {
        return clip(s, from, to, maxValueChars);
    }

    /** {@code s[from, to)} cut to the name limit (recording the cut). */
    public String name(String s, int from, int to) {
        return clip(s, from, to, maxNameChars);
    }

    /** Records that part of the request is not represented in the inputs. */
    public void truncated() {
        truncated = true;
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

    /** The inputs gathered so far, with the malformed reason and truncation flag. */
    public RequestInputs result() {
        return new RequestInputs(inputs, malformed, truncated);
    }

    private String clip(String s, int max) {
        return s.length() <= max ? s : clip(s, 0, s.length(), max);
    }

    private String clip(String s, int from, int to, int max) {
        if (to - from > max) {
            truncated = true;
            to = from + max;
            if (Character.isHighSurrogate(s.charAt(to - 1))) {
                to--; // never leave half a surrogate pair at the cut
            }
        }
        return s.substring(from, to);
    }
}
