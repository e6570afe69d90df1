package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CidrRange;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ClientAddress}: X-Forwarded-For is believed only through trusted proxies, walked from the right. */
class ClientAddressTest {
    private static final List<CidrRange> TRUSTED = List.of(CidrRange.parse("10.0.0.0/8"), CidrRange.parse("::1"));
    private static final InetAddress PROXY = ip("10.0.0.1");

    @ParameterizedTest(name = "XFF [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.7                          | 203.0.113.7",
        "198.51.100.1, 203.0.113.7            | 203.0.113.7",
        "203.0.113.7, 10.1.1.1                | 203.0.113.7",
        "203.0.113.7, 10.1.1.1, 10.2.2.2      | 203.0.113.7",
        "203.0.113.7,10.1.1.1                 | 203.0.113.7",
        "10.9.9.9, 10.1.1.1                   | 10.9.9.9",
        "unknown, 10.1.1.1                    | 10.1.1.1",
        "203.0.113.7, unknown, 10.1.1.1       | 10.1.1.1",
        "203.0.113.7, evil.example            | 10.0.0.1",
        "[2001:db8::1], 10.1.1.1              | 2001:db8::1",
        "2001:db8::2                          | 2001:db8::2",
        "''                                   | 10.0.0.1",
        "' , '                                | 10.0.0.1",
    })
    void trustedPeerWalksFromTheRight(String xff, String expected) {
        assertEquals(ip(expected), ClientAddress.client(PROXY, true, xff, TRUSTED));
    }

    @Test
    void untrustedPeerIsTheClientWhateverXffSays() {
        InetAddress peer = ip("203.0.113.9");
        assertEquals(peer, ClientAddress.client(peer, false, "198.51.100.1", TRUSTED));
    }

    @Test
    void noXffMeansThePeer() {
        assertEquals(PROXY, ClientAddress.client(PROXY, true, null, TRUSTED));
    }

    @Test
    void trustedMatchesCidrsAndIpv6() {
        assertTrue(ClientAddress.trusted(ip("10.200.0.1"), TRUSTED));
        assertTrue(ClientAddress.trusted(ip("::1"), TRUSTED));
        assertFalse(ClientAddress.trusted(ip("11.0.0.1"), TRUSTED));
        assertFalse(ClientAddress.trusted(ip("10.0.0.1"), List.of()));
    }

    @Test
    void peerOfASocketAddressAndOfSomethingElse() {
        assertEquals(ip("192.0.2.1"), ClientAddress.peer(new InetSocketAddress(ip("192.0.2.1"), 1234)));
        assertEquals(InetAddress.getLoopbackAddress(), ClientAddress.peer(null));
        assertEquals(InetAddress.getLoopbackAddress(),
                ClientAddress.peer(InetSocketAddress.createUnresolved("example.com", 80)));
    }

    @Test
    void textHasNoSlashAndCompressesIpv6() {
        assertEquals("192.0.2.1", ClientAddress.text(ip("192.0.2.1")));
        assertEquals("2001:db8::1", ClientAddress.text(ip("2001:db8:0:0:0:0:0:1")));
    }

    private static InetAddress ip(String literal) {
        InetAddress a = NetUtil.createInetAddressFromIpAddressString(literal);
        if (a == null) {
            throw new IllegalArgumentException(literal);
        }
        return a;
    }
}
