package dev.pincer.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
            Block b = block(i, ranges.get(i).toString(), bytes);
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

    /** The block written as {@code text} (already validated), or null when it is of another family. */
    private static Block block(int index, String text, int bytes) {
        int slash = text.indexOf('/');
        byte[] address;
        try {
            address = InetAddress.getByName(slash < 0 ? text : text.substring(0, slash)).getAddress(); // a literal
        } catch (UnknownHostException e) {
            return null;
        }
        if (address.length != bytes) {
            return null;
        }
        int bits = bytes * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
        BigInteger first = new BigInteger(1, address).divide(size).multiply(size);
        return new Block(index, first, first.add(size).subtract(BigInteger.ONE));
    }
}
