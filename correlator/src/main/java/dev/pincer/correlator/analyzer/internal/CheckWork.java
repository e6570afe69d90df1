package dev.pincer.correlator.analyzer.internal;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import java.util.function.Supplier;

/**
 * The occurrence-search work of one sink check, across every analyzer and every search of it:
 * {@link Occurrences#MAX_WORK} bounds one search, this bounds their sum at {@link #MAX_WORK}, so
 * an analyzer that searches five strings (the command analyzer searches argv[0], the script, the
 * options, the joined argv and the environment) cannot spend five searches' budgets on one
 * check. It also keeps the last argument's {@link Haystack}, so two searches of the same string
 * (the SQL analyzer's two passes over a query) fold it once and are charged for it once, and a few
 * readings of strings ({@link #remember}), so the SQL analyzer and the argument judge tokenize a
 * query once between them.
 *
 * <p>The verdict path opens one per check on the thread that judges it
 * ({@code AnalyzerChain.analyze}) and closes it when the verdict is known; a search outside one
 * (a unit test calling an analyzer directly, the response search) has only its own budget. It is
 * thread-confined: a check is judged on one thread from start to end.
 *
 * <p>Example: {@code try (CheckWork w = CheckWork.open()) { finding = analyzer.analyze(call, inputs); }}
 */
public final class CheckWork implements AutoCloseable {
    /**
     * One search's worth for the whole check (about 2 ms of one core at the slowest step, bench/README.md,
     * "Worst-case verdicts"): a real check searches a short argument, and a second search of the
     * same string costs no preparation. More is an argument an attacker sized.
     */
    public static final long MAX_WORK = Occurrences.MAX_WORK;
    /** The budget's name, as {@code AnalysisLimitException#budget()} and the metric label. */
    public static final String WORK = "check_occurrence_work";

    private static final ThreadLocal<CheckWork> CURRENT = new ThreadLocal<>();
    /** Readings kept per check ({@link #remember}): a query's few quotings, each read once. */
    private static final int READINGS = 4;

    private final CheckWork outer;
    private long spent;
    private String lastArg;
    private Haystack lastHay;
    private final Object[] readingKind = new Object[READINGS];
    private final String[] readingText = new String[READINGS];
    private final Object[] reading = new Object[READINGS];
    private int nextReading;

    private CheckWork(CheckWork outer) {
        this.outer = outer;
    }

    /** Opens this thread's check; close it in a finally block (try-with-resources). */
    public static CheckWork open() {
        CheckWork w = new CheckWork(CURRENT.get());
        CURRENT.set(w);
        return w;
    }

    /** The check open on this thread, or null. */
    static CheckWork current() {
        return CURRENT.get();
    }

    /** Steps still allowed in this check. */
    long remaining() {
        return Math.max(0, MAX_WORK - spent);
    }

    void spend(long steps) {
        spent += steps;
    }

    /** Steps spent so far. */
    public long spent() {
        return spent;
    }

    /** The prepared form of {@code arg} if it is the argument last prepared in this check (by identity). */
    Haystack prepared(String arg) {
        return arg == lastArg ? lastHay : null;
    }

    void keep(String arg, Haystack hay) {
        lastArg = arg;
        lastHay = hay;
    }

    /**
     * What {@code read} gives for {@code text} read as {@code kind}, read once per check: a second
     * analyzer (or the argument judge) that reads the same string (by identity) the same way gets
     * the first reading, or the same {@link AnalysisLimitException} it threw. Outside a check,
     * {@code read} runs every time. The reading must be a pure function of the text and kind, and
     * must not be changed by whoever gets it.
     *
     * <p>Example: the SQL analyzer and the SQL argument judge tokenize a query once between them.
     */
    public static <T> T remember(Object kind, String text, Supplier<T> read) {
        CheckWork w = CURRENT.get();
        if (w == null) {
            return read.get();
        }
        for (int i = 0; i < READINGS; i++) {
            if (w.readingText[i] == text && w.readingKind[i] == kind) {
                if (w.reading[i] instanceof AnalysisLimitException e) {
                    throw e;
                }
                @SuppressWarnings("unchecked")
                T kept = (T) w.reading[i];
                return kept;
            }
        }
        Object got;
        try {
            got = read.get();
        } catch (AnalysisLimitException e) {
            got = e;
        }
        int slot = w.nextReading;
        w.nextReading = (slot + 1) % READINGS;
        w.readingKind[slot] = kind;
        w.readingText[slot] = text;
        w.reading[slot] = got;
        if (got instanceof AnalysisLimitException e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T value = (T) got;
        return value;
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
