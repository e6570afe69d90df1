package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code protection.ip_filter} and the list files it names, which are read and checked at load. */
class IpFilterConfigTest {
    @TempDir
    Path dir;

    private static String yaml(String protection, String routeProtection) {
        return "listen: 127.0.0.1:8080\nupstreams:\n  app:\n    servers: [127.0.0.1:8081]\n"
                + "protection:\n" + protection
                + "routes:\n  - match: { path_prefix: / }\n    upstream: app\n" + routeProtection;
    }

    @Test
    void bindsInlineListsAndFilesGloballyAndPerRoute() throws IOException, ConfigException {
        Path deny = Files.writeString(dir.resolve("deny.txt"), "# comment\n\n203.0.113.0/24\n2001:db8::/32 # v6\n");
        PincerConfig c = ConfigLoader.parse(yaml(
                "  ip_filter:\n    allow: [10.0.0.0/8]\n    deny_files: [" + deny + "]\n",
                "    protection:\n      ip_filter:\n        deny: 192.0.2.1\n"), "pincer.yaml");

        IpFilterConfig g = c.protection().ipFilter();
        assertEquals("protection.ip_filter", g.path());
        assertEquals(List.of(CidrRange.parse("10.0.0.0/8")), g.allow());
        assertEquals(List.of(deny), g.denyFiles());
        assertTrue(g.hasAllow());
        IpFilterConfig r = c.routes().get(0).protection().ipFilter();
        assertEquals("routes[0].protection.ip_filter", r.path());
        assertEquals(List.of(CidrRange.parse("192.0.2.1")), r.deny());
        assertFalse(r.hasAllow());
    }

    @Test
    void anAbsentSectionFiltersNothing() throws ConfigException {
        PincerConfig c = ConfigLoader.parse(yaml("  {}\n", ""), "pincer.yaml");
        assertTrue(c.protection().ipFilter().isEmpty());
        assertTrue(c.routes().get(0).protection().ipFilter().isEmpty());
    }

    @Test
    void aBadLineInAListFileNamesTheFileAndTheLine() throws IOException {
        Path deny = Files.writeString(dir.resolve("deny.txt"), "203.0.113.0/24\n\n10.0.0.300 # typo\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml(
                "  ip_filter:\n    deny_files: [" + deny + "]\n", ""), "pincer.yaml"));
        assertEquals(List.of("pincer.yaml:7: protection.ip_filter.deny_files[0]: " + deny + ":3: 10.0.0.300 # typo "
                + "(expected: an IP address or CIDR block such as 10.0.0.0/8 (IPv4 octet out of range in '10.0.0.300'))"),
                e.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void aMissingListFileIsAProblem() {
        Path missing = dir.resolve("nope.txt");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml(
                "  ip_filter:\n    allow_files: [" + missing + "]\n", ""), "pincer.yaml"));
        assertEquals(List.of("pincer.yaml:7: protection.ip_filter.allow_files[0]: " + missing
                + " (expected: a readable IP list file (NoSuchFileException))"),
                e.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void onlyTheFirstBadLinesAreNamedAndTheRestCounted() {
        String text = "x\n".repeat(IpListFile.MAX_REPORTED + 3);
        IpListFile.Parsed p = IpListFile.parse(text.getBytes(StandardCharsets.US_ASCII));
        assertEquals(IpListFile.MAX_REPORTED, p.bad().size());
        assertEquals(IpListFile.MAX_REPORTED + 3, p.badCount());
        assertEquals(1, p.bad().get(0).line());
    }

    @Test
    void listFileFormat() {
        IpListFile.Parsed p = IpListFile.parse(("# head\r\n 10.0.0.0/8 \r\n\t\n2001:db8::1#c\n::ffff:192.0.2.0/120\n"
                + "# caf\u00e9 \u2713\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(p.ok(), p.bad().toString());
        assertEquals(List.of(CidrRange.parse("10.0.0.0/8"), CidrRange.parse("2001:db8::1"),
                CidrRange.parse("192.0.2.0/24")), p.ranges());
        assertEquals(List.of(2, 4, 5), java.util.Arrays.stream(p.lines()).boxed().toList());
    }

    @Test
    void aLineAtTheLimitIsReadAndOnePastItIsBad() {
        String atLimit = "10.0.0.1" + " ".repeat(IpListFile.MAX_LINE - 8 - 2) + "#x";
        assertEquals(IpListFile.MAX_LINE, atLimit.length());
        assertTrue(IpListFile.parse(atLimit.getBytes(StandardCharsets.US_ASCII)).ok());
        IpListFile.Parsed over = IpListFile.parse((atLimit + "y").getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, over.badCount());
        assertEquals("(too long)", over.bad().get(0).text());
    }

    @Test
    void aFileAtTheSizeLimitIsReadAndOnePastItRefused() throws IOException {
        Path f = dir.resolve("big.txt");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(IpListFile.MAX_BYTES + 1);
        }
        IOException e = assertThrows(IOException.class, () -> IpListFile.read(f));
        assertTrue(e.getMessage().startsWith("larger than"), e.getMessage());
        byte[] spaces = new byte[(int) IpListFile.MAX_BYTES];
        java.util.Arrays.fill(spaces, (byte) '\n');
        Files.write(f, spaces);
        assertTrue(IpListFile.read(f).ok());
    }

    /** Random mutations of a valid list file only ever parse into entries and counted bad lines. */
    @Test
    void mutatedListFilesNeverThrow() {
        byte[] seed = "# x\n10.0.0.0/8\n2001:db8::/32 # y\n::ffff:1.2.3.4\r\n\n192.0.2.1\n".getBytes(StandardCharsets.US_ASCII);
        byte[] alphabet = "0123456789abcdef.:/#\r\n \t%[]-".getBytes(StandardCharsets.US_ASCII);
        java.util.Random rnd = new java.util.Random(1202);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = seed.clone();
            for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
                b[rnd.nextInt(b.length)] = rnd.nextInt(8) == 0 ? (byte) rnd.nextInt(256) : alphabet[rnd.nextInt(alphabet.length)];
            }
            IpListFile.Parsed p = IpListFile.parse(b);
            assertEquals(p.ranges().size(), p.lines().length);
            assertTrue(p.bad().size() <= IpListFile.MAX_REPORTED && p.bad().size() <= p.badCount());
        }
    }

    @Test
    void mappedBlocksAreTheirIpv4Block() {
        CidrRange r = CidrRange.parse("::ffff:10.0.0.0/104");
        assertTrue(r.ipv4());
        assertEquals(8, r.prefix());
        assertEquals(CidrRange.parse("10.0.0.0/8"), r);
        assertEquals(128, CidrRange.parse("2001:db8::1").prefix());
    }
}
