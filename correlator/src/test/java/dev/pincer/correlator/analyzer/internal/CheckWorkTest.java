package dev.pincer.correlator.analyzer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pincer.correlator.analyzer.AnalysisLimitException;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One check's searches share {@link CheckWork#MAX_WORK}: at the limit they complete, one step more
 * is exhausted under {@code check_occurrence_work} (so the call is decided by policy, never passed as
 * judged), and outside a check each search has only its own budget. A second search of the same
 * string in a check is not charged its preparation again, and a reading is read once per check.
 * Steps are counted, not timed.
 */
class CheckWorkTest {
    private static final Occurrences.Options STANDARD = Occurrences.Options.standard();
    private static final List<Input> AB = List.of(Input.plain(InputSource.QUERY, "q", "ab"));

    /** An argument whose search costs exactly {@code steps}: its length for the preparation and the form's check. */
    private static String costing(long steps) {
        return "x".repeat((int) (steps - 2)); // "ab" is not in it: preparation + the form's pair check
    }

    @Test
    void searchesOfOneCheckShareItsBudgetAtTheLimitAndOneStepMoreIsExhausted() {
        long half = CheckWork.MAX_WORK / 2;
        try (CheckWork w = CheckWork.open()) {
            assertNull(Occurrences.find(costing(half), AB, STANDARD).budget());
            assertNull(Occurrences.find(costing(half), AB, STANDARD).budget());
            assertEquals(CheckWork.MAX_WORK, w.spent());
        }
        try (CheckWork w = CheckWork.open()) {
            assertNull(Occurrences.find(costing(half), AB, STANDARD).budget());
            Occurrences.Result over = Occurrences.find(costing(half + 1), AB, STANDARD);
            assertEquals(CheckWork.WORK, over.budget());
            AnalysisLimitException e = assertThrows(AnalysisLimitException.class, over::requireComplete);
            assertEquals(CheckWork.WORK, e.budget());
        }
    }

    @Test
    void outsideACheckEachSearchHasItsOwnBudget() {
        long half = CheckWork.MAX_WORK / 2;
        assertNull(Occurrences.find(costing(half), AB, STANDARD).budget());
        assertNull(Occurrences.find(costing(half + 1), AB, STANDARD).budget());
    }

    @Test
    void aSecondSearchOfTheSameStringIsNotChargedItsPreparation() {
        String arg = "x".repeat(10_000) + "ab";
        long alone = Occurrences.find(arg, AB, STANDARD).work();
        try (CheckWork w = CheckWork.open()) {
            assertEquals(alone, Occurrences.find(arg, AB, STANDARD).work());
            Occurrences.Result again = Occurrences.find(arg, AB, STANDARD);
            assertEquals(alone - arg.length(), again.work());
            assertEquals(10_000, again.hits().get(0).start());
            assertEquals(alone + (alone - arg.length()), w.spent());
            // an equal string that is another object is prepared again: the memo is by identity
            assertEquals(alone, Occurrences.find(new String(arg), AB, STANDARD).work());
        }
    }

    @Test
    void aReadingIsReadOncePerCheckWithItsLimitAndEveryTimeOutsideOne() {
        AtomicInteger reads = new AtomicInteger();
        String text = "select 1";
        Object first;
        try (CheckWork w = CheckWork.open()) {
            first = CheckWork.remember("kind", text, () -> new Object[] {reads.incrementAndGet()});
            assertSame(first, CheckWork.remember("kind", text, () -> new Object[] {reads.incrementAndGet()}));
            CheckWork.remember("other kind", text, reads::incrementAndGet);
            AnalysisLimitException limit = new AnalysisLimitException("sql_tokens", "too many");
            String big = "select 2";
            assertSame(limit, assertThrows(AnalysisLimitException.class,
                    () -> CheckWork.remember("kind", big, () -> { reads.incrementAndGet(); throw limit; })));
            assertSame(limit, assertThrows(AnalysisLimitException.class,
                    () -> CheckWork.remember("kind", big, () -> { reads.incrementAndGet(); return 0; })));
        }
        assertEquals(3, reads.get());
        CheckWork.remember("kind", text, reads::incrementAndGet);
        CheckWork.remember("kind", text, reads::incrementAndGet);
        assertEquals(5, reads.get());
    }

    @Test
    void aNestedCheckRestoresTheOuterOneWhenItCloses() {
        try (CheckWork outer = CheckWork.open()) {
            try (CheckWork inner = CheckWork.open()) {
                assertSame(inner, CheckWork.current());
            }
            assertSame(outer, CheckWork.current());
        }
        assertNull(CheckWork.current());
    }

    @Test
    void foldingIsCharacterToLowerCaseForEveryChar() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            all.append((char) c);
        }
        char[] folded = Haystack.fold(all.toString());
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int at = c;
            assertEquals(Character.toLowerCase((char) c), folded[c], () -> "char U+" + Integer.toHexString(at));
        }
        Haystack h = Haystack.of(all.toString());
        assertEquals(String.valueOf(folded), String.valueOf(h.folded));
    }
}
