package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.InputExtractor;
import dev.pincer.inspection.request.InspectionLimits;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body prefix a step sees: exactly the limit, from heap and direct buffers alike; the end once. */
class BodyFeedTest {
    private static final RequestHead HEAD = new RequestHead("POST", "/f",
            List.of(new HeaderField("Content-Type", "application/x-www-form-urlencoded")));

    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private final List<Boolean> ends = new ArrayList<>();

    private Transaction tx(boolean inputs) {
        Participant p = new Participant() {
            @Override
            public String control() {
                return "t";
            }

            @Override
            public Step open(Transaction t) {
                return new Step() {
                    @Override
                    public boolean needsRequestBody() {
                        return true;
                    }

                    @Override
                    public boolean needsInputs() {
                        return inputs;
                    }

                    @Override
                    public Outcome requestBody(Transaction t, byte[] chunk, int offset, int length) {
                        seen.write(chunk, offset, length);
                        return Outcome.CONTINUE;
                    }

                    @Override
                    public Outcome requestEnd(Transaction t) {
                        ends.add(t.bodyComplete());
                        return Outcome.CONTINUE;
                    }
                };
            }
        };
        return Transaction.open("r", null, null, "-", HEAD, List.of(p));
    }

    private static ByteBuf direct(String s) {
        ByteBuf b = Unpooled.directBuffer();
        b.writeCharSequence(s, StandardCharsets.US_ASCII);
        return b;
    }

    @Test
    void aBodyOfExactlyTheLimitIsWholeAndComplete() {
        BodyFeed feed = new BodyFeed(tx(false), 8, 8, null, null, HEAD);
        ByteBuf b = direct("12345678");
        try {
            feed.onContent(b, true);
        } finally {
            b.release();
        }
        assertEquals("12345678", seen.toString(StandardCharsets.US_ASCII));
        assertEquals(List.of(true), ends);
        assertTrue(feed.ended());
    }

    /**
     * Regression: HTTP/1 ends a Content-Length body with an empty last content after its data, so
     * a body of exactly the limit was ended at its data as cut (413 under reject). The end is now
     * decided by the next content.
     */
    @Test
    void aBodyOfExactlyTheLimitFollowedByAnEmptyLastContentIsComplete() {
        BodyFeed feed = new BodyFeed(tx(false), 8, 8, null, null, HEAD);
        ByteBuf b = direct("12345678");
        try {
            feed.onContent(b, false);
            assertFalse(feed.ended(), "whether the body ends at the limit is not known yet");
            feed.onContent(Unpooled.EMPTY_BUFFER, true);
        } finally {
            b.release();
        }
        assertEquals("12345678", seen.toString(StandardCharsets.US_ASCII));
        assertEquals(List.of(true), ends);
    }

    /** Limit + 1: the step sees the limit and is told the body was cut; later contents are not fed. */
    @Test
    void aBodyOneByteOverTheLimitIsCutAtIt() {
        BodyFeed feed = new BodyFeed(tx(false), 8, 8, null, null, HEAD);
        ByteBuf a = Unpooled.wrappedBuffer("12345".getBytes(StandardCharsets.US_ASCII));
        ByteBuf b = direct("6789");
        ByteBuf c = direct("more");
        try {
            feed.onContent(a, false);
            assertFalse(feed.ended());
            feed.onContent(b, false);
            assertTrue(feed.ended());
            feed.onContent(c, true);
        } finally {
            a.release();
            b.release();
            c.release();
        }
        assertEquals("12345678", seen.toString(StandardCharsets.US_ASCII));
        assertEquals(List.of(false), ends, "one request end, not complete");
    }

    @Test
    void withoutACorrelatorTheInputsAreExtractedWithTheBodyOnce() {
        Transaction tx = tx(true);
        BodyFeed feed = new BodyFeed(tx, 64, 64, "application/x-www-form-urlencoded",
                new InputExtractor(InspectionLimits.DEFAULT.forBody(64)), HEAD);
        ByteBuf b = Unpooled.wrappedBuffer("name=alice".getBytes(StandardCharsets.US_ASCII));
        try {
            feed.onContent(b, true);
        } finally {
            b.release();
        }
        assertTrue(tx.inputs().inputs().stream().map(Input::decoded).anyMatch("alice"::equals),
                tx.inputs().inputs().toString());
    }
}
