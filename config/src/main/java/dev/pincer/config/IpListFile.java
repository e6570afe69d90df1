package dev.pincer.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The IP list file format: one address or CIDR block per line, {@code #} starts a comment (to the
 * end of the line), blank lines are skipped, surrounding spaces and a trailing {@code \r} are
 * ignored; comments may hold any bytes. Read whole (at most {@link #MAX_BYTES}); every other line
 * must be an entry, so a file is taken entirely or not at all.
 *
 * <pre>
 * # partners, updated by the ops job
 * 198.51.100.0/24
 * 2001:db8:42::/48   # their IPv6 range
 * </pre>
 *
 * <p>Used at config load (a bad line rejects the config, naming file and line) and by the IP
 * filter when it re-reads a changed file (a bad line keeps the previous list).
 */
public final class IpListFile {
    /** 16 MiB: about 700k IPv6 blocks; a file past it is more likely a mistake than a list. */
    public static final long MAX_BYTES = 16L << 20;
    /** 256 characters: the longest entry plus a generous comment. */
    public static final int MAX_LINE = 256;
    /** How many bad lines a result names; the rest are only counted. */
    static final int MAX_REPORTED = 5;

    /** A line that is not an entry: 1-based line, the text (shortened, printable) and why. */
    public record BadLine(int line, String text, String reason) {
    }

    /**
     * A parsed file.
     *
     * @param ranges  the entries, in file order
     * @param lines   the 1-based line of each entry
     * @param bad     the first {@link #MAX_REPORTED} bad lines
     * @param badCount how many lines were bad in all
     */
    public record Parsed(List<CidrRange> ranges, int[] lines, List<BadLine> bad, int badCount) {
        public boolean ok() {
            return badCount == 0;
        }
    }

    private IpListFile() {
    }

    /**
     * Reads and parses {@code file}.
     *
     * @throws IOException when it cannot be read or is larger than {@link #MAX_BYTES}
     */
    public static Parsed read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes (" + size + ")");
        }
        return parse(Files.readAllBytes(file));
    }

    /** Parses the bytes of a list file. */
    public static Parsed parse(byte[] bytes) {
        List<CidrRange> ranges = new ArrayList<>();
        int[] lines = new int[16];
        List<BadLine> bad = new ArrayList<>();
        int badCount = 0;
        int line = 0;
        for (int start = 0; start < bytes.length; ) {
            int nl = indexOf(bytes, (byte) '\n', start);
            int end = nl < 0 ? bytes.length : nl;
            line++;
            String reason = null;
            String text = null;
            if (end - start > MAX_LINE) {
                reason = "a line of at most " + MAX_LINE + " characters";
            } else {
                int e = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
                text = new String(bytes, start, e - start, StandardCharsets.ISO_8859_1); // the entry is ASCII or bad
            }
            start = end + 1;
            String entry = text == null ? null : entry(text);
            if (reason == null && entry.isEmpty()) {
                continue;
            }
            if (reason == null) {
                try {
                    CidrRange r = CidrRange.parse(entry);
                    if (ranges.size() == lines.length) {
                        lines = Arrays.copyOf(lines, lines.length * 2);
                    }
                    lines[ranges.size()] = line;
                    ranges.add(r);
                    continue;
                } catch (IllegalArgumentException e) {
                    reason = "an IP address or CIDR block such as 10.0.0.0/8 (" + e.getMessage() + ")";
                }
            }
            if (++badCount <= MAX_REPORTED) {
                String shown = text == null ? "(too long)" : Nodes.printable(text.strip());
                bad.add(new BadLine(line, shown, reason));
            }
        }
        return new Parsed(List.copyOf(ranges), Arrays.copyOf(lines, ranges.size()), List.copyOf(bad), badCount);
    }

    private static String entry(String text) {
        int hash = text.indexOf('#');
        return (hash < 0 ? text : text.substring(0, hash)).strip();
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
