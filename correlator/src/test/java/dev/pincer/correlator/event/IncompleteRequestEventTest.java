package dev.pincer.correlator.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pincer.inspection.input.Truncation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code incomplete_request} event: one JSON line saying which bounds cut the request and what was done. */
class IncompleteRequestEventTest {
    private static final Instant TS = Instant.parse("2026-11-23T11:19:22.123Z");

    @Test
    void rejectLine() {
        assertEquals("{\"ts\":\"2026-11-23T11:19:22.123Z\",\"event\":\"incomplete_request\",\"action\":\"reject\","
                + "\"request_id\":\"r1\",\"context_id\":\"c1\",\"client_ip\":\"192.0.2.7\",\"method\":\"POST\","
                + "\"path\":\"/a\\\"b\",\"reasons\":[\"body\",\"count\"],\"status\":413}",
                SecurityLog.incompleteJson(TS, "r1", "c1", "192.0.2.7", "POST", "/a\"b",
                        EnumSet.of(Truncation.COUNT, Truncation.BODY), "reject", 413));
    }

    @Test
    void suspectLineHasNoStatus() {
        assertEquals("{\"ts\":\"2026-11-23T11:19:22.123Z\",\"event\":\"incomplete_request\",\"action\":\"suspect\","
                + "\"request_id\":\"r1\",\"context_id\":\"c1\",\"client_ip\":\"::1\",\"method\":\"GET\","
                + "\"path\":\"/\",\"reasons\":[\"length\"],\"status\":null}",
                SecurityLog.incompleteJson(TS, "r1", "c1", "::1", "GET", "/", Set.of(Truncation.LENGTH), "suspect", 0));
    }
}
