package dev.pincer.inspection.ipfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CidrRange;
import dev.pincer.config.IpFilterConfig;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.RouteProtection;
import dev.pincer.inspection.request.RequestHead;
import dev.pincer.inspection.transaction.Finding;
import dev.pincer.inspection.transaction.Outcome;
import dev.pincer.inspection.transaction.Transaction;
import dev.pincer.inspection.verdict.AttackClass;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link IpFilter} as a participant of a {@link Transaction}. */
class IpFilterTest {
    private static final RequestHead HEAD = new RequestHead("GET", "/", List.of());
    private final IpListFiles files = new IpListFiles();

    @AfterEach
    void close() {
        files.close();
    }

    private IpFilter denying(String block) {
        return IpFilter.compile(ProtectionConfig.DEFAULT.withIpFilter(new IpFilterConfig("protection.ip_filter", List.of(),
                List.of(CidrRange.parse(block)), List.of(), List.of())), RouteProtection.DEFAULT, files);
    }

    @Test
    void aDeniedClientIsBlockedWith403AtTheRequestHead() throws UnknownHostException {
        InetAddress client = InetAddress.getByName("203.0.113.7");
        Transaction tx = Transaction.open("r1", InetAddress.getByName("10.0.0.1"), client, "-", HEAD,
                List.of(denying("203.0.113.0/24")));
        assertFalse(tx.needsRequestBody());
        Outcome o = tx.requestHead();
        assertTrue(o.blocks());
        assertEquals(403, o.status());
        assertEquals(List.of(new Finding("ip_filter", AttackClass.ACCESS, null,
                "203.0.113.7 in deny list protection.ip_filter.deny[0] (203.0.113.0/24)", 0)), o.findings());
    }

    /** The filter judges the client the trust rules resolved, not the socket peer. */
    @Test
    void theResolvedClientIsJudgedNotThePeer() throws UnknownHostException {
        Transaction tx = Transaction.open("r1", InetAddress.getByName("203.0.113.7"),
                InetAddress.getByName("198.51.100.1"), "-", HEAD, List.of(denying("203.0.113.0/24")));
        assertSame(Outcome.CONTINUE, tx.requestHead());
    }

    @Test
    void anIpv4MappedClientIsItsIpv4Address() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = (byte) 203;
        mapped[13] = 0;
        mapped[14] = 113;
        mapped[15] = 7;
        InetAddress client = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertTrue(denying("203.0.113.0/24").denied(client).startsWith("203.0.113.7 in deny list"));
    }

    @Test
    void oneStepServesEveryRequest() throws UnknownHostException {
        IpFilter f = denying("203.0.113.0/24");
        Transaction a = Transaction.open("a", null, InetAddress.getByName("192.0.2.1"), "-", HEAD, List.of(f));
        assertSame(f.open(a), f.open(a));
        assertEquals("ip_filter", f.control());
    }

    @Test
    void anUnknownClientIsDenied() {
        assertEquals("no client address", denying("203.0.113.0/24").denied(null));
    }
}
