package dev.pincer.correlator.analyzer.internal;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
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
 * {@link #MAX_WORK}, hits are capped ({@link #MAX_HITS} in all, {@link #MAX_HITS_PER_FORM} per
 * form) and so is their total length ({@link #MAX_HIT_CHARS}, which bounds every judge that walks
 * the characters of a hit). A search stopped by a budget is {@link Result#exhausted()}: an
 * analyzer judges the hits it has and then, if none broke out, calls {@link Result#requireComplete()},
 * which throws {@link AnalysisLimitException} so the call is decided by policy, never passed as
 * judged. Forms shorter than {@code minLength} are skipped unless
 * they are one of the analyzer's significant single characters; forms the analyzer's
 * {@code worthSearching} rejects (e.g. plain words for SQL) are skipped before any scan.
 *
 * <p>Each input's forms are computed once and kept ({@link FormCache}), not on every check. An
 * argument of {@link #PREFILTER_FROM} characters or more is first summed up as {@link Bigrams}
 * (charged its length), and a form one of whose character pairs it lacks is skipped after a
 * check charged the form's length: a request's thousand inputs cost a scan each only where they
 * may occur.
 *
 * <p>Example: argument {@code SELECT * FROM t WHERE id = 1 OR 1=1} and input
 * {@code query:id = "1%20or%201%3D1"} give one hit, {@code [27, 35)}, found through the decoded form
 * {@code 1 or 1=1}.
 */
public final class Occurrences {
    /**
     * 1 Mi character steps per search (about a millisecond of one core, bench/README.md): a
     * 512 KiB argument scanned for 2 forms, a 64 KiB one for 16, a 4 KiB query for 256. More is an
     * argument and inputs an attacker sized.
     */
    public static final long MAX_WORK = 1L << 20;
    /** Enough hits for any real sink argument; more are repetitions an attacker made. */
    public static final int MAX_HITS = 512;
    /** Occurrences of one form; an input an app repeats more often than this is not a real query's. */
    public static final int MAX_HITS_PER_FORM = 64;
    /** The total length of the hits kept: what the judges walk character by character. */
    public static final long MAX_HIT_CHARS = 1L << 20;
    /**
     * Arguments at least this long are first summed up as {@link Bigrams}, so that forms that
     * cannot occur in them are not scanned; shorter ones cost less to scan outright.
     */
    static final int PREFILTER_FROM = 512;

    /** Budget names, as {@link AnalysisLimitException#budget()} and the metric label. */
    public static final String WORK = "occurrence_work";
    public static final String HITS = "occurrences";
    public static final String HITS_PER_FORM = "occurrences_per_input";
    public static final String HIT_CHARS = "occurrence_chars";

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
     * @param budget    the budget that stopped the search early ({@link #WORK}, {@link #HITS},
     *                  {@link #HITS_PER_FORM}, {@link #HIT_CHARS}), or {@code null} when it completed
     */
    public record Result(List<Hit> hits, long work, String budget) {
        /** True when a budget stopped the search: some occurrences may not be in {@link #hits()}. */
        public boolean exhausted() {
            return budget != null;
        }

        /** Throws {@link AnalysisLimitException} naming the budget when the search was stopped early. */
        public void requireComplete() {
            if (budget != null) {
                throw new AnalysisLimitException(budget, switch (budget) {
                    case WORK -> "searching the inputs in the argument needs more than " + MAX_WORK + " steps";
                    case HITS -> "the inputs occur more than " + MAX_HITS + " times in the argument";
                    case HITS_PER_FORM -> "an input occurs more than " + MAX_HITS_PER_FORM + " times in the argument";
                    case CheckWork.WORK -> "searching the inputs in the arguments of one check needs more than "
                            + CheckWork.MAX_WORK + " steps";
                    default -> "the occurrences of the inputs are longer than " + MAX_HIT_CHARS + " characters in all";
                });
            }
        }
    }

    /** Every occurrence of every input of {@code inputs} in {@code arg}. */
    public static Result find(String arg, RequestInputs inputs, Options options) {
        return find(arg, inputs.inputs(), options);
    }

    /**
     * Every occurrence of every input of {@code inputs} in {@code arg}, within {@link #MAX_WORK} and,
     * inside a sink check, within what is left of the check's {@link CheckWork}.
     */
    public static Result find(String arg, List<Input> inputs, Options options) {
        List<Hit> hits = new ArrayList<>();
        if (arg.isEmpty() || inputs.isEmpty()) {
            return new Result(hits, 0, null);
        }
        CheckWork check = CheckWork.current();
        long cap = MAX_WORK;
        String capBudget = WORK;
        if (check != null && check.remaining() < cap) {
            cap = check.remaining();
            capBudget = CheckWork.WORK;
        }
        long work = 0;
        try {
            Haystack hay = null;
            long hitChars = 0;
            for (Input in : inputs) {
                Set<Long> seen = null;
                for (char[] form : FormCache.needles(in, options)) {
                    if (form.length > arg.length()) {
                        continue;
                    }
                    if (hay == null) {
                        hay = check == null ? null : check.prepared(arg);
                        if (hay == null) {
                            work += arg.length();
                            if (work > cap) {
                                return new Result(hits, work, capBudget);
                            }
                            hay = Haystack.of(arg);
                            if (check != null) {
                                check.keep(arg, hay);
                            }
                        }
                    }
                    if (hay.pairs != null && form.length > 1) {
                        work += form.length;
                        if (work > cap) {
                            return new Result(hits, work, capBudget);
                        }
                        if (!hay.pairs.mayContain(form)) {
                            continue;
                        }
                    }
                    work += arg.length() + form.length;
                    if (work > cap) {
                        return new Result(hits, work, capBudget);
                    }
                    List<Integer> starts = Kmp.all(hay.folded, form, MAX_HITS_PER_FORM + 1);
                    seen = seen == null ? new HashSet<>() : seen;
                    for (int i = 0; i < Math.min(starts.size(), MAX_HITS_PER_FORM); i++) {
                        int start = starts.get(i);
                        if (seen.add(((long) start << 32) | form.length)) {
                            hits.add(new Hit(in, start, start + form.length));
                            hitChars += form.length;
                            if (hits.size() > MAX_HITS) {
                                hits.remove(hits.size() - 1);
                                return new Result(hits, work, HITS);
                            }
                            if (hitChars > MAX_HIT_CHARS) {
                                return new Result(hits, work, HIT_CHARS);
                            }
                        }
                    }
                    if (starts.size() > MAX_HITS_PER_FORM) {
                        return new Result(hits, work, HITS_PER_FORM);
                    }
                }
            }
            return new Result(hits, work, null);
        } finally {
            if (check != null) {
                check.spend(work);
            }
        }
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
        char[] needle = Haystack.fold(text);
        long work = 0;
        for (Input in : inputs) {
            for (String form : Forms.of(in, List.of())) {
                work += form.length() + needle.length;
                if (work > MAX_WORK) {
                    return null;
                }
                if (!Kmp.all(Haystack.fold(form), needle, 1).isEmpty()) {
                    return in;
                }
            }
        }
        return null;
    }
}
