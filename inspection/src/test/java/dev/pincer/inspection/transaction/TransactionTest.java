package dev.pincer.inspection.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.verdict.AttackClass;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionTest {
    private static final RequestHead HEAD = new RequestHead("POST", "/login", List.of());
    private static final InetAddress PEER = InetAddress.getLoopbackAddress();

    private final List<String> calls = new ArrayList<>();

    @Test
    void noParticipantsIsIdleAndContinues() {
        Transaction tx = Transaction.open("r1", PEER, PEER, "-", HEAD, List.of());
        assertTrue(tx.idle());
        assertFalse(tx.needsRequestBody());
        assertSame(Outcome.CONTINUE, tx.requestHead());
        assertSame(Outcome.CONTINUE, tx.requestEnd(true));
        assertFalse(tx.suspect());
    }

    @Test
    void aDecliningParticipantOpensNoStep() {
        Transaction tx = Transaction.open("r1", PEER, PEER, "-", HEAD, List.of(participant("a", t -> null)));
        assertTrue(tx.idle());
    }

    @Test
    void theFirstBlockEndsTheRequestPhasesButEveryStepIsClosed() {
        Finding deny = new Finding("a", AttackClass.ACCESS, null, "denied", 0);
        Transaction tx = Transaction.open("r1", PEER, PEER, "-", HEAD, List.of(
                participant("a", t -> new Recording("a") {
                    @Override
                    public Outcome requestHead(Transaction tx) {
                        super.requestHead(tx);
                        return Outcome.block(403, deny);
                    }
                }),
                participant("b", t -> new Recording("b"))));
        Outcome o = tx.requestHead();
        assertTrue(o.blocks());
        assertEquals(403, o.status());
        assertSame(o, tx.requestEnd(true), "later phases repeat the block without calling anyone");
        tx.close(Disposition.blockedBy("a", 403));
        tx.close(Disposition.blockedBy("a", 403));
        assertEquals(List.of("a.head", "a.close", "b.close"), calls);
        assertEquals(List.of(deny), tx.findings());
        assertFalse(tx.suspect());
    }

    @Test
    void thePolicyDecidesWhatABlockBecomes() {
        Finding deny = new Finding("a", AttackClass.ACCESS, null, "denied", 0);
        List<Outcome> observed = new ArrayList<>();
        Transaction monitor = Transaction.open("r1", PEER, PEER, "-", HEAD, List.of(
                participant("a", t -> new Step() {
                    @Override
                    public Outcome requestHead(Transaction tx) {
                        return Outcome.block(403, deny);
                    }
                }),
                participant("b", t -> new Recording("b"))), o -> {
                    observed.add(o);
                    return Outcome.CONTINUE;
                });
        assertSame(Outcome.CONTINUE, monitor.requestHead(), "an observed block blocks nothing");
        assertEquals(List.of("b.head"), calls, "and the later steps still run");
        assertEquals(1, observed.size());
        assertNull(monitor.blocked());

        Transaction hybrid = Transaction.open("r2", PEER, PEER, "-", HEAD, List.of(participant("a", t -> new Step() {
            @Override
            public Outcome requestHead(Transaction tx) {
                return Outcome.block(403, deny);
            }
        })), o -> Outcome.suspect(o.findings()));
        assertEquals(Outcome.Kind.SUSPECT, hybrid.requestHead().kind());
        assertTrue(hybrid.suspect());
    }

    @Test
    void suspectFindingsAddUpAcrossPhases() {
        Finding f1 = new Finding("rules", AttackClass.SQL_INJECTION, "942100", "sqli", 5);
        Finding f2 = new Finding("rules", AttackClass.SQL_INJECTION, "942200", "sqli", 5);
        Transaction tx = Transaction.open("r1", PEER, PEER, "-", HEAD, List.of(participant("rules", t -> new Step() {
            @Override
            public boolean needsRequestBody() {
                return true;
            }

            @Override
            public Outcome requestHead(Transaction tx) {
                return Outcome.suspect(List.of(f1));
            }

            @Override
            public Outcome requestBody(Transaction tx, byte[] chunk, int offset, int length) {
                return length > 0 ? Outcome.suspect(List.of(f2)) : Outcome.CONTINUE;
            }
        })));
        assertTrue(tx.needsRequestBody());
        assertEquals(Outcome.Kind.SUSPECT, tx.requestHead().kind());
        assertEquals(List.of(f2), tx.requestBody(new byte[] {1}, 0, 1).findings());
        assertEquals(Outcome.CONTINUE, tx.requestEnd(true));
        assertTrue(tx.suspect());
        assertEquals(List.of(f1, f2), tx.findings());
        assertNull(tx.blocked());
    }

    @Test
    void aThrowingParticipantBlocksTheRequestInsteadOfPassingIt() {
        Transaction tx = Transaction.open("r1", PEER, PEER, "-", HEAD, List.of(
                participant("boom", t -> {
                    throw new IllegalStateException("bug");
                }),
                participant("late", t -> new Step() {
                    @Override
                    public Outcome requestEnd(Transaction tx) {
                        throw new ArithmeticException();
                    }
                })));
        Outcome o = tx.requestHead();
        assertTrue(o.blocks());
        assertEquals(500, o.status());
        assertEquals("boom", o.findings().get(0).control());
        assertEquals(AttackClass.ANALYSIS_LIMIT, o.findings().get(0).attackClass());
    }

    @Test
    void aStepThatThrowsInALaterPhaseBlocksThere() {
        Transaction tx = Transaction.open("r1", PEER, PEER, "-", HEAD, List.of(participant("late", t -> new Step() {
            @Override
            public Outcome requestEnd(Transaction tx) {
                throw new ArithmeticException();
            }
        })));
        assertSame(Outcome.CONTINUE, tx.requestHead());
        assertEquals(500, tx.requestEnd(false).status());
        assertFalse(tx.bodyComplete());
    }

    private class Recording implements Step {
        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public Outcome requestHead(Transaction tx) {
            calls.add(name + ".head");
            return Outcome.CONTINUE;
        }

        @Override
        public void close(Transaction tx, Disposition disposition) {
            calls.add(name + ".close");
        }
    }

    private static Participant participant(String control, java.util.function.Function<Transaction, Step> open) {
        return new Participant() {
            @Override
            public String control() {
                return control;
            }

            @Override
            public Step open(Transaction tx) {
                return open.apply(tx);
            }
        };
    }
}
