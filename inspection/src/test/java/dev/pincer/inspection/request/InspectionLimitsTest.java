package dev.pincer.inspection.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Limits are validated once, with a message that names the limit, the value and what was expected. */
class InspectionLimitsTest {
    @Test
    void rejectsNonPositiveLimitsByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InspectionLimits(1, 0, 1, 1, 1, 1));
        assertEquals("maxDepth: 0 (expected: a positive number)", e.getMessage());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertEquals(new InspectionLimits(4096, 64, 128 * 1024, 2048, 1000, 1000, 512 * 1024),
                InspectionLimits.DEFAULT);
    }

    /** A larger body limit gets values that hold the whole body, and a budget that holds it four times. */
    @Test
    void forBodyWidensValuesAndBudget() {
        InspectionLimits l = InspectionLimits.DEFAULT.forBody(1 << 20);
        assertEquals(1 << 20, l.maxValueChars());
        assertEquals(4 << 20, l.maxTotalChars());
        assertEquals(InspectionLimits.DEFAULT, InspectionLimits.DEFAULT.forBody(1024));
    }
}
