package dev.pincer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code correlator} section: the sensor protocol's settings (where sensors connect, how they
 * authenticate, what they may send) and the analyzers' own (redirect allowlist, exec policy,
 * deserialization). How sink verdicts and edge findings combine is the policy's, in
 * {@link ProtectionConfig}; {@code correlator.mode}, {@code on_analysis_limit} and
 * {@code body_prefix_bytes} moved there. Absent section: no correlator, edge-only operation.
 *
 * <p>Example: {@code correlator: {token_file: /run/secrets/pincer}} is every default below with
 * that token.
 *
 * @param listen            where the sensor protocol server binds; loopback by default
 * @param token             the shared secret sensors prove they hold (HMAC handshake) and that
 *                          signs the request-context header; at least 16 characters
 * @param verdictTimeout    advertised to sensors as their default wait for a verdict
 * @param maxSensors        sensor connections accepted at once; more are refused
 * @param maxFrameBytes     the largest frame a sensor may send
 * @param maxInFlight       CHECKs a sensor may have outstanding on one connection (advertised)
 * @param contextTtl        how long a request context lives after its request started, at most
 * @param maxContexts       request contexts held at once; the oldest are evicted past it
 * @param redirectAllowlist external hosts a redirect may go to ({@code example.com}, {@code *.example.com})
 * @param exec              what to do with process execution independent of input
 * @param execBaseline      the baseline file ({@code pincer baseline}) when {@code exec} is {@code baseline}
 * @param analysis          where and within what share sink checks are analysed
 * @param deserialization   which classes a sensor may let the application deserialize
 */
