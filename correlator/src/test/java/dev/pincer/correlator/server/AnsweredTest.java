package dev.pincer.correlator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ring of answered checks a crossing TIMEOUT is matched against: its size, and limit + 1. */
class AnsweredTest {
    private static Pending answered(int stream, String arg) {
        return new Pending(stream, new SinkCall("", SinkKind.SQL, List.of(arg), Map.of(), ""), null, 0);
    }

    @Test
    void theLast256AreRememberedAndThe257thIsNot() {
        Answered ring = new Answered();
        for (int s = 1; s <= Answered.SIZE + 1; s++) {
            ring.remember(answered(s, "select " + s));
        }
        assertNull(ring.take(1), "257 answers ago: forgotten");
        assertEquals("select 2", ring.take(2).call().arg(0), "256 answers ago: still there");
        assertNull(ring.take(2), "taken once");
    }

    @Test
    void theNewestAnswerOnAReusedStreamWins() {
        Answered ring = new Answered();
        ring.remember(answered(5, "old"));
        ring.remember(answered(5, "new"));
        assertEquals("new", ring.take(5).call().arg(0));
    }

    @Test
    void aLongArgumentIsKeptOnlyAsFarAsItsEventPrintsIt() {
        Answered ring = new Answered();
        Pending small = answered(1, "x".repeat(1024));
        ring.remember(small);
        ring.remember(answered(2, "y".repeat(1025)));
        assertSame(small.call, ring.take(1).call());
        assertEquals("y".repeat(1024), ring.take(2).call().arg(0));
    }
}
