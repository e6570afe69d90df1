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
        assertEquals(new InspectionLimits(1024, 64, 8192, 256, 256, 512), InspectionLimits.DEFAULT);
    }
}