public record CorrelatorConfig(
        HostPort listen,
        String token,
        Duration verdictTimeout,
        int maxSensors,
        int maxFrameBytes,
        int maxInFlight,
        Duration contextTtl,
        int maxContexts,
        List<String> redirectAllowlist,
        ExecPolicy exec,
        Path execBaseline,
        Analysis analysis,
        Deserialization deserialization) {

    /** Loopback: sensors are on the same host or pod, and the port must not face the network. */
    public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 7701);
    /**
     * A loopback round trip is ~0.1 ms and analysis is bounded to milliseconds, so the timeout is a
     * last resort for a correlator that is connected but stuck, never the usual way a check ends:
     * 1 s rides out CPU saturation (200 busy app threads on 2 cores queue checks for tens of ms) and
     * GC pauses, where 50 ms let attacks fail open while the correlator was reachable.
     */
    public static final Duration DEFAULT_VERDICT_TIMEOUT = Duration.ofSeconds(1);
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
    /** The shortest token accepted: 16 characters of a random secret. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public CorrelatorConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(verdictTimeout, "verdictTimeout");
        Objects.requireNonNull(contextTtl, "contextTtl");
        redirectAllowlist = List.copyOf(redirectAllowlist);
        Objects.requireNonNull(exec, "exec");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(deserialization, "deserialization");
    }

    /** The section without {@code deserialization}: {@link Deserialization#DEFAULTS} (the deny-list alone). */
    public CorrelatorConfig(HostPort listen, String token, Duration verdictTimeout, int maxSensors,
                            int maxFrameBytes, int maxInFlight, Duration contextTtl, int maxContexts,
                            List<String> redirectAllowlist, ExecPolicy exec, Path execBaseline, Analysis analysis) {
        this(listen, token, verdictTimeout, maxSensors, maxFrameBytes, maxInFlight, contextTtl, maxContexts,
                redirectAllowlist, exec, execBaseline, analysis, Deserialization.DEFAULTS);
    }

    /** The section without {@code analysis} and {@code deserialization}: their defaults. */
    public CorrelatorConfig(HostPort listen, String token, Duration verdictTimeout, int maxSensors,
                            int maxFrameBytes, int maxInFlight, Duration contextTtl, int maxContexts,
                            List<String> redirectAllowlist, ExecPolicy exec, Path execBaseline) {
        this(listen, token, verdictTimeout, maxSensors, maxFrameBytes, maxInFlight, contextTtl, maxContexts,
                redirectAllowlist, exec, execBaseline, Analysis.DEFAULTS);
    }

    /**
     * The analysis executor and the share of it one request may use (docs/correlation.md,
     * "Analysis"). Keys {@code analysis_threads}, {@code analysis_queue},
     * {@code request_analysis_checks}, {@code request_analysis_time}.
     *
     * @param threads        analysis threads; 0 means one per available processor
     * @param queue          checks waiting for a thread, at most; past it a check is decided as an
     *                       analysis limit (block by default)
     * @param requestChecks  checks of one request queued or running at once, at most; past it the
     *                       next is decided as an analysis limit
     * @param requestTime    analysis time one request may use in total; past it its next checks are
     *                       decided as an analysis limit
     */
    public record Analysis(int threads, int queue, int requestChecks, Duration requestTime) {
        /** One thread per core: analysis is CPU-bound, more threads would only queue in the scheduler. */
        public static final int DEFAULT_THREADS = 0;
        /**
         * At the ~0.1 ms a check takes, 1024 queued checks are ~50 ms of work for two threads: a check
         * queued behind more would outlive the default verdict timeout anyway.
         */
        public static final int DEFAULT_QUEUE = 1024;
        /**
         * A servlet request calls its sinks from one thread, one at a time; 8 at once allows some
         * fan-out while bounding how long one request can hold the threads others wait for.
         */
        public static final int DEFAULT_REQUEST_CHECKS = 8;
        /** Ordinary requests use well under 10 ms of analysis; 1 s is a hundred times that. */
        public static final Duration DEFAULT_REQUEST_TIME = Duration.ofSeconds(1);
        public static final Analysis DEFAULTS = new Analysis(DEFAULT_THREADS, DEFAULT_QUEUE, DEFAULT_REQUEST_CHECKS,
                DEFAULT_REQUEST_TIME);

        public Analysis {
            Objects.requireNonNull(requestTime, "requestTime");
            if (threads < 0 || queue < 1 || requestChecks < 1 || requestTime.isNegative() || requestTime.isZero()) {
                throw new IllegalArgumentException("analysis: " + threads + ", " + queue + ", " + requestChecks + ", "
                        + requestTime + " (expected: threads >= 0, queue >= 1, request checks >= 1, a positive time)");
            }
        }

        /** {@link #threads}, with 0 resolved to the processors this JVM may use. */
        public int resolvedThreads() {
            return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Which classes Java deserialization may instantiate (docs/configuration.md, "Deserialization").
     * Keys {@code deserialization.mode} and {@code deserialization.allow}.
     *
     * @param mode  {@code denylist}: every class but the published gadget classes; {@code allowlist}:
     *              only the classes {@code allow} names, the few JDK value classes every stream
     *              needs, and never a gadget class unless {@code allow} names it at least as
     *              precisely as the deny-list does
     * @param allow entries, each a binary class name ({@code com.shop.Cart}, covering its nested
     *              classes) or a package prefix ending in {@code .} ({@code com.shop.model.})
     */
    public record Deserialization(DeserializationMode mode, List<String> allow) {
        /** The deny-list alone: safe for every app, with nothing to configure. */
        public static final Deserialization DEFAULTS = new Deserialization(DeserializationMode.DENYLIST, List.of());
        /** More entries than any real model has packages; bounds the list an analyzer holds. */
        public static final int MAX_ALLOW = 4096;

        public Deserialization {
            Objects.requireNonNull(mode, "mode");
            allow = List.copyOf(allow);
            if (allow.size() > MAX_ALLOW) {
                throw new IllegalArgumentException("deserialization.allow: " + allow.size()
                        + " entries (expected: at most " + MAX_ALLOW + ")");
            }
        }
    }

    /** How {@link Deserialization#allow} is read. */
    public enum DeserializationMode {
        /** Refuse the deny-list's gadget classes; {@code allow} only exempts gadget entries it names precisely. */
        DENYLIST,
        /** Refuse every class {@code allow} does not name (and the gadget classes it does not name precisely). */
        ALLOWLIST
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
