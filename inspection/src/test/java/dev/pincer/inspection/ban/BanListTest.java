package dev.pincer.inspection.ban;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.BanConfig;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.shared.FakeTime;
import dev.pincer.inspection.shared.LimitMetrics;
import dev.pincer.inspection.transaction.Disposition;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Participant;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;
import io.prometheus.client.CollectorRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strikes, bans that lift by themselves, lifting by hand, the participant and the events. */
class BanListTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final FakeTime time = new FakeTime();
    private final CollectorRegistry registry = new CollectorRegistry();
    private final BanList bans = new BanList(100, null, new LimitMetrics(registry), time, false);
    private final BanConfig config = new BanConfig(true, 3, MINUTE, Duration.ofMinutes(10), 100, null, null);

    @Test
    void theNthBlockWithinTheWindowBansAndOneFewerDoesNot() {
        bans.strike("192.0.2.1", 3, MINUTE, Duration.ofMinutes(10), "rate_limit");
        bans.strike("192.0.2.1", 3, MINUTE, Duration.ofMinutes(10), "rules");
        assertNull(bans.find("192.0.2.1"));
        bans.strike("192.0.2.1", 3, MINUTE, Duration.ofMinutes(10), "correlator");
        Ban b = bans.find("192.0.2.1");
        assertNotNull(b);
        assertEquals("3 blocked requests within PT1M (last: correlator)", b.reason());
        assertEquals(b.since().plus(Duration.ofMinutes(10)), b.until());
        assertEquals(1.0, registry.getSampleValue("pincer_bans_total"));
        assertEquals(1.0, registry.getSampleValue("pincer_bans_active"));
    }

    @Test
    void strikesOutsideTheWindowStartAgain() {
        bans.strike("192.0.2.1", 3, MINUTE, MINUTE, "x");
        bans.strike("192.0.2.1", 3, MINUTE, MINUTE, "x");
        time.advance(Duration.ofSeconds(61));
        bans.strike("192.0.2.1", 3, MINUTE, MINUTE, "x");
        assertNull(bans.find("192.0.2.1"));
    }

    @Test
    void aBanLiftsByItself() {
        for (int i = 0; i < 3; i++) {
            bans.strike("192.0.2.1", 3, MINUTE, Duration.ofMinutes(10), "x");
        }
        time.advance(Duration.ofMinutes(10).minusMillis(1));
        assertNotNull(bans.find("192.0.2.1"));
        time.advance(Duration.ofMillis(1));
        assertNull(bans.find("192.0.2.1"));
        assertEquals(List.of(), bans.list());
        time.advance(Duration.ofSeconds(2));
        bans.cleanUp();
        assertEquals(0.0, registry.getSampleValue("pincer_bans_active"));
    }

    @Test
    void liftRemovesOnlyThatBan() {
        bans.apply(new Ban("192.0.2.1", Instant.ofEpochMilli(time.currentTimeMillis()),
                Instant.ofEpochMilli(time.currentTimeMillis() + 60_000), "r"), "local");
        bans.apply(new Ban("192.0.2.2", Instant.ofEpochMilli(time.currentTimeMillis()),
                Instant.ofEpochMilli(time.currentTimeMillis() + 30_000), "r"), "local");
        assertEquals(List.of("192.0.2.2", "192.0.2.1"), bans.list().stream().map(Ban::ip).toList());
        assertTrue(bans.lift("192.0.2.1"));
        assertFalse(bans.lift("192.0.2.1"));
        assertEquals(List.of("192.0.2.2"), bans.list().stream().map(Ban::ip).toList());
    }

    @Test
    void theListIsBoundedAndThePlusOneBanEvictsOne() {
        BanList small = new BanList(2, null, LimitMetrics.unregistered(), time, false);
        for (int i = 1; i <= 3; i++) {
            small.strike("192.0.2." + i, 1, MINUTE, MINUTE, "x");
        }
        small.cleanUp();
        assertEquals(2, small.list().size());
    }

    @Test
    void theParticipantRefusesBannedClientsAndCountsEveryBlockedDisposition() throws Exception {
        Participant p = Bans.participant(bans, config);
        InetAddress client = InetAddress.getByName("198.51.100.4");
        for (String source : List.of("rate_limit", "upload", "correlator")) {
            Transaction tx = tx(p, client);
            assertEquals(Outcome.CONTINUE, tx.requestHead());
            tx.close(Disposition.blockedBy(source, 403));
        }
        Transaction unblocked = tx(p, client);
        unblocked.close(Disposition.answered(404));
        Transaction tx = tx(p, client);
        Outcome o = tx.requestHead();
        assertEquals(403, o.status());
        assertEquals(AttackClass.ACCESS, o.findings().get(0).attackClass());
        assertEquals("ban", o.findings().get(0).control());
        tx.close(Disposition.blockedBy("ban", 403));
        assertEquals(1.0, registry.getSampleValue("pincer_bans_total"), "refusals by the ban start no ban");
        assertEquals(Outcome.CONTINUE, tx(p, InetAddress.getByName("198.51.100.5")).requestHead());
    }

    @Test
    void ipv4MappedAndIpv4AreOneClient() throws Exception {
        Participant p = Bans.participant(bans, new BanConfig(true, 1, MINUTE, MINUTE, 10, null, null));
        tx(p, InetAddress.getByName("::ffff:192.0.2.1")).close(Disposition.blockedBy("rules", 403));
        assertTrue(tx(p, InetAddress.getByName("192.0.2.1")).requestHead().blocks());
        assertEquals("192.0.2.1", IpText.normalize("::ffff:192.0.2.1"));
        assertEquals(IpText.of(InetAddress.getByName("2001:db8::1")), IpText.normalize("2001:DB8:0::1"));
        assertNull(IpText.normalize("example.com"));
        assertNull(IpText.normalize("beef.cafe"), "hex letters and dots, still not a literal: never looked up");
        assertNull(IpText.normalize("256.1.1.1"));
    }

    @Test
    void offMeansNoParticipant() {
        assertNull(Bans.participant(bans, BanConfig.DEFAULT));
    }

    @Test
    void eventsAreOneJsonObjectWithHostileTextEscaped() {
        Ban b = new Ban("192.0.2.1", Instant.parse("2026-12-02T12:00:00Z"), Instant.parse("2026-12-02T12:10:00Z"),
                "x\"\n\u001b");
        assertEquals("{\"ts\":\"2026-12-02T12:00:00Z\",\"event\":\"ban_start\",\"client_ip\":\"192.0.2.1\","
                + "\"since\":\"2026-12-02T12:00:00Z\",\"until\":\"2026-12-02T12:10:00Z\","
                + "\"reason\":\"x\\\"\\u000a\\u001b\",\"origin\":\"local\"}",
                BanEvents.startJson(b, "local", b.since()));
        assertEquals("{\"ts\":\"2026-12-02T12:10:00Z\",\"event\":\"ban_end\",\"client_ip\":\"192.0.2.1\","
                + "\"since\":\"2026-12-02T12:00:00Z\",\"until\":\"2026-12-02T12:10:00Z\",\"cause\":\"expired\"}",
                BanEvents.endJson(b, "expired", b.until()));
    }

    @Test
    void malformedWireValuesAreDropped() {
        assertNotNull(Ban.parse("192.0.2.1", "1 2 r"));
        for (String w : List.of("", "1", "1 2", "x 2 r", "2 1 r", "-1 2 r")) {
            assertNull(Ban.parse("192.0.2.1", w), w);
        }
        assertNull(Ban.parse("not-an-ip", "1 2 r"));
        assertNull(Ban.parse("::ffff:192.0.2.1", "1 2 r"), "only the normal form is a key");
        assertEquals(Ban.MAX_REASON, Ban.parse("192.0.2.1", "1 2 " + "r".repeat(Ban.MAX_REASON + 1)).reason().length());
    }

    private static Transaction tx(Participant p, InetAddress client) {
        return Transaction.open("r", client, client, "*/", new RequestHead("GET", "/", List.of()), List.of(p));
    }
}
