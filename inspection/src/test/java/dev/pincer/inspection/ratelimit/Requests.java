package dev.pincer.inspection.ratelimit;

import dev.pincer.inspection.request.HeaderField;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Transaction;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Transactions for tests: a client address, a route and headers. */
final class Requests {
    private Requests() {
    }

    static Transaction tx(String ip, String route, List<HeaderField> headers, Participant... ps) {
        try {
            InetAddress a = InetAddress.getByName(ip);
            return Transaction.open("r1", a, a, route, new RequestHead("GET", "/", headers), List.of(ps));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
