package dev.pincer.inspection.ipfilter;

import dev.pincer.config.CidrRange;
import java.util.Arrays;
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

    IpBlocks(int[] first4, int[] last4, int[] origin4, long[] v6, int[] origin6, int indexFrom) {
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
        return IpBlocksCompiler.compile(ranges, indexFrom);
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

    static long word(byte[] b, int from) {
        long w = 0;
        for (int i = from; i < from + 8; i++) {
            w = (w << 8) | (b[i] & 0xFF);
        }
        return w;
    }
}
