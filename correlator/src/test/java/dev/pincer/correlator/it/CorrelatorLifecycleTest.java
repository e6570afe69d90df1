package dev.pincer.correlator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.CorrelatorConfig.ExecPolicy;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.config.ProtectionConfig.OnAnalysisLimit;
import dev.pincer.correlator.Correlator;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.Configs;
import dev.pincer.correlator.testing.SensorClient;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Correlator#start(CorrelatorConfig, ProtectionConfig, CollectorRegistry)} builds and warms
 * its own analyzers from the config, {@link Correlator#reconfigure(CorrelatorConfig, ProtectionConfig)}
 * rebuilds them, and a request context's own mode (its route's) decides its checks.
 */
class CorrelatorLifecycleTest {
    private static final String ATTACK = "select * from users where id='1' OR '1'='1'";
    private static final RequestInputs INPUTS = new RequestInputs(
            List.of(Input.plain(InputSource.QUERY, "id", "1' OR '1'='1")), null, false);

    @TempDir
    Path tmp;
    private Correlator correlator;

    @AfterEach
    void stop() {
        if (correlator != null) {
            correlator.close();
        }
    }

    /** The real analyzers, built by the correlator itself: an SQL injection is blocked without the caller passing any. */
    @Test
    void startBuildsItsOwnAnalyzers() throws Exception {
        correlator = Correlator.start(Configs.of(), ProtectionConfig.DEFAULT, new CollectorRegistry(true));

        RequestContext ctx = correlator.contexts().open("r", "ip", "GET", "/", INPUTS);
        assertEquals(1, check(ctx).verdict(), "block");
        assertTrue(ctx.blocked());
    }

    /** A route in monitor mode under a hybrid correlator: its request's check answers monitor, not block. */
    @Test
    void aContextsOwnModeDecidesItsChecks() throws Exception {
        correlator = Correlator.start(Configs.of(), ProtectionConfig.DEFAULT, new CollectorRegistry(true));

        RequestContext monitored = correlator.contexts().open("r", "ip", "GET", "/", INPUTS, Mode.MONITOR);
        RequestContext edge = correlator.contexts().open("r2", "ip", "GET", "/", INPUTS, Mode.EDGE);
        assertEquals(2, check(monitored).verdict(), "monitor");
        assertFalse(monitored.blocked());
        assertEquals(0, check(edge).verdict(), "edge mode records only");
        assertFalse(edge.blocked());
    }

    /**
     * Regression: {@code reconfigure} rebuilt the config it keeps from a shorter constructor, so
     * {@code on_analysis_limit} and {@code deserialization} silently went back to their defaults
     * after a reload while the analyzers used the new ones.
     */
    @Test
    void reconfigureKeepsEveryReloadedSetting() throws Exception {
        correlator = Correlator.start(Configs.of(), ProtectionConfig.DEFAULT, new CollectorRegistry(true));
        CorrelatorConfig c = Configs.of();
        CorrelatorConfig.Deserialization allow = new CorrelatorConfig.Deserialization(
                CorrelatorConfig.DeserializationMode.ALLOWLIST, List.of("com.shop."));
        CorrelatorConfig next = new CorrelatorConfig(c.listen(), c.token(), c.verdictTimeout(), 3,
                c.maxFrameBytes(), 7, c.contextTtl(), c.maxContexts(), List.of("example.com"), ExecPolicy.DENY, null,
                c.analysis(), allow);
        ProtectionConfig protection = new ProtectionConfig(Mode.MONITOR, ProtectionConfig.DEFAULT.incomplete(),
                OnAnalysisLimit.ALLOW, 4096);

        correlator.reconfigure(next, protection);

        assertEquals(allow, correlator.config().deserialization());
        assertEquals(List.of("example.com"), correlator.config().redirectAllowlist());
        assertEquals(ExecPolicy.DENY, correlator.config().exec());
        assertEquals(3, correlator.config().maxSensors());
        assertEquals(OnAnalysisLimit.ALLOW, correlator.protection().onAnalysisLimit());
        assertEquals(Mode.MONITOR, correlator.mode());
        assertEquals(protection, correlator.protection());
        // and the rebuilt analyzers use them: a class the allowlist does not name is a finding, in monitor mode
        assertEquals(2, check(SinkKind.DESERIALIZE, "", "com.other.Thing").verdict());
        assertEquals(0, check(SinkKind.DESERIALIZE, "", "com.shop.Cart").verdict());
    }

    /** A baseline that cannot be read fails the start, and a reload to it changes nothing. */
    @Test
    void anUnreadableBaselineFailsStartAndReload() throws Exception {
        CorrelatorConfig c = Configs.of();
        Path missing = tmp.resolve("missing.baseline");
        CorrelatorConfig baseline = new CorrelatorConfig(c.listen(), c.token(), c.verdictTimeout(), c.maxSensors(),
                c.maxFrameBytes(), c.maxInFlight(), c.contextTtl(), c.maxContexts(), List.of(), ExecPolicy.BASELINE,
                missing);
        assertThrows(IOException.class,
                () -> Correlator.start(baseline, ProtectionConfig.DEFAULT, new CollectorRegistry(true)));

        correlator = Correlator.start(c, ProtectionConfig.DEFAULT, new CollectorRegistry(true));
        assertThrows(IOException.class, () -> correlator.reconfigure(baseline, Configs.protection(Mode.MONITOR)));
        assertEquals(Mode.HYBRID, correlator.mode());
        assertEquals(ExecPolicy.ALLOW, correlator.config().exec());
    }

    private Frame.Verdict check(RequestContext ctx) throws IOException {
        return check(SinkKind.SQL, ctx.id(), ATTACK);
    }

    private Frame.Verdict check(SinkKind kind, String ctxId, String argument) throws IOException {
        try (SensorClient sensor = new SensorClient(new InetSocketAddress("127.0.0.1", correlator.boundPort()))) {
            sensor.handshake(Configs.TOKEN, "s");
            sensor.send(new Frame.Check(1, kind.code(), new SinkCall(ctxId, kind, List.of(argument), Map.of(), "")));
            return (Frame.Verdict) sensor.read();
        }
    }
}
