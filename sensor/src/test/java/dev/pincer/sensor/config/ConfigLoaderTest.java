package dev.pincer.sensor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.sensor.log.Log;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static ConfigLoader load(String args, Map<String, String> props, Map<String, String> env) {
        return ConfigLoader.load(args, props::get, env::get);
    }

    @Test
    void defaultsWhenNothingIsSet() {
        ConfigLoader l = load(null, Map.of(), Map.of());
        SensorConfig c = l.config();
        assertEquals("127.0.0.1", c.host());
        assertEquals(7701, c.port());
        assertNull(c.token());
        assertEquals(50_000_000L, c.verdictTimeoutNanos());
        assertFalse(c.timeoutConfigured());
        assertEquals(FailMode.OPEN, c.failMode());
        assertEquals(Log.INFO, c.logLevel());
        assertEquals("", c.app());
        assertTrue(l.problems().isEmpty());
    }

    @Test
    void agentArgumentsAreParsed() {
        SensorConfig c = load("correlator=10.0.0.5:9000,token=s3cret-token-0123456,timeout=20ms,fail=closed,"
                + "log=debug,app=shop", Map.of(), Map.of()).config();
        assertEquals("10.0.0.5", c.host());
        assertEquals(9000, c.port());
        assertEquals("s3cret-token-0123456", c.token());
        assertEquals(20_000_000L, c.verdictTimeoutNanos());
        assertTrue(c.timeoutConfigured());
        assertEquals(FailMode.CLOSED, c.failMode());
        assertEquals(Log.DEBUG, c.logLevel());
        assertEquals("shop", c.app());
    }

    @Test
    void argsBeatSystemPropertiesBeatEnvironment() {
        Map<String, String> props = Map.of("pincer.token", "from-props", "pincer.app", "props-app",
                "pincer.fail", "closed");
        Map<String, String> env = Map.of("PINCER_TOKEN", "from-env", "PINCER_APP", "env-app", "PINCER_FAIL", "open",
                "PINCER_LOG", "warn", "PINCER_CORRELATOR", "[::1]:7702", "PINCER_VERDICT_TIMEOUT", "1s");
        SensorConfig c = load("app=args-app", props, env).config();
        assertEquals("args-app", c.app());
        assertEquals("from-props", c.token());
        assertEquals(FailMode.CLOSED, c.failMode());
        assertEquals(Log.WARN, c.logLevel());
        assertEquals("::1", c.host());
        assertEquals(7702, c.port());
        assertEquals(1_000_000_000L, c.verdictTimeoutNanos());
    }

    @Test
    void badValuesFallBackToDefaultsWithOneLineEach() {
        ConfigLoader l = load("timeout=-5ms,fail=maybe,log=loud,correlator=nohost", Map.of(), Map.of());
        SensorConfig c = l.config();
        assertEquals(50_000_000L, c.verdictTimeoutNanos());
        assertEquals(FailMode.OPEN, c.failMode());
        assertEquals(Log.INFO, c.logLevel());
        assertEquals(7701, c.port());
        assertEquals(4, l.problems().size(), l.problems().toString());
        assertEquals("timeout: -5ms (expected: a positive duration up to 60s, such as 50ms or 1s); using the default,"
                + " 50ms until the correlator suggests one", l.problems().get(1));
        assertTrue(l.problems().get(0).startsWith("correlator: nohost (expected: host:port"));
        assertTrue(l.problems().get(2).startsWith("fail: maybe (expected: open or closed)"));
        assertTrue(l.problems().get(3).startsWith("log: loud (expected: off, error, warn, info or debug)"));
    }

    @Test
    void badValueFromEnvironmentNamesTheVariable() {
        ConfigLoader l = load(null, Map.of(), Map.of("PINCER_VERDICT_TIMEOUT", "soon"));
        assertEquals(1, l.problems().size());
        assertTrue(l.problems().get(0).startsWith("PINCER_VERDICT_TIMEOUT: soon (expected:"), l.problems().get(0));
    }

    @Test
    void unknownAgentArgumentIsReportedAndIgnored() {
        ConfigLoader l = load("tokne=x,token=abc", Map.of(), Map.of());
        assertEquals("abc", l.config().token());
        assertEquals(1, l.problems().size());
        assertTrue(l.problems().get(0).contains("tokne: unknown key"));
    }

    @Test
    void tokenIsNeverEchoed() {
        ConfigLoader l = load("token", Map.of(), Map.of());
        assertTrue(l.problems().get(0).startsWith("agent argument token: no value"));
        assertFalse(load("token=hunter2-hunter2", Map.of(), Map.of()).config().toString().contains("hunter2"));
    }

    @Test
    void durations() {
        assertEquals(50_000_000L, ConfigLoader.parseDuration("50ms"));
        assertEquals(50_000_000L, ConfigLoader.parseDuration("50"));
        assertEquals(1_500_000_000L, ConfigLoader.parseDuration("1.5s"));
        assertEquals(250_000L, ConfigLoader.parseDuration("250us"));
        assertEquals(-1, ConfigLoader.parseDuration("ms"));
        assertEquals(-1, ConfigLoader.parseDuration("-1s"));
        assertEquals(-1, ConfigLoader.parseDuration("1e3ms"));
        assertEquals(-1, ConfigLoader.parseDuration("fast"));
    }

    @Test
    void hostPorts() {
        assertNull(ConfigLoader.parseHostPort("localhost"));
        assertNull(ConfigLoader.parseHostPort("localhost:0"));
        assertNull(ConfigLoader.parseHostPort("localhost:65536"));
        assertNull(ConfigLoader.parseHostPort(":7701"));
        assertNull(ConfigLoader.parseHostPort("::1:7701"));
        assertEquals("localhost", ConfigLoader.parseHostPort("localhost:1").host);
        assertEquals(65535, ConfigLoader.parseHostPort("[fe80::1]:65535").port);
    }
}
