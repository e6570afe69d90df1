package dev.pincer.sensor.config;

import dev.pincer.sensor.log.Log;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link SensorConfig} from the three places a sensor is configured, highest precedence
 * first:
 *
 * <ol>
 *   <li>agent arguments: {@code -javaagent:pincer-sensor.jar=correlator=127.0.0.1:7701,token_file=/run/secrets/pincer,timeout=50ms}
 *       (comma-separated {@code key=value}; a token with a comma must come from elsewhere);</li>
 *   <li>system properties: {@code pincer.correlator}, {@code pincer.token}, {@code pincer.token_file},
 *       {@code pincer.verdict_timeout}, {@code pincer.fail}, {@code pincer.log}, {@code pincer.app};</li>
 *   <li>environment: {@code PINCER_CORRELATOR}, {@code PINCER_TOKEN}, {@code PINCER_TOKEN_FILE},
 *       {@code PINCER_VERDICT_TIMEOUT}, {@code PINCER_FAIL}, {@code PINCER_LOG}, {@code PINCER_APP}.</li>
 * </ol>
 * The token comes from {@code token} itself or from the file {@code token_file} names (its content
 * without the trailing line break), so it never has to be on a command line; with both set, that is
 * a problem, and the file wins.
 *
 * <p>A bad value never stops the app: it yields one problem line naming the key, the value and the
 * expected form, and the key falls back to its default. The token is never echoed.
 */
public final class ConfigLoader {
    /** A source of raw values by name ({@code System::getProperty}, {@code System::getenv}). */
    public interface Source {
        String get(String name);
    }

    /** The longest verdict timeout accepted: a sink waiting longer would stall the app. */
    static final long MAX_TIMEOUT_NANOS = 60_000_000_000L;

    private static final String[] KEYS = {"correlator", "token", "timeout", "fail", "log", "app", "token_file",
        "deser_filter"};
    private static final String[] PROPS = {"pincer.correlator", "pincer.token", "pincer.verdict_timeout",
        "pincer.fail", "pincer.log", "pincer.app", "pincer.token_file", "pincer.deser_filter"};
    private static final String[] ENVS = {"PINCER_CORRELATOR", "PINCER_TOKEN", "PINCER_VERDICT_TIMEOUT",
        "PINCER_FAIL", "PINCER_LOG", "PINCER_APP", "PINCER_TOKEN_FILE", "PINCER_DESER_FILTER"};
    /** A token file is a secret of a few dozen bytes; anything much larger is the wrong file. */
    static final int MAX_TOKEN_FILE_BYTES = 4096;

    private final List<String> problems = new ArrayList<>();
    private SensorConfig config;

    private ConfigLoader() {
    }

    /** Loads from the agent arguments, this JVM's system properties and environment. */
    public static ConfigLoader load(String agentArgs) {
        return load(agentArgs, System::getProperty, System::getenv);
    }

    public static ConfigLoader load(String agentArgs, Source sysprops, Source env) {
        ConfigLoader loader = new ConfigLoader();
        loader.config = loader.build(agentArgs, sysprops, env);
        return loader;
    }

    public SensorConfig config() {
        return config;
    }

