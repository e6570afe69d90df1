package dev.pincer.signatures.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A set of IPv4 and IPv6 addresses and CIDR ranges, for {@code @ipMatch} and
 * {@code @ipMatchFromFile}. Entries are {@code 192.168.0.0/16}, {@code 10.0.0.1},
 * {@code 2001:db8::/32}, {@code ::1}; a prefix length is 1-32 (IPv4) or 1-128 (IPv6), as
 * ModSecurity's radix tree accepts. Values are parsed as {@code inet_pton} does (strict dotted quad
 * without leading zeros; IPv6 with one {@code ::} and an optional dotted-quad tail); a value that is
 * no address matches nothing. A value with a colon is looked up among the IPv6 entries only, others
 * among the IPv4 entries only, as in ModSecurity.
 *
 * <p>Layout: per prefix length, the sorted masked network addresses; a lookup is at most one
 * binary search per prefix length present. Example: {@code IpSet.parse(List.of("127.0.0.1",
 * "::1")).contains("::1")} is true.
 */
final class IpSet {

    private final int[] v4Lengths;     // prefix lengths present, descending
    private final int[][] v4Networks;  // per entry of v4Lengths, sorted (unsigned) networks
    private final int[] v6Lengths;
    private final long[][] v6Networks; // per length: hi0, lo0, hi1, lo1... sorted (unsigned)

    private IpSet(int[] v4Lengths, int[][] v4Networks, int[] v6Lengths, long[][] v6Networks) {
        this.v4Lengths = v4Lengths;
        this.v4Networks = v4Networks;
        this.v6Lengths = v6Lengths;
        this.v6Networks = v6Networks;
    }

    /** @throws IllegalArgumentException naming the first entry that is no address or range */
    static IpSet parse(List<String> entries) {
        List<List<Integer>> v4 = new ArrayList<>();
        List<List<long[]>> v6 = new ArrayList<>();
        for (int i = 0; i <= 128; i++) {
            v4.add(i <= 32 ? new ArrayList<>() : null);
            v6.add(new ArrayList<>());
        }
        int count = 0;
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            count++;
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            boolean six = address.indexOf(':') >= 0;
            int max = six ? 128 : 32;
            int length = max;
            if (slash >= 0) {
                String len = entry.substring(slash + 1);
                length = len.matches("[0-9]{1,3}") ? Integer.parseInt(len) : -1;
                if (length < 1 || length > max) {
                    throw new IllegalArgumentException("bad prefix length in '" + entry
                            + "' (expected 1-" + max + ")");
                }
            }
            if (six) {
                long[] a = parseV6(address);
                if (a == null) {
                    throw new IllegalArgumentException("not an IPv6 address: '" + entry + "'");
                }
                v6.get(length).add(mask6(a, length));
            } else {
                long a = parseV4(address, 0, address.length());
                if (a < 0) {
                    throw new IllegalArgumentException("not an IPv4 address: '" + entry + "'");
                }
                v4.get(length).add((int) a & mask4(length));
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no address or range given");
        }
        List<Integer> l4 = new ArrayList<>();
        List<int[]> n4 = new ArrayList<>();
        for (int len = 32; len >= 1; len--) {
            if (!v4.get(len).isEmpty()) {
                int[] nets = v4.get(len).stream().mapToInt(Integer::intValue).map(x -> x ^ Integer.MIN_VALUE)
                        .sorted().map(x -> x ^ Integer.MIN_VALUE).distinct().toArray();
                l4.add(len);
                n4.add(nets);
            }
        }
        List<Integer> l6 = new ArrayList<>();
        List<long[]> n6 = new ArrayList<>();
        Comparator<long[]> unsigned = (a, b) -> a[0] != b[0] ? Long.compareUnsigned(a[0], b[0])
                : Long.compareUnsigned(a[1], b[1]);
        for (int len = 128; len >= 1; len--) {
            List<long[]> nets = v6.get(len);
            if (!nets.isEmpty()) {
                nets.sort(unsigned);
                long[] flat = new long[nets.size() * 2];
                for (int i = 0; i < nets.size(); i++) {
                    flat[2 * i] = nets.get(i)[0];
                    flat[2 * i + 1] = nets.get(i)[1];
                }
                l6.add(len);
                n6.add(flat);
            }
        }
        return new IpSet(l4.stream().mapToInt(Integer::intValue).toArray(), n4.toArray(int[][]::new),
                l6.stream().mapToInt(Integer::intValue).toArray(), n6.toArray(long[][]::new));
    }

