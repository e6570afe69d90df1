package dev.pincer.correlator.analyzer.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pincer.inspection.input.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each input's forms, computed once per input and kept while the input lives. A request's inputs
 * are searched again on every sink call it makes (every query, every file it opens), and the
 * decodings of {@link Forms} cost about 8 µs an input: a request with 1,000 inputs paid 8 ms on
 * every check before any search began.
 *
 * <p>Two kinds of entry: an input's {@link Forms#standard standard forms}, and, per analyzer's
 * {@link Occurrences.Options}, the forms that analyzer searches (its extra transforms applied, its
 * filter passed, case-folded), ready to scan. Entries are keyed by the {@link Input} object itself
 * (by identity, weakly: an entry goes when the request context holding its input does) and bounded
 * by the characters they hold, {@link #MAX_CHARS} per cache; past that the least recently used are
 * evicted and computed again when next needed, which costs time, never a verdict. At most
 * {@link #MAX_OPTIONS} option sets are cached (the analyzers have one each); any others are
 * computed on every call.
 *
 * <p>Example: two SQL checks of one request: the first computes {@code needles(in, sqlOptions)},
 * the second finds them.
 */
final class FormCache {
    /** 1 Mi characters (about 2 MiB) per cache: the inputs of several requests at the input limits. */
    static final long MAX_CHARS = 1L << 20;
    /*
     * Both caches keep themselves up (eviction, cleared weak keys) on the analysis thread that used
     * them, not on the common pool: handing that upkeep to another thread woke one up every few
     * checks, a wake-up the correlator's verdict latency paid for on a busy machine.
     */
    /** More option sets than the analyzers have; beyond, nothing more is cached. */
    static final int MAX_OPTIONS = 32;

    /** An input's standard forms, and what {@link Forms#of} makes of them with no extra transform. */
    private record Standard(List<String> all, List<String> plain) {
        static Standard of(Input in) {
            List<String> all = Forms.standard(in);
            return new Standard(all, Forms.of(all, List.of()));
        }
    }

    private static final Cache<Input, Standard> STANDARD = Caffeine.newBuilder().weakKeys()
            .maximumWeight(MAX_CHARS).<Input, Standard>weigher((in, forms) -> chars(forms.all()))
            .executor(Runnable::run).build();
    private static final ConcurrentHashMap<Occurrences.Options, Cache<Input, char[][]>> NEEDLES =
            new ConcurrentHashMap<>();

    private FormCache() {
    }

    /** {@link Forms#standard} of {@code in}, cached. */
    static List<String> standard(Input in) {
        return STANDARD.get(in, Standard::of).all();
    }

    /**
     * {@code Forms.of(in, List.of())}, cached: the analyzers that search the forms as they are
     * (the SQL analyzer's word inputs, {@link Occurrences#containing}) ask on every check, and
     * building the list each time was a tenth of what a check allocated.
     */
    static List<String> plain(Input in) {
        return STANDARD.get(in, Standard::of).plain();
    }

    /**
     * The case-folded forms of {@code in} that an analyzer with {@code options} searches for: at
     * most {@link Forms#MAX_FORMS}, those shorter than {@code minLength} only when they are one of
     * its significant single characters, and only those its {@code worthSearching} accepts.
     */
    static char[][] needles(Input in, Occurrences.Options options) {
        Cache<Input, char[][]> cache = NEEDLES.get(options);
        if (cache == null && NEEDLES.size() < MAX_OPTIONS) {
            cache = NEEDLES.computeIfAbsent(options, o -> Caffeine.newBuilder().weakKeys().maximumWeight(MAX_CHARS)
                    .<Input, char[][]>weigher((k, v) -> chars(v)).executor(Runnable::run).build());
        }
        return cache == null ? prepare(in, options) : cache.get(in, k -> prepare(k, options));
    }

    private static char[][] prepare(Input in, Occurrences.Options o) {
        List<char[]> out = new ArrayList<>();
        for (String form : Forms.of(standard(in), o.extraForms())) {
            if (searchable(form, o)) {
                out.add(Haystack.fold(form));
            }
        }
        return out.toArray(new char[0][]);
    }

    private static boolean searchable(String form, Occurrences.Options o) {
        if (form.length() < o.minLength()
                && !(form.length() == 1 && o.singleChars().indexOf(form.charAt(0)) >= 0)) {
            return false;
        }
        return o.worthSearching().test(form);
    }

    private static int chars(List<String> forms) {
        int n = 1;
        for (String f : forms) {
            n += f.length();
        }
        return n;
    }

    private static int chars(char[][] forms) {
        int n = 1;
        for (char[] f : forms) {
            n += f.length;
        }
        return n;
    }
}
