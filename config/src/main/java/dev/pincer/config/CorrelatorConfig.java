package dev.pincer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code correlator} section: where sensors connect, how they authenticate, and how sink
 * verdicts combine with edge findings. Absent section: no correlator, edge-only operation.
 *
 * @param listen            where the sensor protocol server binds; loopback by default
 * @param token             the shared secret sensors prove they hold (HMAC handshake) and that
 *                          signs the request-context header; at least 16 characters
 * @param verdictTimeout    advertised to sensors as their default wait for a verdict
 * @param mode              how sink verdicts and edge findings combine
 * @param maxSensors        sensor connections accepted at once; more are refused
 * @param maxFrameBytes     the largest frame a sensor may send
 * @param maxInFlight       CHECKs a sensor may have outstanding on one connection (advertised)
 * @param contextTtl        how long a request context lives after its request started, at most
 * @param maxContexts       request contexts held at once; the oldest are evicted past it
 * @param bodyPrefixBytes   how much of a request body the proxy hands inspection for inputs
 * @param redirectAllowlist external hosts a redirect may go to ({@code example.com}, {@code *.example.com})
 * @param exec              what to do with process execution independent of input
 * @param execBaseline      the baseline file ({@code pincer baseline}) when {@code exec} is {@code baseline}
 * @param onAnalysisLimit   what a sink check whose analysis hit a work budget gets
 */
public record CorrelatorConfig(
        HostPort listen,
        String token,
        Duration verdictTimeout,
        Mode mode,
        int maxSensors,
        int maxFrameBytes,
        int maxInFlight,
        Duration contextTtl,
        int maxContexts,
        int bodyPrefixBytes,
        List<String> redirectAllowlist,
        ExecPolicy exec,
        Path execBaseline,
        OnAnalysisLimit onAnalysisLimit) {

    /** Loopback: sensors are on the same host or pod, and the port must not face the network. */
    public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 7701);
    /** A loopback round trip is ~0.1 ms; 50 ms covers a GC pause without stalling a request long. */
    public static final Duration DEFAULT_VERDICT_TIMEOUT = Duration.ofMillis(50);
    /** A sidecar has one app; a gateway a few dozen. 256 bounds file descriptors and memory. */
    public static final int DEFAULT_MAX_SENSORS = 256;
    /** A megabyte holds any real SQL statement or argv; larger frames are abuse. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
    /** Enough for a busy app's thread pool several times over; bounds per-connection memory. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1024;
    /** Longer than any sane request; contexts are dropped as soon as their response ends anyway. */
    public static final Duration DEFAULT_CONTEXT_TTL = Duration.ofMinutes(5);
    /** 100k contexts at a few KB each: bounded to a few hundred MB in the worst case. */
    public static final int DEFAULT_MAX_CONTEXTS = 100_000;
    /** 64 KiB covers ordinary forms and JSON APIs; uploads beyond it are inspected by prefix. */
    public static final int DEFAULT_BODY_PREFIX_BYTES = 64 * 1024;
    /** The shortest token accepted: 16 characters of a random secret. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** The attacker chose the cost of an analysis that hit its budget, so it blocks unless told otherwise. */
    public static final OnAnalysisLimit DEFAULT_ON_ANALYSIS_LIMIT = OnAnalysisLimit.BLOCK;

    /** The section without {@code on_analysis_limit}: {@link #DEFAULT_ON_ANALYSIS_LIMIT}. */
    public CorrelatorConfig(HostPort listen, String token, Duration verdictTimeout, Mode mode, int maxSensors,
                            int maxFrameBytes, int maxInFlight, Duration contextTtl, int maxContexts,
                            int bodyPrefixBytes, List<String> redirectAllowlist, ExecPolicy exec, Path execBaseline) {
        this(listen, token, verdictTimeout, mode, maxSensors, maxFrameBytes, maxInFlight, contextTtl, maxContexts,
                bodyPrefixBytes, redirectAllowlist, exec, execBaseline, DEFAULT_ON_ANALYSIS_LIMIT);
    }

    public CorrelatorConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(verdictTimeout, "verdictTimeout");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(contextTtl, "contextTtl");
        redirectAllowlist = List.copyOf(redirectAllowlist);
        Objects.requireNonNull(exec, "exec");
        Objects.requireNonNull(onAnalysisLimit, "onAnalysisLimit");
    }

    /**
     * What a sink check gets when its analysis hits a work budget (occurrence search, SQL tokens,
     * ...) before it could decide: the {@code analysis_limit} finding is blocked like an attack, or
     * only recorded.
     */
    public enum OnAnalysisLimit {
        /** Block (hybrid), would-block (monitor): an attacker can make any input expensive. */
        BLOCK,
        /** Let the sink run and record the event: for apps whose own sink arguments are huge. */
        ALLOW
    }

    /** How sink verdicts and edge findings combine; the table is in docs/correlation.md. */
    public enum Mode {
        /** Sink-covered classes are decided at the sink; the rest at the edge. */
        HYBRID,
        /** Everything is decided at the edge; sink checks are recorded, never block. */
        EDGE,
        /** Nothing is blocked; every decision is logged as it would have been made in hybrid mode. */
        MONITOR
    }

    /** Input-independent policy for process execution. */
    public enum ExecPolicy {
        /** Exec is judged only by the command-injection analyzer. */
        ALLOW,
        /** Every exec is blocked: for apps that never start processes. */
        DENY,
        /** Exec of an executable whose hash is not in the baseline file is blocked (drift). */
        BASELINE
    }
}
