package dev.pincer.correlator.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Every metric of the correlator, registered in the registry it is given (the proxy's, so one
 * {@code /metrics} shows both). Label values are bounded: sink kinds, actions, protocol error
 * codes and suspect outcomes are enum labels. Hot-path users resolve their children once; the
 * per-CHECK metrics skip exemplar sampling (a check per increment, and no trace to link to).
 */
public final class CorrelatorMetrics {
    /** A loopback verdict is tens of microseconds; 100 ms is twice the default verdict timeout. */
    private static final double[] VERDICT_BUCKETS = {
        0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1};

    /** {@code kind} (sql, exec, ...), {@code verdict} (allow, block, monitor, observed). */
    public final Counter sinkChecks;
    /**
     * From decoded CHECK to VERDICT written: waiting for an analysis thread, analysis, policy,
     * bookkeeping. What a sensor waits for, less the network.
     */
    public final Histogram verdictSeconds;
    public final Gauge sensorsConnected;
    public final Counter failOpen;
    public final Counter failClosed;
    public final Counter timeouts;
    /** {@code code}: the ERROR code's name. */
    public final Counter protocolErrors;
    /** {@code outcome}: confirmed, cleared. */
    public final Counter edgeSuspect;
    public final Gauge requestContexts;
    /** {@code kind}. */
    public final Counter analyzerErrors;
    /** {@code kind}: verdicts the sensor did not wait for (TIMEOUT, or judged past a v1 sensor's timeout). */
    public final Counter lateVerdicts;
    /** {@code applied}: fail_open, fail_closed. TIMEOUT frames received. */
    public final Counter timeoutFrames;
    /** {@code outcome}: applied (known context), ignored (empty, unknown or expired context). */
    public final Counter appViewFrames;
    /** {@code reason}: request_checks, request_time, queue_full. Checks decided without analysis. */
    public final Counter analysisLimited;
    public final Gauge analysisQueued;
    /** Sink checks whose analysis hit a work budget, decided by {@code on_analysis_limit}, by sink kind. */
    public final Counter analysisLimits;

    public CorrelatorMetrics(CollectorRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        sinkChecks = Counter.build("pincer_sink_checks_total",
                "Sink CHECKs judged, by sink kind and verdict (allow, block, monitor, observed).")
                .labelNames("kind", "verdict").withoutExemplars().register(registry);
        verdictSeconds = Histogram.build("pincer_sink_verdict_seconds",
                "Time the correlator spent judging one CHECK.").buckets(VERDICT_BUCKETS).withoutExemplars()
                .register(registry);
        sensorsConnected = Gauge.build("pincer_sensors_connected",
                "Sensor connections that completed the handshake.").register(registry);
        failOpen = Counter.build("pincer_sensor_fail_open_total",
                "Sink calls sensors let run without a verdict (from their REPORTs).").register(registry);
        failClosed = Counter.build("pincer_sensor_fail_closed_total",
                "Sink calls sensors blocked for want of a verdict (from their REPORTs).").register(registry);
        timeouts = Counter.build("pincer_sensor_timeouts_total",
                "Verdicts sensors gave up waiting for (from their REPORTs).").register(registry);
        protocolErrors = Counter.build("pincer_sensor_protocol_errors_total",
                "ERROR frames the correlator sent to sensors, by code.").labelNames("code").register(registry);
        edgeSuspect = Counter.build("pincer_edge_suspect_total",
                "Requests the edge marked suspect, by what their sinks showed (confirmed, cleared).")
                .labelNames("outcome").register(registry);
        requestContexts = Gauge.build("pincer_request_contexts",
                "Request contexts held (approximate).").register(registry);
        analyzerErrors = Counter.build("pincer_analyzer_errors_total",
                "Analyzer exceptions, treated as no finding, by sink kind.").labelNames("kind").register(registry);
        lateVerdicts = Counter.build("pincer_sink_late_verdicts_total",
                "Verdicts the sensor did not wait for: it sent TIMEOUT, or (v1) judging took longer than "
                        + "the announced verdict timeout.").labelNames("kind").register(registry);
        timeoutFrames = Counter.build("pincer_sensor_timeout_frames_total",
                "TIMEOUT frames from sensors, by what the sensor did (fail_open, fail_closed).")
                .labelNames("applied").register(registry);
        appViewFrames = Counter.build("pincer_app_view_frames_total",
                "INPUTS frames (the app's own view), applied to a live context or ignored.")
                .labelNames("outcome").register(registry);
        analysisLimited = Counter.build("pincer_analysis_limited_total",
                "Checks decided as an analysis limit without analysis, by reason (request_checks, "
                        + "request_time, queue_full).").labelNames("reason").register(registry);
        analysisQueued = Gauge.build("pincer_analysis_queued",
                "Checks waiting for an analysis thread.").register(registry);
        for (String a : new String[] {"fail_open", "fail_closed"}) {
            timeoutFrames.labels(a);
        }
        appViewFrames.labels("applied");
        appViewFrames.labels("ignored");
        for (String r : new String[] {"request_checks", "request_time", "queue_full"}) {
            analysisLimited.labels(r);
        }
        analysisLimits = Counter.build("pincer_analysis_limit_total",
                "Sink checks whose analysis hit a work budget (decided by on_analysis_limit), by sink kind.")
                .labelNames("kind").register(registry);
        edgeSuspect.labels("confirmed");
        edgeSuspect.labels("cleared");
    }

    /** Makes {@code pincer_analysis_queued} read {@code size} at each scrape. */
    public void analysisQueue(DoubleSupplier size) {
        analysisQueued.setChild(new Gauge.Child() {
            @Override
            public double get() {
                return size.getAsDouble();
            }
        });
    }

    /** Makes {@code pincer_request_contexts} read {@code size} at each scrape. */
    public void contextCount(DoubleSupplier size) {
        requestContexts.setChild(new Gauge.Child() {
            @Override
            public double get() {
                return size.getAsDouble();
            }
        });
    }
}
