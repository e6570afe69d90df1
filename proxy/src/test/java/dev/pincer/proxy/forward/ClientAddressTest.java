package dev.pincer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CidrRange;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ClientAddress}: forwarding headers are believed only from trusted proxies, walked from the
 * right; the spoofed and malformed cases are data in {@code forward/client-identity.csv}.
 */
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
        assertEquals(ip(expected), ClientAddress.client(PROXY, true, xff, null, TRUSTED));
    }

    @Test
    void untrustedPeerIsTheClientWhateverXffSays() {
        InetAddress peer = ip("203.0.113.9");
        assertEquals(peer, ClientAddress.client(peer, false, "198.51.100.1", null, TRUSTED));
    }

    @Test
    void noXffMeansThePeer() {
        assertEquals(PROXY, ClientAddress.client(PROXY, true, null, null, TRUSTED));
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
        assertEquals(ClientAddress.UNKNOWN_PEER, ClientAddress.peer(null));
        assertEquals(ClientAddress.UNKNOWN_PEER, ClientAddress.peer(InetSocketAddress.createUnresolved("example.com", 80)));
    }

    @Test
    void textHasNoSlashAndCompressesIpv6() {
        assertEquals("192.0.2.1", ClientAddress.text(ip("192.0.2.1")));
        assertEquals("2001:db8::1", ClientAddress.text(ip("2001:db8:0:0:0:0:0:1")));
    }

    @ParameterizedTest(name = "[{index}] {4}")
    @CsvFileSource(resources = "/forward/client-identity.csv", delimiter = '|', quoteCharacter = '\'',
            ignoreLeadingAndTrailingWhitespace = true)
    void spoofedAndMalformedForwardingHeaders(String peer, String xff, String forwarded, String expected, String what) {
        HttpHeaders h = new DefaultHttpHeaders();
        if (!xff.equals("-")) {
            h.add("X-Forwarded-For", xff);
        }
        if (!forwarded.equals("-")) {
            h.add("Forwarded", forwarded);
        }
        ClientAddress.Identity who = ClientAddress.resolve(new InetSocketAddress(raw(peer), 5555), h, IDENTITY_TRUSTED);
        assertEquals(ip(expected), who.client(), what); // an Inet4Address never equals its mapped IPv6 form
    }

    /**
     * A peer whose channel has no IP address (an embedded or unresolved address) is never trusted:
     * it used to be taken as the loopback address, which a loopback entry in trusted_proxies trusted.
     */
    @Test
    void aPeerWithoutAnAddressIsNeverTrusted() {
        HttpHeaders h = new DefaultHttpHeaders().add("X-Forwarded-For", "10.0.0.5");
        ClientAddress.Identity who = ClientAddress.resolve(InetSocketAddress.createUnresolved("localhost", 1), h,
                List.of(CidrRange.parse("0.0.0.0/0"), CidrRange.parse("::/0")));
        assertFalse(who.peerTrusted());
        assertEquals(ClientAddress.UNKNOWN_PEER, who.client());
    }

    @Test
    void theWalkStopsAtMaxHopsAndOnePastItIsNotReached() {
        String trustedHops = String.join(", ", java.util.Collections.nCopies(ClientAddress.MAX_HOPS - 1, "10.0.0.2"));
        assertEquals(ip("203.0.113.7"), ClientAddress.client(PROXY, true, "203.0.113.7, " + trustedHops, null, TRUSTED),
                "the client at hop MAX_HOPS is reached");
        assertEquals(ip("10.0.0.2"), ClientAddress.client(PROXY, true, "203.0.113.7, 10.0.0.2, " + trustedHops, null,
                TRUSTED), "at hop MAX_HOPS + 1 the walk has stopped at the last trusted hop");
        String forwarded = "for=203.0.113.7, " + String.join(", ",
                java.util.Collections.nCopies(ClientAddress.MAX_HOPS, "for=10.0.0.2"));
        assertEquals(ip("10.0.0.2"), ClientAddress.client(PROXY, true, null, forwarded, TRUSTED));
    }

    private static final List<CidrRange> IDENTITY_TRUSTED =
            List.of(CidrRange.parse("10.0.0.0/8"), CidrRange.parse("2001:db8:ffff::/48"));

    /** The address as a socket would report it: mapped forms stay IPv6 objects here. */
    private static InetAddress raw(String literal) {
        byte[] b = NetUtil.createByteArrayFromIpAddressString(literal);
        try {
            return b.length == 16 ? java.net.Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static InetAddress ip(String literal) {
        InetAddress a = NetUtil.createInetAddressFromIpAddressString(literal);
        if (a == null) {
            throw new IllegalArgumentException(literal);
        }
        return a;
    }
}
