package dev.pincer.inspection.ban;

import dev.pincer.config.BanConfig;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Step;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;
import java.net.InetAddress;

/**
 * Refuses a banned client at the request head (403, {@code Finding("ban", ACCESS, ...)}), and at
 * close counts every request Pincer blocked, whatever blocked it (a control, the rules, a sink
 * verdict, the response check), as a strike against the client. Its own refusals are not counted.
 * A request without a client address is not judged by bans (nothing to key it by). Stateless per
 * request: it is its own step.
 *
 * <p>Example: {@code after: 3}: three requests answered 429 by the rate limit, and the fourth
 * request of that client gets 403 from the ban.
 */
final class BanParticipant implements Participant, Step {
    private final BanList list;
    private final BanConfig config;

    BanParticipant(BanList list, BanConfig config) {
        this.list = list;
        this.config = config;
    }

    @Override
    public String control() {
        return Bans.CONTROL;
    }

    @Override
    public Step open(Transaction tx) {
        return address(tx) == null ? null : this;
    }

    @Override
    public Outcome requestHead(Transaction tx) {
        Ban b = list.find(IpText.of(address(tx)));
        if (b == null) {
            return Outcome.CONTINUE;
        }
        return Outcome.block(403, new Finding(Bans.CONTROL, AttackClass.ACCESS, null,
                "client " + b.ip() + " banned until " + b.until() + ": " + b.reason(), 0));
    }

    @Override
    public void close(Transaction tx, Disposition d) {
        if (d.blocked() && !Bans.CONTROL.equals(d.source())) {
            list.strike(IpText.of(address(tx)), config.after(), config.within(), config.banFor(), d.source());
        }
    }

    private static InetAddress address(Transaction tx) {
        return tx.client() != null ? tx.client() : tx.peer();
    }
}
