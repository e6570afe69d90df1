package dev.pincer.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a list of CIDR blocks covers a whole address family: {@code 0.0.0.0/0} does, and so do
 * {@code 0.0.0.0/1} with {@code 128.0.0.0/1}; {@code ::/0} covers every IPv6 address. The blocks
 * are merged as intervals, so any split of the space is seen.
 */
final class CidrCoverage {
    /**
     * A family the blocks cover completely.
     *
     * @param family {@code IPv4} or {@code IPv6}
     * @param single the index of one block that covers it alone, or -1 when it takes several
     * @param ranges the family's blocks as written, comma-separated
     */
    record Whole(String family, int single, String ranges) {
    }

    private record Block(int index, BigInteger first, BigInteger last) {
    }

    private CidrCoverage() {
    }

    static List<Whole> wholeFamilies(List<CidrRange> ranges) {
        List<Whole> out = new ArrayList<>();
        whole("IPv4", 4, ranges, out);
        whole("IPv6", 16, ranges, out);
        return out;
    }

    private static void whole(String family, int bytes, List<CidrRange> ranges, List<Whole> out) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Block b = block(i, ranges.get(i), bytes);
            if (b != null) {
                blocks.add(b);
            }
        }
        BigInteger end = BigInteger.ONE.shiftLeft(bytes * 8); // one past the family's last address
        for (Block b : blocks) {
            if (b.first.signum() == 0 && b.last.add(BigInteger.ONE).equals(end)) {
                out.add(new Whole(family, b.index, ranges.get(b.index).toString()));
                return;
            }
        }
        blocks.sort(Comparator.comparing(Block::first));
        BigInteger next = BigInteger.ZERO; // the first address not yet covered
        for (Block b : blocks) {
            if (b.first.compareTo(next) > 0) {
                return; // a gap
            }
            next = next.max(b.last.add(BigInteger.ONE));
        }
        if (next.equals(end)) {
            out.add(new Whole(family, -1, blocks.stream().sorted(Comparator.comparingInt(Block::index))
                    .map(b -> ranges.get(b.index).toString()).collect(Collectors.joining(", "))));
        }
    }

    /** The block {@code range}, or null when it is of another family. */
    private static Block block(int index, CidrRange range, int bytes) {
        byte[] address = range.network();
        if (address.length != bytes) {
            return null;
        }
        BigInteger size = BigInteger.ONE.shiftLeft(bytes * 8 - range.prefix());
        BigInteger first = new BigInteger(1, address);
        return new Block(index, first, first.add(size).subtract(BigInteger.ONE));
    }
}
