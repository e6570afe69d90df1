package dev.pincer.correlator.ssrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every reading of an IPv4 literal, one row per literal: what {@code inet_aton} (hex and octal),
 * the decimal reading (Java: leading zeros are zeros) and the hex-decimal reading make of it, or
 * {@code -} when that reading refuses it. Then what {@link InternalHosts} concludes: internal when
 * any reading is.
 */
class Ipv4Test {
    @ParameterizedTest(name = "{0}: aton {1}, decimal {2}, hex-decimal {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            127.0.0.1           | 127.0.0.1    | 127.0.0.1    | 127.0.0.1
            0127.0.0.1          | 87.0.0.1     | 127.0.0.1    | 127.0.0.1
            0177.0.0.1          | 127.0.0.1    | 177.0.0.1    | 177.0.0.1
            010.0.0.1           | 8.0.0.1      | 10.0.0.1     | 10.0.0.1
            0192.168.1.1        | -            | 192.168.1.1  | 192.168.1.1
            0x7f.1              | 127.0.0.1    | -            | 127.0.0.1
            0x7f000001          | 127.0.0.1    | -            | 127.0.0.1
            0X7F.0.0.1          | 127.0.0.1    | -            | 127.0.0.1
            017700000001        | 127.0.0.1    | -            | -
            127.1               | 127.0.0.1    | 127.0.0.1    | 127.0.0.1
            127.0.1             | 127.0.0.1    | 127.0.0.1    | 127.0.0.1
            2130706433          | 127.0.0.1    | 127.0.0.1    | 127.0.0.1
            02130706433         | 17.99.141.27 | 127.0.0.1    | 127.0.0.1
            10.1                | 10.0.0.1     | 10.0.0.1     | 10.0.0.1
            0xa9.0xfe.0xa9.0xfe | 169.254.169.254 | -         | 169.254.169.254
            0251.0376.0251.0376 | 169.254.169.254 | -         | -
            00000000127.0.0.1   | 87.0.0.1     | 127.0.0.1    | 127.0.0.1
            0                   | 0.0.0.0      | 0.0.0.0      | 0.0.0.0
            0x                  | 0.0.0.0      | -            | 0.0.0.0
            255.255.255.255     | 255.255.255.255 | 255.255.255.255 | 255.255.255.255
            4294967295          | 255.255.255.255 | 255.255.255.255 | 255.255.255.255
            4294967296          | -            | -            | -
            256.0.0.1           | -            | -            | -
            1.2.3.4.5           | -            | -            | -
            1..2                | -            | -            | -
            .1.2.3              | -            | -            | -
            1.2.3.              | -            | -            | -
            08.0.0.1            | -            | 8.0.0.1      | 8.0.0.1
            1.0x100.0.1         | -            | -            | -
            1.65536             | 1.1.0.0      | 1.1.0.0      | 1.1.0.0
            1.16777216          | -            | -            | -
            1.65535             | 1.0.255.255  | 1.0.255.255  | 1.0.255.255
            example.com         | -            | -            | -
            1e2.0.0.1           | -            | -            | -
            """)
    void readings(String literal, String aton, String decimal, String hexDecimal) {
        assertEquals(aton, format(Ipv4.parse(literal, Ipv4.Reading.INET_ATON)), "inet_aton");
        assertEquals(decimal, format(Ipv4.parse(literal, Ipv4.Reading.DECIMAL)), "decimal");
        assertEquals(hexDecimal, format(Ipv4.parse(literal, Ipv4.Reading.HEX_DECIMAL)), "hex-decimal");
    }

    /** A part one digit longer than {@code MAX_PART} (34) is refused by every reading. */
    @ParameterizedTest(name = "{0} zeros then 1: {1}")
    @CsvSource({"33, 0.0.0.1", "34, -"})
    void partLengthAtLimitAndOver(int zeros, String expected) {
        String literal = "0".repeat(zeros) + "1";
        String want = "-".equals(expected) ? null : expected;
        assertEquals(want, format(Ipv4.parse(literal, Ipv4.Reading.DECIMAL)));
        assertEquals(want, format(Ipv4.parse(literal, Ipv4.Reading.INET_ATON)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            010.0.0.1    | 134217729 167772161
            127.0.0.1    | 2130706433
            0192.168.1.1 | 3232235777
            0127.0.0.1   | 1459617793 2130706433
            0177.0.0.1   | 2130706433 2969567233
            """)
    void distinctReadingsInOrder(String literal, String values) {
        long[] want = java.util.Arrays.stream(values.split(" ")).mapToLong(Long::parseLong).toArray();
        assertArrayEquals(want, Ipv4.readings(literal));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            0127.0.0.1          | loopback address 127.0.0.1 (one reading of 0127.0.0.1)
            010.0.0.1           | private address 10.0.0.1 (one reading of 010.0.0.1)
            0192.168.1.1        | private address 192.168.1.1
            0177.0.0.1          | loopback address 127.0.0.1 (one reading of 0177.0.0.1)
            0x7f.1              | loopback address 127.0.0.1
            0251.0376.0251.0376 | cloud metadata address 169.254.169.254
            0172.16.0.1         | private address 172.16.0.1 (one reading of 0172.16.0.1)
            0100.64.0.1         | carrier-grade NAT address 100.64.0.1 (one reading of 0100.64.0.1)
            08.8.8.8            | -
            0x8.0x8.0x8.0x8     | -
            011.0.0.1           | -
            8.8.8.8             | -
            010.0.0.1.nip.io    | private address 10.0.0.1 (one reading of 010.0.0.1)
            """)
    void internalWhenAnyReadingIs(String host, String reason) {
        assertEquals(reason, InternalHosts.classify(host));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            127.0.0.1                | loopback address 127.0.0.1
            10.1.2.3                 | private address 10.1.2.3
            169.254.169.254          | cloud metadata address 169.254.169.254
            168.63.129.16            | cloud metadata address 168.63.129.16
            100.100.100.200          | carrier-grade NAT address 100.100.100.200
            0.0.0.0                  | unspecified address 0.0.0.0
            0:0:0:0:0:0:0:1          | loopback IPv6 address ::1
            0:0:0:0:0:0:0:0          | unspecified IPv6 address ::
            fd00:ec2:0:0:0:0:0:254   | unique-local IPv6 address (cloud metadata)
            fe80:0:0:0:0:0:0:1%eth0  | link-local IPv6 address
            0:0:0:0:0:ffff:a00:1     | private address 10.0.0.1
            93.184.215.14            | -
            2606:4700:4700:0:0:0:0:1111 | -
            0127.0.0.1               | unreadable connected address 0127.0.0.1
            127.1                    | unreadable connected address 127.1
            localhost                | unreadable connected address localhost
            256.1.1.1                | unreadable connected address 256.1.1.1
            """)
    void connectedAddress(String ip, String reason) {
        assertEquals(reason, Ranges.connected(ip));
    }

    private static String format(long v) {
        return v < 0 ? null : Ipv4.format(v);
    }
}
