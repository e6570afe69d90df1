package dev.pincer.inspection.ipfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CidrRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link IpBlocks}: the compiled intervals find exactly what a linear scan of the blocks finds. */
class IpBlocksTest {
    private static final List<CidrRange> BLOCKS = List.of(
            r("10.0.0.0/8"), r("10.1.0.0/16"), r("192.0.2.7"), r("198.51.100.0/25"), r("255.255.255.255"),
            r("2001:db8::/32"), r("2001:db8:1::/48"), r("fe80::1"), r("::/128"), r("ffff:ffff:ffff:ffff::/64"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.0.0.0, 0", "10.255.255.255, 0", "10.1.2.3, 0", "9.255.255.255, -1", "11.0.0.0, -1",
        "192.0.2.7, 2", "192.0.2.6, -1", "192.0.2.8, -1", "198.51.100.127, 3", "198.51.100.128, -1",
        "255.255.255.255, 4", "0.0.0.0, -1",
        "2001:db8::, 5", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, 5", "2001:db9::, -1", "2001:db7:ffff::, -1",
        "fe80::1, 7", "fe80::2, -1", "::, 8", "::1, -1",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 9", "ffff:ffff:ffff:fffe:ffff::, -1",
    })
    void findsTheBlockHoldingAnAddress(String address, int origin) throws UnknownHostException {
        assertEquals(origin, IpBlocks.of(BLOCKS).find(Addresses.normalised(InetAddress.getByName(address))));
    }

    @Test
    void theWholeSpaceIsOneBlock() throws UnknownHostException {
        IpBlocks all = IpBlocks.of(List.of(r("0.0.0.0/0"), r("::/0")));
        assertEquals(0, all.find(InetAddress.getByName("0.0.0.0").getAddress()));
        assertEquals(0, all.find(InetAddress.getByName("255.255.255.255").getAddress()));
        assertEquals(1, all.find(InetAddress.getByName("::").getAddress()));
        assertEquals(1, all.find(InetAddress.getByName("ffff::1").getAddress()));
        assertEquals(2, all.size());
    }

    @Test
    void anEmptySetFindsNothing() throws UnknownHostException {
        assertEquals(-1, IpBlocks.EMPTY.find(InetAddress.getByName("10.0.0.1").getAddress()));
        assertEquals(-1, IpBlocks.EMPTY.find(InetAddress.getByName("::1").getAddress()));
    }

    /** Random nested and overlapping blocks, random probes: the same answer as {@link CidrRange#contains}. */
    @Test
    void agreesWithALinearScan() throws UnknownHostException {
        Random rnd = new Random(42);
        List<CidrRange> blocks = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            blocks.add(i % 2 == 0 ? randomV4(rnd, 4 + rnd.nextInt(29), 0x0A) : randomV6(rnd, 8 + rnd.nextInt(121)));
        }
        IpBlocks compiled = IpBlocks.of(blocks);
        for (int i = 0; i < 20_000; i++) {
            InetAddress probe = i % 2 == 0 ? v4(rnd, 0x0A) : v6(rnd);
            boolean expected = blocks.stream().anyMatch(b -> b.contains(probe));
            int found = compiled.find(Addresses.normalised(probe));
            assertEquals(expected, found >= 0, probe.toString());
            if (found >= 0) {
                assertTrue(blocks.get(found).contains(probe), "the origin holds the address");
            }
        }
    }

    /** The first-level index finds exactly what the plain binary search finds, nested blocks and edges included. */
    @Test
    void theIndexedLayoutAgreesWithThePlainOne() throws UnknownHostException {
        Random rnd = new Random(43);
        List<CidrRange> blocks = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            blocks.add(i % 2 == 0 ? randomV4(rnd, 1 + rnd.nextInt(32), i % 4 == 0 ? 0x0A : -1)
                    : randomV6(rnd, 1 + rnd.nextInt(128)));
        }
        blocks.add(r("0.0.0.0/32"));
        blocks.add(r("255.255.255.255"));
        blocks.add(r("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        IpBlocks plain = IpBlocks.of(blocks, Integer.MAX_VALUE);
        IpBlocks indexed = IpBlocks.of(blocks, 1);
        assertTrue(indexed.bytes() > plain.bytes(), "the index exists");
        for (int i = 0; i < 200_000; i++) {
            byte[] probe = new byte[i % 2 == 0 ? 4 : 16];
            rnd.nextBytes(probe);
            if (i % 8 == 1) {
                probe[0] = 0x20;
                probe[1] = 0x01;
            }
            assertEquals(plain.find(probe), indexed.find(probe));
        }
        for (String edge : new String[] {"0.0.0.0", "255.255.255.255", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "10.0.0.0", "10.255.255.255"}) {
            byte[] b = Addresses.normalised(InetAddress.getByName(edge));
            assertEquals(plain.find(b), indexed.find(b), edge);
        }
    }

    /**
     * The memory figure docs/configuration.md states: 100k random blocks of each family that do not
     * nest (the worst case) compile to one interval each, 12 bytes per IPv4 and 36 per IPv6
     * interval, plus 256 KiB of first-level index per family: 5.3 MB for the 200k.
     */
    @Test
    void memoryFor100kBlocksPerFamily() {
        Random rnd = new Random(7);
        List<CidrRange> blocks = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            blocks.add(randomV4(rnd, 24 + rnd.nextInt(9), -1));
            blocks.add(r(String.format("%x:%x:%x:%x::%x/%d", 0x2000 | rnd.nextInt(0x1000), rnd.nextInt(0x10000),
                    rnd.nextInt(0x10000), rnd.nextInt(0x10000), rnd.nextInt(0x10000), 64 + rnd.nextInt(65))));
        }
        IpBlocks compiled = IpBlocks.of(blocks);
        assertTrue(compiled.size() > 199_000, "random /24+ and /64+ blocks rarely nest: " + compiled.size());
        long index = 2L * 4 * ((1 << 16) + 1); // the two first-level indexes
        assertTrue(compiled.bytes() <= 100_000L * 12 + 100_000L * 36 + index, compiled.bytes() + " bytes");
        assertTrue(compiled.bytes() > 4_700_000L + index, compiled.bytes() + " bytes");
    }

    static CidrRange randomV4(Random rnd, int prefix, int firstOctet) {
        int a = rnd.nextInt();
        if (firstOctet >= 0) {
            a = (a & 0x00FFFFFF) | (firstOctet << 24); // crowd them into one /8 so they nest
        }
        return r(((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF)
                + "/" + prefix);
    }

    static CidrRange randomV6(Random rnd, int prefix) {
        StringBuilder sb = new StringBuilder("2001:db8");
        for (int i = 0; i < 6; i++) {
            sb.append(':').append(Integer.toHexString(rnd.nextInt(i < 1 ? 4 : 0x10000)));
        }
        return r(sb + "/" + prefix);
    }

    private static InetAddress v4(Random rnd, int firstOctet) throws UnknownHostException {
        byte[] b = new byte[4];
        rnd.nextBytes(b);
        b[0] = (byte) firstOctet;
        return InetAddress.getByAddress(b);
    }

    private static InetAddress v6(Random rnd) throws UnknownHostException {
        byte[] b = new byte[16];
        rnd.nextBytes(b);
        b[0] = 0x20;
        b[1] = 0x01;
        b[2] = 0x0d;
        b[3] = (byte) 0xb8;
        b[4] = 0;
        b[5] = (byte) rnd.nextInt(4);
        return InetAddress.getByAddress(b);
    }

    static CidrRange r(String s) {
        return CidrRange.parse(s);
    }
}
