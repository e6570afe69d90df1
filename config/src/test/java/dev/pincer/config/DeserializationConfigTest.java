package dev.pincer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig.Deserialization;
import dev.pincer.config.CorrelatorConfig.DeserializationMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code correlator.deserialization}: the mode, the allow entries, and problems naming file, line and key. */
class DeserializationConfigTest {
    private static final String TOKEN = "0123456789abcdef0123";

    @Test
    void absentMeansTheDenyListAlone() throws ConfigException {
        assertEquals(Deserialization.DEFAULTS, parse("").deserialization());
        assertEquals(DeserializationMode.DENYLIST, Deserialization.DEFAULTS.mode());
        assertEquals(List.of(), Deserialization.DEFAULTS.allow());
    }

    @Test
    void allowlistBinds() throws ConfigException {
        CorrelatorConfig c = parse("""
                  deserialization:
                    mode: Allowlist
                    allow: [com.shop.model., " java.util. ", com.shop.Cart, java.rmi.server.RemoteObject]
                """);
        assertEquals(new Deserialization(DeserializationMode.ALLOWLIST,
                List.of("com.shop.model.", "java.util.", "com.shop.Cart", "java.rmi.server.RemoteObject")),
                c.deserialization());
    }

    @Test
    void denylistTakesAllowAsExemptions() throws ConfigException {
        CorrelatorConfig c = parse("""
                  deserialization:
                    mode: denylist
                    allow:
                      - javax.management.remote.rmi.RMIServerImpl_Stub
                """);
        assertEquals(new Deserialization(DeserializationMode.DENYLIST,
                List.of("javax.management.remote.rmi.RMIServerImpl_Stub")), c.deserialization());
    }

    @Test
    void aSingleEntryMayBeAScalar() throws ConfigException {
        assertEquals(List.of("com.shop."), parse("  deserialization: {mode: allowlist, allow: com.shop.}\n")
                .deserialization().allow());
    }

    @Test
    void allowAtItsLimitBindsAndOneMoreIsAProblem() throws ConfigException {
        int max = Deserialization.MAX_ALLOW;
        assertEquals(max, parse("  deserialization: {mode: allowlist, allow: [" + entries(max) + "]}\n")
                .deserialization().allow().size());
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("  deserialization: {mode: allowlist, allow: [" + entries(max + 1) + "]}\n"));
        assertTrue(e.getMessage().contains("correlator.deserialization.allow: " + (max + 1) + " entries (expected: at most "
                + max + " entries)"), e.getMessage());
    }

    /** Each bad value is reported at its own line, under its full key, with what was expected. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mode: blocklist                         | correlator.deserialization.mode      | denylist or allowlist
            mode: [denylist]                        | correlator.deserialization.mode      | denylist or allowlist
            allow: [com.shop.model]                 | -                                    | -
            allow: [com..shop]                      | correlator.deserialization.allow[0]  | a class name (com.shop.Cart) or a package prefix ending in . (com.shop.model.)
            allow: [java.util., '*']                | correlator.deserialization.allow[1]  | a class name
            allow: [com.shop.*]                     | correlator.deserialization.allow[0]  | a class name
            allow: [.com.shop]                      | correlator.deserialization.allow[0]  | a class name
            allow: ['']                             | correlator.deserialization.allow[0]  | a class name
            allow: ['com shop']                     | correlator.deserialization.allow[0]  | a class name
            allow: {com: shop}                      | correlator.deserialization.allow     | a list of
            allows: [com.shop.]                     | correlator.deserialization.allows    | -
            """)
    void badValuesNameLineAndKey(String line, String key, String expected) {
        String yaml = "  deserialization:\n    " + line + "\n";
        if (key.equals("-")) {
            // a class name without a trailing dot is a class entry, not a problem
            try {
                parse(yaml);
            } catch (ConfigException e) {
                throw new AssertionError(line + " should bind: " + e.getMessage(), e);
            }
            return;
        }
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml), line);
        int lineNo = (ConfigLoaderTest.MINIMAL + "correlator:\n  token: x\n").split("\n", -1).length + 1;
        String msg = e.getMessage();
        assertTrue(msg.contains("pincer.yaml:" + lineNo + ": " + key), line + ": " + msg);
        if (!expected.equals("-")) {
            assertTrue(msg.contains(expected), line + ": " + msg);
        }
    }

    @Test
    void allowlistWithoutAllowIsAProblem() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("  deserialization: {mode: allowlist}\n"));
        assertTrue(e.getMessage().contains("correlator.deserialization.allow"), e.getMessage());
        assertTrue(e.getMessage().contains("allow set too with mode allowlist"), e.getMessage());
    }

    @Test
    void notAMappingIsAProblem() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("  deserialization: allowlist\n"));
        assertTrue(e.getMessage().contains("correlator.deserialization: allowlist (expected: a mapping with mode and allow)"),
                e.getMessage());
    }

    private static String entries(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append("p").append(i).append('.');
        }
        return sb.toString();
    }

    private static CorrelatorConfig parse(String lines) throws ConfigException {
        return ConfigLoader.parse(ConfigLoaderTest.MINIMAL + "correlator:\n  token: " + TOKEN + "\n" + lines,
                "pincer.yaml").correlator();
    }
}
