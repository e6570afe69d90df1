package dev.pincer.sensor.process;

import java.util.List;
import java.util.Map;

/**
 * The exec attrs for the child's environment: one {@code env.NAME=value} for each variable the
 * child gets that the JVM's own environment does not have with that value (the {@code envp} of
 * {@code Runtime.exec}, changes to {@code ProcessBuilder.environment()}). Bounded: at most
 * {@link #MAX_ENV_ENTRIES} entries, names cut to {@link #MAX_ENV_NAME} characters, values to
 * {@link #MAX_ENV_VALUE}, {@link #MAX_ENV_CHARS} in all, {@link #MAX_ENV_SCANNED} entries compared;
 * whatever was cut or left out is counted in {@code exec.env_truncated=N}, so the correlator knows
 * its view is incomplete. Variables the app removed are not reported.
 *
 * <p>Example: a builder environment {@code {PATH=<the JVM's>, LD_PRELOAD=/tmp/x.so}} gives
 * {@code env.LD_PRELOAD=/tmp/x.so} only.
 */
final class ExecEnvironment {
    /** Environment entries sent; with the other exec attrs this stays under the spec's 64 attrs. */
    static final int MAX_ENV_ENTRIES = 32;
    /** Real variable names are short; a longer one is cut (and counted as cut). */
    static final int MAX_ENV_NAME = 256;
    /** Long enough for a CLASSPATH or PATH; a longer value is cut (and counted as cut). */
    static final int MAX_ENV_VALUE = 16 * 1024;
    /** Names and values sent in all: at most 192 KiB of the frame (1 MiB by default). */
    static final int MAX_ENV_CHARS = 64 * 1024;
    /** Entries compared with the JVM's environment; past this the rest count as left out. */
    static final int MAX_ENV_SCANNED = 4096;

    private ExecEnvironment() {
    }

    /**
     * One {@code env.NAME=value} for each entry of the child's {@code environment} (null: it
     * inherits the JVM's, nothing to send) that {@code jvm} does not have with that value, within the
     * bounds; {@code exec.env_truncated=N} when N entries were cut or left out.
     */
    static void attrs(List<String> attrs, Map<String, String> environment, Map<String, String> jvm) {
        if (environment == null) {
            return;
        }
        int sent = 0;
        long chars = 0;
        long truncated = 0;
        int scanned = 0;
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (scanned++ == MAX_ENV_SCANNED) {
                truncated += environment.size() - MAX_ENV_SCANNED;
                break;
            }
            String name = e.getKey();
            String value = e.getValue();
            if (name == null || value == null || value.equals(jvm.get(name))) {
                continue;
            }
            boolean cut = name.length() > MAX_ENV_NAME || value.length() > MAX_ENV_VALUE;
            name = name.length() > MAX_ENV_NAME ? name.substring(0, MAX_ENV_NAME) : name;
            value = value.length() > MAX_ENV_VALUE ? value.substring(0, MAX_ENV_VALUE) : value;
            if (sent == MAX_ENV_ENTRIES || chars + name.length() + value.length() > MAX_ENV_CHARS) {
                truncated++;
                continue;
            }
            attrs.add("env." + name);
            attrs.add(value);
            sent++;
            chars += name.length() + value.length();
            if (cut) {
                truncated++;
            }
        }
        if (truncated > 0) {
            attrs.add("exec.env_truncated");
            attrs.add(String.valueOf(truncated));
        }
    }
}
