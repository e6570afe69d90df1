package dev.pincer.correlator.analyzer.internal;

import dev.pincer.inspection.input.InputSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which input a finding names when several occur in one sink argument: the one whose occurrence
 * breaks out and is longest, so the input that carries the payload is named and not an incidental
 * one that happens to lie inside it (the path segment {@code exec} inside {@code ;exec touch /tmp/x},
 * the segment {@code host} inside {@code localhost:8080}). Analyzers judge hits in
 * {@link #strongestFirst} order and stop at the first break-out; when an analyzer judges the
 * argument in phases (executable then script, filter then base DN) it keeps the
 * {@link #stronger} of the phases' findings. Ties go to inputs other than path segments and
 * headers, then to request order. Sorting is {@code O(h log h)} for at most
 * {@link Occurrences#MAX_HITS} hits; the judging it orders is what was done before, hit by hit.
 *
 * <p>Example: hits {@code path:1="exec" [14, 18)} and {@code query:host=";exec touch /tmp/x"
 * [13, 31)} come out query first.
 */
public final class Attribution {
    /** Longer first; among equals, body, query and cookie inputs before headers before path segments. */
    private static final Comparator<Hit> ORDER = Comparator.comparingInt((Hit h) -> h.start() - h.end())
            .thenComparingInt(h -> incidence(h.input().source()));

    private Attribution() {
    }

    /** The hits in the order to judge them (a stable sort: request order among equals). */
    public static List<Hit> strongestFirst(List<Hit> hits) {
        if (hits.size() < 2) {
            return hits;
        }
        List<Hit> out = new ArrayList<>(hits);
        out.sort(ORDER);
        return out;
    }

    /** True when {@code a} should be named rather than {@code b}; a null {@code b} loses to anything. */
    public static boolean stronger(Hit a, Hit b) {
        return b == null || ORDER.compare(a, b) < 0;
    }

    /** How likely an input is to occur by coincidence: path segments most, then header values. */
    private static int incidence(InputSource s) {
        return switch (s) {
            case PATH -> 2;
            case HEADER -> 1;
            default -> 0;
        };
    }
}
