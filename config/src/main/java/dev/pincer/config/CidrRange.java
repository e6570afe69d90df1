package dev.pincer.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block, {@code 10.0.0.0/8}, {@code ::1/128}, or a single address.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:10.1.2.3}) match IPv4 blocks, and a block written in
 * the mapped form is the IPv4 block it maps: {@code ::ffff:10.0.0.0/104} is {@code 10.0.0.0/8}.
 */
public final class CidrRange {
    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] network;
    private final int prefix;
    private final String text;

    private CidrRange(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses {@code address[/prefix]}. Only literals are accepted, never host names (no DNS lookup).
     *
     * @throws IllegalArgumentException with a short reason when the text is not a block
     */
    public static CidrRange parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(addr);
        boolean mapped = bytes.length == 4 && addr.indexOf(':') >= 0; // the JDK returns ::ffff:a.b.c.d as IPv4
        int max = mapped ? 128 : bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("bad prefix length '" + p + "'");
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                throw new IllegalArgumentException("prefix length " + prefix + " exceeds " + max);
            }
        }
        if (mapped) {
            if (prefix < 96) {
                throw new IllegalArgumentException("prefix length " + prefix + " of an IPv4-mapped block is under 96");
            }
            prefix -= 96;
        }
        return new CidrRange(mask(bytes, prefix), prefix, s);
    }

    /** The block's first address: 4 bytes for IPv4 (mapped forms included), 16 for IPv6; a copy. */
    public byte[] network() {
        return network.clone();
    }

    /** The prefix length, in bits of {@link #network()}: {@code 10.0.0.0/8} has 8. */
    public int prefix() {
        return prefix;
    }

    /** True for an IPv4 block. */
    public boolean ipv4() {
        return network.length == 4;
    }

    /** Whether {@code address} lies in this block. */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length == 16 && network.length == 4 && isV4Mapped(a)) {
            a = Arrays.copyOfRange(a, 12, 16);
        }
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int m = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & m) == (network[full] & m);
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
    }

    private static byte[] literal(String addr) {
        boolean v4 = V4.matcher(addr).matches();
        boolean v6 = addr.indexOf(':') >= 0 && V6_CHARS.matcher(addr).matches();
        if (!v4 && !v6) {
            throw new IllegalArgumentException("not an IP address literal '" + addr + "'");
        }
        if (v4) {
            for (String part : addr.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException("IPv4 octet out of range in '" + addr + "'");
                }
            }
        }
        try {
            return InetAddress.getByName(addr).getAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal '" + addr + "'");
        }
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & ((0xFF << (8 - bits)) & 0xFF));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CidrRange c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
