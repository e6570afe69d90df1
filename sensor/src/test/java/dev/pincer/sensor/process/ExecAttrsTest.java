package dev.pincer.sensor.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8's exec attrs: {@code exec.form}/{@code exec.command} for {@code Runtime.exec(String)}, and
 * the environment entries that differ from the JVM's, with every bound at its limit and one past.
 */
class ExecAttrsTest {
    private static Map<String, String> attrs(List<String> pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            m.put(pairs.get(i), pairs.get(i + 1));
        }
        return m;
    }

    private static Map<String, String> form(String command, String... argv) {
        List<String> out = new ArrayList<>();
        ExecSink.form(out, command, Arrays.asList(argv));
        return attrs(out);
    }

    @Test
    void aCommandThatSplitsIntoTheArgvIsReportedWithItsString() {
        assertEquals(Map.of("exec.form", "string", "exec.command", "ping -c\t1  x"),
                form("ping -c\t1  x", "ping", "-c", "1", "x"));
        assertEquals(Map.of("exec.form", "string", "exec.command", "a\nb\rc\fd"), form("a\nb\rc\fd", "a", "b", "c", "d"));
    }

    @Test
    void noCommandOrAnotherOneIsAnArgv() {
        assertEquals(Map.of("exec.form", "argv"), form(null, "ping", "x"));
        assertEquals(Map.of("exec.form", "argv"), form("ping x y", "ping", "x"));
        assertEquals(Map.of("exec.form", "argv"), form("ping", "ping", "x"));
        assertEquals(Map.of("exec.form", "argv"), form("ping 'a b'", "ping", "'a b'"));
    }

    @Test
    void theCommandIsSentUpToItsLimit() {
        String at = "x" + " ".repeat(ExecSink.MAX_COMMAND - 1);
        assertEquals(at, form(at, "x").get("exec.command"));
        String over = at + " ";
        Map<String, String> m = form(over, "x");
        assertEquals("string", m.get("exec.form"));
        assertFalse(m.containsKey("exec.command"), "a command past the limit is not sent");
    }

    private static Map<String, String> env(Map<String, String> child, Map<String, String> jvm) {
        List<String> out = new ArrayList<>();
        ExecEnvironment.attrs(out, child, jvm);
        return attrs(out);
    }

    private static Map<String, String> entries(int n, int nameLength, int valueLength) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("V%0" + Math.max(1, nameLength - 1) + "d", i);
            m.put(name, "v".repeat(valueLength));
        }
        return m;
    }

    @Test
    void onlyWhatDiffersFromTheJvmsEnvironmentIsSent() {
        Map<String, String> jvm = Map.of("PATH", "/usr/bin", "HOME", "/root");
        Map<String, String> child = new LinkedHashMap<>();
        child.put("PATH", "/usr/bin");
        child.put("HOME", "/tmp/evil");
        child.put("LD_PRELOAD", "/tmp/x.so");
        assertEquals(Map.of("env.HOME", "/tmp/evil", "env.LD_PRELOAD", "/tmp/x.so"), env(child, jvm));
        assertEquals(Map.of(), env(null, jvm), "an inherited environment sends nothing");
        assertEquals(Map.of(), env(new LinkedHashMap<>(jvm), jvm));
    }

    static Stream<Arguments> bounds() {
        int n = ExecEnvironment.MAX_ENV_ENTRIES;
        int name = ExecEnvironment.MAX_ENV_NAME;
        int value = ExecEnvironment.MAX_ENV_VALUE;
        int perEntry = ExecEnvironment.MAX_ENV_CHARS / 4;
        return Stream.of(
                Arguments.of("entries at the limit", entries(n, 4, 1), n, 0L),
                Arguments.of("entries past the limit", entries(n + 1, 4, 1), n, 1L),
                Arguments.of("a name at the limit", entries(1, name, 1), 1, 0L),
                Arguments.of("a name past the limit is cut", entries(1, name + 1, 1), 1, 1L),
                Arguments.of("a value at the limit", entries(1, 4, value), 1, 0L),
                Arguments.of("a value past the limit is cut", entries(1, 4, value + 1), 1, 1L),
                Arguments.of("characters at the limit", entries(4, 4, perEntry - 4), 4, 0L),
                Arguments.of("characters past the limit", entries(4, 4, perEntry - 3), 3, 1L),
                Arguments.of("entries scanned past the limit", entries(ExecEnvironment.MAX_ENV_SCANNED + 1, 5, 0), n,
                        (long) ExecEnvironment.MAX_ENV_SCANNED - n + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void environmentBounds(String what, Map<String, String> child, int sent, long truncated) {
        Map<String, String> m = env(child, Map.of());
        long envs = m.keySet().stream().filter(k -> k.startsWith("env.")).count();
        assertEquals(sent, envs, what);
        assertEquals(truncated == 0 ? null : String.valueOf(truncated), m.get("exec.env_truncated"), what);
        assertTrue(m.keySet().stream().allMatch(k -> k.length() <= 4 + ExecEnvironment.MAX_ENV_NAME
                || k.equals("exec.env_truncated")), what);
        assertTrue(m.values().stream().allMatch(v -> v.length() <= ExecEnvironment.MAX_ENV_VALUE), what);
        assertTrue(m.size() + 4 <= 64, "with exe.path, exe.sha256, exec.form and exec.command: the spec's 64 attrs");
    }
}