    /** One line per bad value or unknown argument, in the order found. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    private SensorConfig build(String agentArgs, Source sysprops, Source env) {
        Map<String, String> args = parseArgs(agentArgs);
        String[] raw = new String[KEYS.length];
        String[] origin = new String[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            if (args.containsKey(KEYS[i])) {
                raw[i] = args.get(KEYS[i]);
                origin[i] = KEYS[i];
                continue;
            }
            String v = safeGet(sysprops, PROPS[i]);
            if (v != null) {
                raw[i] = v;
                origin[i] = PROPS[i];
                continue;
            }
            v = safeGet(env, ENVS[i]);
            if (v != null) {
                raw[i] = v;
                origin[i] = ENVS[i];
            }
        }

        String host = SensorConfig.DEFAULT_HOST;
        int port = SensorConfig.DEFAULT_PORT;
        if (raw[0] != null) {
            HostPort hp = parseHostPort(raw[0].trim());
            if (hp == null) {
                problem(origin[0], raw[0], "host:port, such as 127.0.0.1:7701",
                        SensorConfig.DEFAULT_HOST + ":" + SensorConfig.DEFAULT_PORT);
            } else {
                host = hp.host;
                port = hp.port;
            }
        }

        String token = raw[1];
        if (token != null && token.trim().isEmpty()) {
            problems.add(origin[1] + ": (empty) (expected: the correlator's shared token); using none");
            token = null;
        }
        if (raw[6] != null) {
            String fromFile = readTokenFile(origin[6], raw[6].trim());
            if (fromFile != null) {
                if (raw[1] != null) {
                    problems.add(origin[1] + " and " + origin[6] + " are both set (expected: one of them);"
                            + " using " + origin[6]);
                }
                token = fromFile;
            }
        }

        long timeout = SensorConfig.DEFAULT_TIMEOUT_NANOS;
        boolean timeoutConfigured = false;
        if (raw[2] != null) {
            long t = parseDuration(raw[2].trim());
            if (t <= 0 || t > MAX_TIMEOUT_NANOS) {
                problem(origin[2], raw[2], "a positive duration up to 60s, such as 50ms or 1s",
                        "50ms until the correlator suggests one");
            } else {
                timeout = t;
                timeoutConfigured = true;
            }
        }

        FailMode fail = FailMode.OPEN;
        if (raw[3] != null) {
            String v = raw[3].trim().toLowerCase(Locale.ROOT);
            if (v.equals("open")) {
                fail = FailMode.OPEN;
            } else if (v.equals("closed")) {
                fail = FailMode.CLOSED;
            } else {
                problem(origin[3], raw[3], "open or closed", "open");
            }
        }

        int level = Log.INFO;
        if (raw[4] != null) {
            int l = Log.parse(raw[4].trim());
            if (l < 0) {
                problem(origin[4], raw[4], "off, error, warn, info or debug", "info");
            } else {
                level = l;
            }
        }

        String app = raw[5] == null ? "" : raw[5].trim();

        SensorConfig.DeserFilter deserFilter = SensorConfig.DeserFilter.AUTO;
        if (raw[7] != null) {
            String v = raw[7].trim().toUpperCase(Locale.ROOT);
            if (v.equals("AUTO") || v.equals("ON") || v.equals("OFF")) {
                deserFilter = SensorConfig.DeserFilter.valueOf(v);
            } else {
                problem(origin[7], raw[7], "auto, on or off", "auto");
            }
        }
        return new SensorConfig(host, port, token, timeout, timeoutConfigured, fail, level, app, deserFilter);
    }

    /**
     * The token in {@code path}: the file's content without its trailing line break(s). A missing,
     * unreadable, empty or oversized file is a problem, and then {@code null}.
     */
    private String readTokenFile(String key, String path) {
        try {
            java.nio.file.Path p = java.nio.file.Paths.get(path);
            if (java.nio.file.Files.size(p) > MAX_TOKEN_FILE_BYTES) {
                problems.add(key + ": " + path + " is over " + MAX_TOKEN_FILE_BYTES
                        + " bytes (expected: a file holding the correlator's shared token); ignored");
                return null;
            }
            String s = new String(java.nio.file.Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8);
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
                end--;
            }
            s = s.substring(0, end);
            if (s.trim().isEmpty()) {
                problems.add(key + ": " + path + " is empty (expected: a file holding the correlator's shared"
                        + " token); ignored");
                return null;
            }
            return s;
        } catch (java.io.IOException | RuntimeException e) {
            problems.add(key + ": " + path + " cannot be read (" + e.getClass().getSimpleName()
                    + "; expected: a readable file holding the correlator's shared token); ignored");
            return null;
        }
    }

    private void problem(String key, String value, String expected, String fallback) {
        problems.add(key + ": " + value + " (expected: " + expected + "); using the default, " + fallback);
    }

    private static String safeGet(Source source, String name) {
        try {
            String v = source.get(name);
            return v == null || v.isEmpty() ? null : v;
        } catch (RuntimeException e) {
            return null; // a SecurityManager refusing a property is no reason to fail
        }
    }

    private Map<String, String> parseArgs(String agentArgs) {
        Map<String, String> out = new LinkedHashMap<>();
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return out;
        }
        for (String item : agentArgs.split(",")) {
            String s = item.trim();
            if (s.isEmpty()) {
                continue;
            }
            int eq = s.indexOf('=');
            String key = (eq < 0 ? s : s.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (eq < 0) {
                problems.add("agent argument " + (key.equals("token") ? "token" : s)
                        + ": no value (expected: key=value, keys " + String.join(", ", KEYS) + ")");
                continue;
            }
            boolean known = false;
            for (String k : KEYS) {
                known |= k.equals(key);
            }
            if (!known) {
                problems.add("agent argument " + key + ": unknown key (expected one of " + String.join(", ", KEYS)
                        + "); ignored");
                continue;
            }
            out.put(key, s.substring(eq + 1).trim());
        }
        return out;
    }

    /**
     * Parses {@code 50ms}, {@code 1s}, {@code 1.5s}, {@code 500us}; a bare number is milliseconds.
     * Returns nanoseconds, or -1 when the text is not a duration.
     */
    static long parseDuration(String s) {
        String unit;
        long scale;
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ms")) {
            unit = "ms";
            scale = 1_000_000L;
        } else if (lower.endsWith("us")) {
            unit = "us";
            scale = 1_000L;
        } else if (lower.endsWith("s")) {
            unit = "s";
            scale = 1_000_000_000L;
        } else {
            unit = "";
            scale = 1_000_000L;
        }
        String number = lower.substring(0, lower.length() - unit.length()).trim();
        if (number.isEmpty() || !number.matches("[0-9]{1,12}(\\.[0-9]{1,9})?")) {
            return -1;
        }
        try {
            return new java.math.BigDecimal(number).multiply(java.math.BigDecimal.valueOf(scale)).longValue();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static final class HostPort {
        final String host;
        final int port;

        HostPort(String host, int port) {
            this.host = host;
            this.port = port;
        }
    }

    /** {@code host:port} or {@code [v6]:port}; {@code null} when malformed. */
    static HostPort parseHostPort(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            return null;
        }
        String host = s.substring(0, colon);
        String port = s.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            return null;
        }
        if (host.isEmpty() || !port.matches("[0-9]{1,5}")) {
            return null;
        }
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) {
            return null;
        }
        return new HostPort(host, p);
    }
}
