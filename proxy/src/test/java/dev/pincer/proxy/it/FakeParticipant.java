package dev.pincer.proxy.it;

import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.ResponseHead;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A participant for the proxy's tests: blocks (or marks suspect) in one chosen phase, on a needle
 * found in the body it reads, and records every close it is told.
 *
 * <p>Example: {@code new FakeParticipant("fake", Phase.BODY).needle("evil")} blocks a request whose
 * body prefix contains {@code evil}, with 403.
 */
final class FakeParticipant implements Participant {
    enum Phase { NONE, HEAD, BODY, END, RESPONSE_HEAD, RESPONSE_BODY }

    final String control;
    final Phase phase;
    int status = 403;
    List<HeaderField> headers = List.of();
    String needle;
    boolean suspect;
    boolean needsBody;
    final Queue<Disposition> closes = new ConcurrentLinkedQueue<>();
    final Queue<String> bodies = new ConcurrentLinkedQueue<>();

    FakeParticipant(String control, Phase phase) {
        this.control = control;
        this.phase = phase;
        this.needsBody = phase == Phase.BODY || phase == Phase.END;
    }

    FakeParticipant status(int s, List<HeaderField> h) {
        this.status = s;
        this.headers = h;
        return this;
    }

    FakeParticipant needle(String n) {
        this.needle = n;
        return this;
    }

    FakeParticipant suspect() {
        this.suspect = true;
        return this;
    }

    FakeParticipant needsBody(boolean b) {
        this.needsBody = b;
        return this;
    }

    @Override
    public String control() {
        return control;
    }

    @Override
    public Step open(Transaction tx) {
        return new Step() {
            final ByteArrayOutputStream seen = new ByteArrayOutputStream();
            final ByteArrayOutputStream response = new ByteArrayOutputStream();

            @Override
            public boolean needsRequestBody() {
                return needsBody;
            }

            @Override
            public boolean needsResponseBody() {
                return phase == Phase.RESPONSE_BODY;
            }

            @Override
            public Outcome requestHead(Transaction t) {
                return phase == Phase.HEAD ? decide() : Outcome.CONTINUE;
            }

            @Override
            public Outcome requestBody(Transaction t, byte[] chunk, int offset, int length) {
                seen.write(chunk, offset, length);
                return phase == Phase.BODY && found(seen) ? decide() : Outcome.CONTINUE;
            }

            @Override
            public Outcome requestEnd(Transaction t) {
                bodies.add(seen.toString(StandardCharsets.ISO_8859_1));
                return phase == Phase.END && found(seen) ? decide() : Outcome.CONTINUE;
            }

            @Override
            public Outcome responseHead(Transaction t, ResponseHead head) {
                return phase == Phase.RESPONSE_HEAD ? decide() : Outcome.CONTINUE;
            }

            @Override
            public Outcome responseBody(Transaction t, byte[] chunk, int offset, int length) {
                response.write(chunk, offset, length);
                return phase == Phase.RESPONSE_BODY && found(response) ? decide() : Outcome.CONTINUE;
            }

            @Override
            public void close(Transaction t, Disposition disposition) {
                closes.add(disposition);
            }
        };
    }

    private boolean found(ByteArrayOutputStream b) {
        return needle == null || b.toString(StandardCharsets.ISO_8859_1).contains(needle);
    }

    private Outcome decide() {
        Finding f = new Finding(control, AttackClass.SCANNER, "fake-1", "fake finding", 0);
        return suspect ? Outcome.suspect(List.of(f)) : Outcome.block(status, f, headers);
    }
}
