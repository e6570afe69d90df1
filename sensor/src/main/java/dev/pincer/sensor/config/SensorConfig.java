package dev.pincer.sensor.config;

import dev.pincer.sensor.log.Log;

/**
 * The sensor's settings, validated once at premain by {@link ConfigLoader}. Immutable.
 */
public final class SensorConfig {
    /** The correlator's default listen address (docs/configuration.md, {@code correlator.listen}). */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7701;
    /** Used until WELCOME suggests one, when none is configured; the correlator's own default. */
    public static final long DEFAULT_TIMEOUT_NANOS = 50_000_000L;

    private final String host;
    private final int port;
    private final String token;
    private final long verdictTimeoutNanos;
    private final boolean timeoutConfigured;
    private final FailMode failMode;
    private final int logLevel;
    private final String app;
    private final DeserFilter deserFilter;

    /**
     * Whether the sensor installs a process-wide deserialization filter ({@code deser_filter}):
     * {@code auto} on Java 17+ (a filter factory, which chains whatever the app sets), {@code on}
     * also on Java 9-16 when no JVM-wide filter is set, {@code off} never.
     */
    public enum DeserFilter { AUTO, ON, OFF }

    public SensorConfig(String host, int port, String token, long verdictTimeoutNanos, boolean timeoutConfigured,
            FailMode failMode, int logLevel, String app) {
        this(host, port, token, verdictTimeoutNanos, timeoutConfigured, failMode, logLevel, app, DeserFilter.AUTO);
    }

    public SensorConfig(String host, int port, String token, long verdictTimeoutNanos, boolean timeoutConfigured,
            FailMode failMode, int logLevel, String app, DeserFilter deserFilter) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port");
        }
        if (verdictTimeoutNanos <= 0) {
            throw new IllegalArgumentException("verdictTimeoutNanos");
        }
        if (failMode == null) {
            throw new NullPointerException("failMode");
        }
        this.host = host;
        this.port = port;
        this.token = token == null || token.isEmpty() ? null : token;
        this.verdictTimeoutNanos = verdictTimeoutNanos;
        this.timeoutConfigured = timeoutConfigured;
        this.failMode = failMode;
        this.logLevel = logLevel;
        this.app = app == null ? "" : app;
        if (deserFilter == null) {
            throw new NullPointerException("deserFilter");
        }
        this.deserFilter = deserFilter;
    }

    /** All defaults: no token. */
    public static SensorConfig defaults() {
        return new SensorConfig(DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_TIMEOUT_NANOS, false, FailMode.OPEN,
                Log.INFO, "");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The shared token, or {@code null} when none was given (then nothing can be verified). */
    public String token() {
        return token;
    }

    public long verdictTimeoutNanos() {
        return verdictTimeoutNanos;
    }

    /** True when the timeout was set by the operator: WELCOME's suggestion then does not apply. */
    public boolean timeoutConfigured() {
        return timeoutConfigured;
    }

    public FailMode failMode() {
        return failMode;
    }

    public int logLevel() {
        return logLevel;
    }

    public String app() {
        return app;
    }

    public DeserFilter deserFilter() {
        return deserFilter;
    }

    @Override
    public String toString() {
        // Never the token itself.
        return "correlator=" + host + ":" + port + ", token=" + (token == null ? "(none)" : "(set)")
                + ", timeout=" + (verdictTimeoutNanos / 1_000_000.0) + "ms"
                + (timeoutConfigured ? "" : " (until the correlator suggests one)")
                + ", fail=" + failMode.name().toLowerCase(java.util.Locale.ROOT)
                + ", log=" + Log.name(logLevel) + ", app=" + app
                + (deserFilter == DeserFilter.AUTO ? "" : ", deser_filter=" + deserFilter.name().toLowerCase(java.util.Locale.ROOT));
    }
}
