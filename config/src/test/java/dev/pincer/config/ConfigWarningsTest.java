package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The warnings a valid config still earns. Each case is the YAML appended to a minimal config
 * (8 lines, so the first appended line is line 9) and the warnings expected, as
 * {@code line key value} separated by {@code ;}, or empty for none.
 */
class ConfigWarningsTest {
    private static final String TOKEN = "0123456789abcdef0123";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            clean: loopback hybrid, a LAN trusted  | correlator: {listen: 127.0.0.1:7701, token: $T}\\ntrusted_proxies: [10.0.0.0/8, 127.0.0.1]                      |
            no correlator, nothing trusted          | access_log: true                                                                                       |
            listen on every IPv4 interface          | correlator:\\n  token: $T\\n  listen: 0.0.0.0:7701                                                        | 11 correlator.listen 0.0.0.0:7701
            listen on every IPv6 interface          | correlator: {listen: "[::]:7701", token: $T}                                                            | 9 correlator.listen [::]:7701
            listen on a network address             | correlator: {listen: 10.1.2.3:7701, token: $T}                                                          | 9 correlator.listen 10.1.2.3:7701
            listen on a host name                   | correlator: {listen: pincer.internal:7701, token: $T}                                                   | 9 correlator.listen pincer.internal:7701
            listen on localhost                     | correlator: {listen: localhost:7701, token: $T}                                                         |
            listen on another loopback address      | correlator: {listen: 127.0.0.2:7701, token: $T}                                                         |
            listen on IPv6 loopback                 | correlator: {listen: "[::1]:7701", token: $T}                                                           |
            edge mode without a rule engine         | correlator:\\n  token: $T\\nprotection:\\n  mode: edge                                                    | 12 protection.mode edge
            monitor mode                            | correlator: {token: $T}\\nprotection: {mode: monitor}                                                   |
            trust every IPv4 client                 | trusted_proxies: [10.0.0.0/8, 0.0.0.0/0]                                                               | 9 trusted_proxies[1] 0.0.0.0/0
            trust every IPv6 client                 | trusted_proxies:\\n  - 10.0.0.0/8\\n  - ::/0                                                             | 11 trusted_proxies[1] ::/0
            trust everyone as one scalar            | trusted_proxies: 0.0.0.0/0                                                                             | 9 trusted_proxies[0] 0.0.0.0/0
            trust every IPv4 client in halves       | trusted_proxies: [128.0.0.0/1, 10.0.0.0/8, 0.0.0.0/1]                                                  | 9 trusted_proxies 128.0.0.0/1, 10.0.0.0/8, 0.0.0.0/1
            trust all but one address (limit - 1)   | trusted_proxies: [0.0.0.0/1, 128.0.0.0/2, 192.0.0.0/3, 224.0.0.0/4, 240.0.0.0/5, 248.0.0.0/6, 252.0.0.0/7, 254.0.0.0/8, 255.0.0.0/9, 255.128.0.0/10, 255.192.0.0/11, 255.224.0.0/12, 255.240.0.0/13, 255.248.0.0/14, 255.252.0.0/15, 255.254.0.0/16, 255.255.0.0/17, 255.255.128.0/18, 255.255.192.0/19, 255.255.224.0/20, 255.255.240.0/21, 255.255.248.0/22, 255.255.252.0/23, 255.255.254.0/24, 255.255.255.0/25, 255.255.255.128/26, 255.255.255.192/27, 255.255.255.224/28, 255.255.255.240/29, 255.255.255.248/30, 255.255.255.252/31, 255.255.255.254/32] |
            trust every address in 33 blocks (limit)| trusted_proxies: [0.0.0.0/1, 128.0.0.0/2, 192.0.0.0/3, 224.0.0.0/4, 240.0.0.0/5, 248.0.0.0/6, 252.0.0.0/7, 254.0.0.0/8, 255.0.0.0/9, 255.128.0.0/10, 255.192.0.0/11, 255.224.0.0/12, 255.240.0.0/13, 255.248.0.0/14, 255.252.0.0/15, 255.254.0.0/16, 255.255.0.0/17, 255.255.128.0/18, 255.255.192.0/19, 255.255.224.0/20, 255.255.240.0/21, 255.255.248.0/22, 255.255.252.0/23, 255.255.254.0/24, 255.255.255.0/25, 255.255.255.128/26, 255.255.255.192/27, 255.255.255.224/28, 255.255.255.240/29, 255.255.255.248/30, 255.255.255.252/31, 255.255.255.254/32, 255.255.255.255] | 9 trusted_proxies 0.0.0.0/1, 128.0.0.0/2, 192.0.0.0/3, 224.0.0.0/4, 240.0.0.0/5, 248.0.0.0/6, 252.0.0.0/7, 254.0.0.0/8, 255.0.0.0/9, 255.128.0.0/10, 255.192.0.0/11, 255.224.0.0/12, 255.240.0.0/13, 255.248.0.0/14, 255.252.0.0/15, 255.254.0.0/16, 255.255.0.0/17, 255.255.128.0/18, 255.255.192.0/19, 255.255.224.0/20, 255.255.240.0/21, 255.255.248.0/22, 255.255.252.0/23, 255.255.254.0/24, 255.255.255.0/25, 255.255.255.128/26, 255.255.255.192/27, 255.255.255.224/28, 255.255.255.240/29, 255.255.255.248/30, 255.255.255.252/31, 255.255.255.254/32, 255.255.255.255
            a gap in the middle                     | trusted_proxies: [0.0.0.0/2, 128.0.0.0/1]                                                              |
            every warning at once                   | trusted_proxies: ["::/1", "8000::/1"]\\ncorrelator:\\n  listen: 0.0.0.0:7701\\n  token: $T\\nprotection: {mode: edge}     | 9 trusted_proxies ::/1, 8000::/1; 11 correlator.listen 0.0.0.0:7701; 13 protection.mode edge
            """)
    void warnings(String name, String extra, String expected) throws Exception {
        String yaml = ConfigLoaderTest.MINIMAL + extra.strip().replace("\\n", "\n").replace("$T", TOKEN) + "\n";
        PincerConfig config = ConfigLoader.parse(yaml, "pincer.yaml");

        List<ConfigWarnings.Warning> warnings = ConfigWarnings.check(config, yaml, ConfigWarnings.NO_RULE_ENGINE);

        String got = warnings.stream().map(w -> w.line() + " " + w.key() + " " + w.value())
                .collect(Collectors.joining("; "));
        assertEquals(expected == null ? "" : expected, got, yaml);
        for (ConfigWarnings.Warning w : warnings) {
            assertTrue(w.toString().startsWith("pincer.yaml:" + w.line() + ": " + w.key() + ": " + w.value() + " ("),
                    w.toString());
        }
    }

    /** A rule engine that loaded rules says so, and edge mode is then what the operator meant. */
    @Test
    void edgeModeWithRulesConfiguredDoesNotWarn() throws Exception {
        String yaml = ConfigLoaderTest.MINIMAL + "correlator: {token: " + TOKEN + "}\nprotection: {mode: edge}\n";
        PincerConfig config = ConfigLoader.parse(yaml, "pincer.yaml");

        assertEquals(1, ConfigWarnings.check(config, yaml, ConfigWarnings.NO_RULE_ENGINE).size());
        assertEquals(List.of(), ConfigWarnings.check(config, yaml, 1));
    }

    @Test
    void linesComeFromTheSourceFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("pincer.yaml"), ConfigLoaderTest.MINIMAL + "\n\n"
                + "trusted_proxies: [0.0.0.0/0]\n");
        PincerConfig config = ConfigLoader.load(file);

        List<ConfigWarnings.Warning> warnings = ConfigWarnings.check(config, ConfigWarnings.NO_RULE_ENGINE);

        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(file + ":11: trusted_proxies[0]: 0.0.0.0/0 (trusts the forwarding headers of every IPv4"
                + " client: any client can choose the address Pincer logs and forwards; list only your load"
                + " balancers' ranges)", warnings.get(0).toString());
    }

    /** A config whose file is gone (or built in) still gets its warnings, without a line. */
    @Test
    void unreadableSourceGivesLineZero() throws Exception {
        PincerConfig config = ConfigLoader.parse(ConfigLoaderTest.MINIMAL + "trusted_proxies: ::/0\n",
                tmp.resolve("gone.yaml").toString());

        List<ConfigWarnings.Warning> warnings = ConfigWarnings.check(config, ConfigWarnings.NO_RULE_ENGINE);

        assertEquals(1, warnings.size());
        assertEquals(0, warnings.get(0).line());
        assertTrue(warnings.get(0).toString().startsWith(tmp.resolve("gone.yaml") + ": trusted_proxies[0]: ::/0 ("),
                warnings.get(0).toString());
    }

    @Test
    void exposureNamesHowFarTheAddressReaches() {
        assertNull(ConfigWarnings.exposure("127.0.0.1"));
        assertNull(ConfigWarnings.exposure("::1"));
        assertNull(ConfigWarnings.exposure("LOCALHOST"));
        assertNull(ConfigWarnings.exposure("::ffff:127.0.0.1"));
        assertEquals("on every interface", ConfigWarnings.exposure("0.0.0.0"));
        assertEquals("on every interface", ConfigWarnings.exposure("::"));
        assertEquals("on a network address", ConfigWarnings.exposure("192.168.1.10"));
        assertTrue(ConfigWarnings.exposure("pincer.example.com").contains("host name"));
    }
}
