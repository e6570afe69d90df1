package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RequestIds}: generated ids and which client-supplied ids are kept. */
class RequestIdsTest {

    @Test
    void idsAre32LowercaseHexAndUniqueOver10k() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.next();
            assertTrue(id.matches("[0-9a-f]{32}"), id);
            assertTrue(seen.add(id), "duplicate " + id);
            assertTrue(RequestIds.acceptable(id));
        }
        assertEquals(10_000, seen.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc-123", "A.b_c:d-e", "0123456789abcdef0123456789abcdef"})
    void acceptable(String id) {
        assertTrue(RequestIds.acceptable(id));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a b", "a\r\nb", "a/b", "a\"b", "é", "id;drop", "a\tb"})
    void notAcceptable(String id) {
        assertFalse(RequestIds.acceptable(id));
    }

    @Test
    void lengthBoundIs128() {
        assertTrue(RequestIds.acceptable("x".repeat(128)));
        assertFalse(RequestIds.acceptable("x".repeat(129)));
    }
}
