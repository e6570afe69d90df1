package dev.pincer.correlator.analyzer.internal;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.RequestInputs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Finds where a request's inputs occur in a sink argument, in any of their {@link Forms} and
 * ignoring case (an app may upper- or lower-case a value; folding is per character, so positions
 * in the folded argument are positions in the original).
 *
 * <p>Work is bounded: each form is searched with Knuth-Morris-Pratt (no quadratic worst case, unlike
 * a naive {@code indexOf}), each search is charged {@code argument length + form length} against
 * {@link #MAX_WORK}, and hits are capped. Forms shorter than {@code minLength} are skipped unless
 * they are one of the analyzer's significant single characters; forms the analyzer's
 * {@code worthSearching} rejects (e.g. plain words for SQL) are skipped before any scan.
 *
 * <p>Example: argument {@code SELECT * FROM t WHERE id = 1 OR 1=1} and input
 * {@code query:id = "1%20or%201%3D1"} give one hit, {@code [27, 35)}, found through the decoded form
 * {@code 1 or 1=1}.
 */
public final class Occurrences {
    /** 64 M character steps: a 1 MB argument scanned for 64 forms, or 64 KB for 1 000; ~50 ms worst. */
    public static final long MAX_WORK = 1L << 26;
    /** Enough hits for any real sink argument; more are repetitions an attacker made. */
    public static final int MAX_HITS = 512;
    /** Occurrences of one form kept; an input repeated more often is judged on its first ones. */
    static final int MAX_HITS_PER_FORM = 32;

    private Occurrences() {
    }

    /**
     * What to search for.
     *
     * @param minLength      forms shorter than this are ignored (2 for every analyzer here)
     * @param singleChars    one-character forms that are searched all the same, e.g. {@code "'\""}
     * @param worthSearching a cheap test on a form; false skips it without scanning
     * @param extraForms     analyzer-specific app transforms, applied to every standard form
     */
    public record Options(int minLength, String singleChars, Predicate<String> worthSearching,
            List<UnaryOperator<String>> extraForms) {
        public Options {
            Objects.requireNonNull(singleChars, "singleChars");
            Objects.requireNonNull(worthSearching, "worthSearching");
            extraForms = List.copyOf(extraForms);
        }

        /** Forms of at least two characters, no single characters, no filter, no extra forms. */
        public static Options standard() {
            return new Options(2, "", f -> true, List.of());
        }

        public Options withSingleChars(String chars) {
            return new Options(minLength, chars, worthSearching, extraForms);
        }

        public Options withFilter(Predicate<String> filter) {
            return new Options(minLength, singleChars, filter, extraForms);
        }

        public Options withExtraForms(List<UnaryOperator<String>> extra) {
            return new Options(minLength, singleChars, worthSearching, extra);
        }
    }

    /**
     * @param hits      distinct occurrences, in input order
     * @param work      character steps spent
     * @param exhausted true when {@link #MAX_WORK} or {@link #MAX_HITS} stopped the search early
     */
    public record Result(List<Hit> hits, long work, boolean exhausted) {
    }

    /** Every occurrence of every input of {@code inputs} in {@code arg}. */
    public static Result find(String arg, RequestInputs inputs, Options options) {
        return find(arg, inputs.inputs(), options);
    }

    /** Every occurrence of every input of {@code inputs} in {@code arg}. */
    public static Result find(String arg, List<Input> inputs, Options options) {
        List<Hit> hits = new ArrayList<>();
        if (arg.isEmpty() || inputs.isEmpty()) {
            return new Result(hits, 0, false);
        }
        char[] hay = fold(arg);
        long work = 0;
        for (Input in : inputs) {
            Set<Long> seen = new HashSet<>();
            for (String form : Forms.of(in, options.extraForms())) {
                if (!searchable(form, options)) {
                    continue;
                }
                work += hay.length + form.length();
                if (work > MAX_WORK) {
                    return new Result(hits, work, true);
                }
                for (int start : Kmp.all(hay, fold(form), MAX_HITS_PER_FORM)) {
                    if (seen.add(((long) start << 32) | form.length())) {
                        hits.add(new Hit(in, start, start + form.length()));
                        if (hits.size() == MAX_HITS) {
                            return new Result(hits, work, true);
                        }
                    }
                }
            }
        }
        return new Result(hits, work, false);
    }

    /**
     * The first input one of whose forms contains {@code text} (ignoring case), or null: the reverse
     * of {@link #find}, for sinks that receive part of an input, such as the JNDI name inside a
     * Log4Shell payload. Same budget; {@code text} shorter than {@code minLength} matches nothing.
     */
    public static Input containing(String text, List<Input> inputs, int minLength) {
        if (text.length() < minLength) {
            return null;
        }
        char[] needle = fold(text);
        long work = 0;
        for (Input in : inputs) {
            for (String form : Forms.of(in, List.of())) {
                work += form.length() + needle.length;
                if (work > MAX_WORK) {
                    return null;
                }
                if (!Kmp.all(fold(form), needle, 1).isEmpty()) {
                    return in;
                }
            }
        }
        return null;
    }

    private static boolean searchable(String form, Options o) {
        if (form.length() < o.minLength()
                && !(form.length() == 1 && o.singleChars().indexOf(form.charAt(0)) >= 0)) {
            return false;
        }
        return o.worthSearching().test(form);
    }

    /** Per-character lower case: same length, so indices carry over. */
    static char[] fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(s.charAt(i));
        }
        return out;
    }
}
