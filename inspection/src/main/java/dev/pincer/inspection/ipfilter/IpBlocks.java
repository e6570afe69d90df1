package dev.pincer.inspection.ipfilter;

import dev.pincer.config.CidrRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A set of CIDR blocks compiled into sorted, disjoint address intervals, one array pair per family,
 * searched by binary search. Two CIDR blocks are either disjoint or one contains the other, so
 * dropping the blocks another one contains leaves disjoint intervals, and each kept interval is
 * exactly one entry's block (its {@code origin}, so a match can name its entry).
 *
 * <p>A lookup allocates nothing and is at most {@code log2(n) + 1} comparisons of two ints (IPv4)
 * or two longs (IPv6): 17 for 100k blocks, and never more than the 32 (IPv4) or 128 (IPv6) steps
 * of a binary prefix trie. A list of {@link #INDEXED} intervals or more also gets a first level
 * indexed by the address's top 16 bits, so the search runs over the few intervals of one prefix
 * and touches two or three cache lines, whatever the list size. Memory: 12 bytes per IPv4 block,
 * 36 per IPv6 block, plus 256 KiB per indexed family ({@link #bytes()}).
 *
 * <p>Example: {@code IpBlocks.of(List.of(CidrRange.parse("10.0.0.0/8"))).find(new byte[] {10, 1, 2, 3})}
 * returns 0, the index of the entry that matched.
 */
final class IpBlocks {
    /** 4096 intervals: below, a plain binary search takes 12 steps in arrays that stay in cache. */
    static final int INDEXED = 4096;
    static final IpBlocks EMPTY = of(List.of());

    private final int[] first4; // sign-flipped so that signed order is address order
    private final int[] last4;
    private final int[] origin4;
    private final long[] v6; // first hi, first lo, last hi, last lo; sign-flipped
    private final int[] origin6;
    private final int[] index4; // null, or per top-16-bit prefix p: the first interval starting at or after p
    private final int[] index6;

    private IpBlocks(int[] first4, int[] last4, int[] origin4, long[] v6, int[] origin6, int indexFrom) {
        this.first4 = first4;
        this.last4 = last4;
        this.origin4 = origin4;
        this.v6 = v6;
        this.origin6 = origin6;
        this.index4 = first4.length < indexFrom ? null : index(first4.length, k -> (first4[k] ^ Integer.MIN_VALUE) >>> 16);
        this.index6 = origin6.length < indexFrom ? null
                : index(origin6.length, k -> (int) ((v6[k * 4] ^ Long.MIN_VALUE) >>> 48));
    }

    /**
     * The first level: {@code index[p]} is the first interval whose top 16 bits are at least
     * {@code p}, so the interval holding an address with top bits p is in
     * {@code [index[p] - 1, index[p + 1])}: a binary search over a few intervals instead of all.
     * 256 KiB, so only for lists of {@link #INDEXED} intervals or more.
     */
    private static int[] index(int n, java.util.function.IntUnaryOperator top16) {
        int[] index = new int[(1 << 16) + 1];
        int k = 0;
        for (int p = 0; p <= 1 << 16; p++) {
            while (k < n && top16.applyAsInt(k) < p) {
                k++;
            }
            index[p] = k;
        }
        return index;
    }

    /** Compiles {@code ranges}; an entry's origin is its index in the list. */
    static IpBlocks of(List<CidrRange> ranges) {
        return of(ranges, INDEXED);
    }

    /** The same, indexing a family from {@code indexFrom} intervals (tests compare both layouts). */
    static IpBlocks of(List<CidrRange> ranges, int indexFrom) {
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
                long hi = word(n, 0);
                long lo = word(n, 8);
                int host = 128 - r.prefix();
                long lastHi = host >= 64 ? hi | (host == 128 ? -1L : (1L << (host - 64)) - 1) : hi;
                long lastLo = host >= 64 ? -1L : lo | (host == 0 ? 0 : (1L << host) - 1);
                six.add(new long[] {hi, lo, lastHi, lastLo, i});
            }
        }
        four = disjoint(four, 2, Comparator.<long[]>comparingLong(b -> b[0]).thenComparingLong(b -> -b[1]),
                (outer, inner) -> inner[1] <= outer[1]);
        six = disjoint(six, 4, (a, b) -> {
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
    private static List<long[]> disjoint(List<long[]> blocks, int originAt, Comparator<long[]> order,
                                         java.util.function.BiPredicate<long[], long[]> inside) {
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

    /**
     * The origin of the block holding {@code address} (4 bytes, or 16 for IPv6; the caller
     * normalises IPv4-mapped addresses to 4 bytes), or -1.
     */
    int find(byte[] address) {
        if (address.length == 4) {
            int a = ((address[0] & 0xFF) << 24 | (address[1] & 0xFF) << 16 | (address[2] & 0xFF) << 8
                    | (address[3] & 0xFF)) ^ Integer.MIN_VALUE;
            int from = 0;
            int to = first4.length;
            if (index4 != null) {
                int p = (a ^ Integer.MIN_VALUE) >>> 16;
                from = Math.max(0, index4[p] - 1);
                to = index4[p + 1];
            }
            int i = Arrays.binarySearch(first4, from, to, a);
            i = i >= 0 ? i : -i - 2; // the last block starting at or before a
            return i >= from && a <= last4[i] ? origin4[i] : -1;
        }
        long hi = word(address, 0) ^ Long.MIN_VALUE;
        long lo = word(address, 8) ^ Long.MIN_VALUE;
        int low = 0;
        int high = origin6.length - 1;
        if (index6 != null) {
            int p = (int) ((hi ^ Long.MIN_VALUE) >>> 48);
            low = Math.max(0, index6[p] - 1);
            high = index6[p + 1] - 1;
        }
        int at = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = signed(v6[mid * 4], v6[mid * 4 + 1], hi, lo);
            if (c <= 0) {
                at = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return at >= 0 && signed(hi, lo, v6[at * 4 + 2], v6[at * 4 + 3]) <= 0 ? origin6[at] : -1;
    }

    /** Intervals kept, both families. */
    int size() {
        return origin4.length + origin6.length;
    }

    /** The memory the intervals and their first-level indexes take, in bytes of array payload. */
    long bytes() {
        return 12L * origin4.length + 36L * origin6.length
                + 4L * ((index4 == null ? 0 : index4.length) + (index6 == null ? 0 : index6.length));
    }

    private static int signed(long ahi, long alo, long bhi, long blo) {
        int c = Long.compare(ahi, bhi);
        return c != 0 ? c : Long.compare(alo, blo);
    }

    private static int compare(long ahi, long alo, long bhi, long blo) {
        int c = Long.compareUnsigned(ahi, bhi);
        return c != 0 ? c : Long.compareUnsigned(alo, blo);
    }

    private static long word(byte[] b, int from) {
        long w = 0;
        for (int i = from; i < from + 8; i++) {
            w = (w << 8) | (b[i] & 0xFF);
        }
        return w;
    }
}