    /** True when {@code value} is an address inside one of the entries; never throws. */
    boolean contains(String value) {
        if (value.length() > 64) {
            return false;
        }
        if (value.indexOf(':') < 0) {
            long a = parseV4(value, 0, value.length());
            if (a < 0) {
                return false;
            }
            for (int k = 0; k < v4Lengths.length; k++) {
                int net = (int) a & mask4(v4Lengths[k]);
                if (searchUnsigned(v4Networks[k], net)) {
                    return true;
                }
            }
            return false;
        }
        long[] a = parseV6(value);
        if (a == null) {
            return false;
        }
        for (int k = 0; k < v6Lengths.length; k++) {
            long[] net = mask6(a, v6Lengths[k]);
            long[] nets = v6Networks[k];
            int lo = 0;
            int hi = nets.length / 2 - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = nets[2 * mid] != net[0] ? Long.compareUnsigned(nets[2 * mid], net[0])
                        : Long.compareUnsigned(nets[2 * mid + 1], net[1]);
                if (c == 0) {
                    return true;
                }
                if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
        }
        return false;
    }

    private static boolean searchUnsigned(int[] sorted, int key) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(sorted[mid], key);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    private static int mask4(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    private static long[] mask6(long[] a, int length) {
        long hiMask = length >= 64 ? -1L : (length == 0 ? 0 : -1L << (64 - length));
        long loMask = length <= 64 ? 0 : (length == 128 ? -1L : -1L << (128 - length));
        return new long[] {a[0] & hiMask, a[1] & loMask};
    }

    /** A strict dotted quad in {@code s[from, to)} as an unsigned 32-bit value, or -1. */
    static long parseV4(String s, int from, int to) {
        long value = 0;
        int octets = 0;
        int i = from;
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? value : -1;
    }

    /** An IPv6 address as {@code {high 64 bits, low 64 bits}}, or null. */
    static long[] parseV6(String s) {
        int[] groups = new int[8];
        int n = 0;
        int gap = -1;
        int len = s.length();
        int i = 0;
        if (len < 2) {
            return null;
        }
        if (s.charAt(0) == ':') {
            if (s.charAt(1) != ':') {
                return null;
            }
            gap = 0;
            i = 2;
        }
        while (i < len) {
            int j = i;
            int value = 0;
            while (j < len && Character.digit(s.charAt(j), 16) >= 0 && s.charAt(j) < 128 && j - i < 5) {
                value = value * 16 + Character.digit(s.charAt(j), 16);
                j++;
            }
            if (j < len && s.charAt(j) == '.') {
                long v4 = parseV4(s, i, len);
                if (v4 < 0 || n > 6) {
                    return null;
                }
                groups[n++] = (int) (v4 >>> 16);
                groups[n++] = (int) (v4 & 0xffff);
                i = len;
                break;
            }
            if (j == i || j - i > 4 || n == 8) {
                return null;
            }
            groups[n++] = value;
            if (j == len) {
                i = len;
                break;
            }
            if (s.charAt(j) != ':') {
                return null;
            }
            j++;
            if (j < len && s.charAt(j) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = n;
                j++;
            } else if (j == len) {
                return null;
            }
            i = j;
        }
        if (gap >= 0) {
            if (n == 8) {
                return null;
            }
            int move = n - gap;
            System.arraycopy(groups, gap, groups, 8 - move, move);
            Arrays.fill(groups, gap, 8 - move, 0);
        } else if (n != 8) {
            return null;
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = (hi << 16) | groups[k];
            lo = (lo << 16) | groups[k + 4];
        }
        return new long[] {hi, lo};
    }
}
