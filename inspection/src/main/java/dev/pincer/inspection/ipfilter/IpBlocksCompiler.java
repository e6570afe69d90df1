package dev.pincer.inspection.ipfilter;

import dev.pincer.config.CidrRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Compiles CIDR blocks into {@link IpBlocks}: each block becomes its first and last address
 * (IPv4 as unsigned ints, IPv6 as two longs), sorted by first address with the larger block first
 * on a tie; a block inside the one kept before it is dropped, which leaves disjoint intervals,
 * since two CIDR blocks are either disjoint or nested. Values are stored sign-flipped, so signed
 * comparison is address order.
 *
 * <p>Example: {@code 10.0.0.0/8, 10.1.0.0/16, 192.0.2.7} compile to two IPv4 intervals,
 * {@code [10.0.0.0, 10.255.255.255]} (origin 0) and {@code [192.0.2.7, 192.0.2.7]} (origin 2).
 */
final class IpBlocksCompiler {
    private IpBlocksCompiler() {
    }

    static IpBlocks compile(List<CidrRange> ranges, int indexFrom) {
        List<long[]> four = new ArrayList<>();
        List<long[]> six = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            CidrRange r = ranges.get(i);
            byte[] n = r.network();
            if (n.length == 4) {
                long first = (Byte.toUnsignedLong(n[0]) << 24) | (Byte.toUnsignedLong(n[1]) << 16)
                        | (Byte.toUnsignedLong(n[2]) << 8) | Byte.toUnsignedLong(n[3]);
                long last = first | ((1L << (32 - r.prefix())) - 1);
                four.add(new long[] {first, last, i});
            } else {
                long hi = IpBlocks.word(n, 0);
                long lo = IpBlocks.word(n, 8);
                int host = 128 - r.prefix();
                long lastHi = host >= 64 ? hi | (host == 128 ? -1L : (1L << (host - 64)) - 1) : hi;
                long lastLo = host >= 64 ? -1L : lo | (host == 0 ? 0 : (1L << host) - 1);
                six.add(new long[] {hi, lo, lastHi, lastLo, i});
            }
        }
        four = disjoint(four, Comparator.<long[]>comparingLong(b -> b[0]).thenComparingLong(b -> -b[1]),
                (outer, inner) -> inner[1] <= outer[1]);
        six = disjoint(six, (a, b) -> {
            int c = compare(a[0], a[1], b[0], b[1]);
            return c != 0 ? c : compare(b[2], b[3], a[2], a[3]); // the larger block first
        }, (outer, inner) -> compare(inner[2], inner[3], outer[2], outer[3]) <= 0);
        int[] f4 = new int[four.size()];
        int[] l4 = new int[four.size()];
        int[] o4 = new int[four.size()];
        for (int i = 0; i < f4.length; i++) {
            long[] b = four.get(i);
            f4[i] = (int) b[0] ^ Integer.MIN_VALUE;
            l4[i] = (int) b[1] ^ Integer.MIN_VALUE;
            o4[i] = (int) b[2];
        }
        long[] w6 = new long[six.size() * 4];
        int[] o6 = new int[six.size()];
        for (int i = 0; i < o6.length; i++) {
            long[] b = six.get(i);
            for (int k = 0; k < 4; k++) {
                w6[i * 4 + k] = b[k] ^ Long.MIN_VALUE;
            }
            o6[i] = (int) b[4];
        }
        return new IpBlocks(f4, l4, o4, w6, o6, indexFrom);
    }

    /** Sorted by first address, the larger block first on a tie; blocks inside a kept one dropped. */
    private static List<long[]> disjoint(List<long[]> blocks, Comparator<long[]> order,
                                         BiPredicate<long[], long[]> inside) {
        blocks.sort(order);
        List<long[]> out = new ArrayList<>(blocks.size());
        for (long[] b : blocks) {
            if (!out.isEmpty() && inside.test(out.get(out.size() - 1), b)) {
                continue;
            }
            out.add(b);
        }
        return out;
    }

    private static int compare(long ahi, long alo, long bhi, long blo) {
        int c = Long.compareUnsigned(ahi, bhi);
        return c != 0 ? c : Long.compareUnsigned(alo, blo);
    }
}
