package dev.pincer.correlator.xss;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.correlator.analyzer.internal.Hit;
import dev.pincer.correlator.analyzer.internal.Occurrences;
import dev.pincer.inspection.input.Input;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared {@link Occurrences} search over a whole response, window by window: its budgets are
 * sized for one sink argument (a query, a path), a response prefix may be megabytes, so each
 * window of {@link #WINDOW} characters (more when an input is longer) is searched on its own,
 * overlapping the next by the longest input, and the work of all windows together is bounded by
 * {@link #MAX_WORK}. Hits are in document positions; an occurrence inside an overlap may be
 * reported twice, which judging tolerates. A window's or the total budget exceeded throws
 * {@link AnalysisLimitException} after the hits found so far were returned to nobody: the caller
 * judges what it has first by calling {@link #find} and then {@link Result#requireComplete()}.
 *
 * <p>Example: a 64 KiB page and one input with two markup forms: four windows, about 2 x 64 Ki
 * steps in all.
 */
final class WindowedSearch {
    /** Characters per window: a 1 Mi-step window budget then covers 64 markup forms at once. */
    static final int WINDOW = 16 * 1024;
    /** 8 Mi character steps per response (a few milliseconds of one core): more is an attacker's size. */
    static final long MAX_WORK = 8L << 20;
    static final String WORK = "response_search_work";
    /** Occurrences kept over all windows: each is judged, so they are bounded like one search's. */
    static final int MAX_HITS = 8 * Occurrences.MAX_HITS;

    private WindowedSearch() {
    }

    /** @param budget the budget that stopped the search, or null when it completed */
    record Result(List<Hit> hits, String budget) {
        void requireComplete() {
            if (WORK.equals(budget)) {
                throw new AnalysisLimitException(WORK, "searching the inputs in the response needs more than "
                        + MAX_WORK + " steps");
            }
            if (Occurrences.HITS.equals(budget) && hits.size() >= MAX_HITS) {
                throw new AnalysisLimitException(Occurrences.HITS, "the inputs occur more than " + MAX_HITS
                        + " times in the response");
            }
            if (budget != null) {
                new Occurrences.Result(List.of(), 0, budget).requireComplete();
            }
        }
    }

    static Result find(String text, List<Input> inputs, Occurrences.Options options, int overlap) {
        List<Hit> hits = new ArrayList<>();
        int window = Math.max(WINDOW, 2 * overlap);
        long work = 0;
        for (int from = 0; from < text.length(); from += window - overlap) {
            int to = Math.min(text.length(), from + window);
            Occurrences.Result r = Occurrences.find(text.substring(from, to), inputs, options);
            for (Hit h : r.hits()) {
                hits.add(new Hit(h.input(), h.start() + from, h.end() + from));
            }
            work += r.work();
            if (hits.size() > MAX_HITS) {
                return new Result(hits.subList(0, MAX_HITS), Occurrences.HITS);
            }
            if (r.exhausted()) {
                return new Result(hits, r.budget());
            }
            if (work > MAX_WORK) {
                return new Result(hits, WORK);
            }
            if (to == text.length()) {
                break;
            }
        }
        return new Result(hits, null);
    }
}
