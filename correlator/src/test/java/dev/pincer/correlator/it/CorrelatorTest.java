package dev.pincer.correlator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.ProtectionConfig;
import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.config.HostPort;
import dev.pincer.correlator.Correlator;
import dev.pincer.correlator.context.ContextHeader;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.protocol.ErrorCode;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.Configs;
import dev.pincer.correlator.testing.EventCapture;
import dev.pincer.correlator.testing.FakeAnalyzers;
import dev.pincer.correlator.testing.SensorClient;
import dev.pincer.inspection.hint.InputHint;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.CollectorRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole correlator on an ephemeral loopback port, driven by a blocking socket client. */
class CorrelatorTest {
    private static final String ATTACK = "select * from users where id='1' OR '1'='1'";

    private final CollectorRegistry registry = new CollectorRegistry(true);
    private Correlator correlator;
    private InetSocketAddress address;

    @BeforeEach
    void start() {
        // 200 CHECKs of one request pipelined at once: far past a real request's fan-out, so the
        // per-request share is widened here (AnalysisIsolationTest covers the default share).
        correlator = Correlator.start(Configs.of(4, 256,
                new CorrelatorConfig.Analysis(2, 1024, 256, Duration.ofSeconds(10))), Configs.protection(Mode.HYBRID),
                FakeAnalyzers.all(), registry);
        address = new InetSocketAddress("127.0.0.1", correlator.boundPort());
    }

    @AfterEach
    void stop() {
        correlator.close();
    }

    private static Frame.Check sql(int stream, String ctx, String query) {
        return new Frame.Check(stream, SinkKind.SQL.code(), new SinkCall(ctx, SinkKind.SQL, List.of(query), Map.of(), ""));
    }

    private static void await(IntSupplier value, int expected) throws InterruptedException {
        for (int i = 0; i < 200 && value.getAsInt() != expected; i++) {
            Thread.sleep(10);
        }
        assertEquals(expected, value.getAsInt());
    }

    private double metric(String name, String... labels) {
        String[] names = new String[labels.length / 2];
        String[] values = new String[labels.length / 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = labels[2 * i];
            values[i] = labels[2 * i + 1];
        }
        Double v = registry.getSampleValue(name, names, values);
        return v == null ? 0 : v;
    }

    @Test
    void aRequestWhoseInputReachesASinkIsBlocked() throws Exception {
        try (EventCapture events = new EventCapture(); SensorClient sensor = new SensorClient(address)) {
            Frame welcome = sensor.handshake(Configs.TOKEN, "web-1/4242");
            assertEquals(new Frame.Welcome(2, 64 * 1024, 256, 50, 0), welcome, "the test client speaks version 2");
            await(correlator::connectedSensors, 1);

            // The proxy opens the context and signs the header; the sensor verifies it.
            RequestContext ctx = correlator.contexts().open("req-42", "192.0.2.9", "GET", "/users",
                    new RequestInputs(List.of(Input.plain(InputSource.QUERY, "id", "1' OR '1'='1")), null, false));
            ctx.markSuspect(List.of("942100"));
            String header = correlator.headerValue(ctx, InputHint.ALL);
            ContextHeader.Verified seen = new ContextHeader(Configs.TOKEN).verify(header,
                    System.currentTimeMillis() / 1000);
            assertNotNull(seen, header);
            assertEquals(ctx.id(), seen.contextId());

            // Pipelined CHECKs with out-of-order streams, one socket write; one attack among them.
            List<Frame> checks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                checks.add(sql(10_000 - i * 13, seen.contextId(), i == 77 ? ATTACK : "select " + i));
            }
            sensor.send(checks.toArray(new Frame[0]));
            Map<Integer, Frame.Verdict> verdicts = new HashMap<>();
            for (int i = 0; i < 200; i++) {
                Frame.Verdict v = (Frame.Verdict) sensor.read();
                assertEquals(null, verdicts.put(v.stream(), v), "one VERDICT per stream");
            }
            assertEquals(new Frame.Verdict(10_000 - 77 * 13, 1, 1, "sqli", "input spans several SQL tokens"),
                    verdicts.get(10_000 - 77 * 13));
            assertEquals(new Frame.Verdict(10_000, 0, 1, "", ""), verdicts.get(10_000));
            assertTrue(ctx.blocked(), "the proxy learns of the block from the context");
            assertEquals(1, events.lines().size());
            assertTrue(events.lines().get(0).contains("\"request_id\":\"req-42\",\"context_id\":\"" + ctx.id()
                    + "\",\"client_ip\":\"192.0.2.9\",\"method\":\"GET\",\"path\":\"/users\""), events.lines().get(0));
            assertTrue(events.lines().get(0).contains("\"edge_rule_ids\":[\"942100\"],\"sensor\":\"web-1/4242\""));

            correlator.contexts().close(ctx.id());
            assertEquals(1, metric("pincer_edge_suspect_total", "outcome", "confirmed"));
            assertEquals(199, metric("pincer_sink_checks_total", "kind", "sql", "verdict", "allow"));
            assertEquals(1, metric("pincer_sink_checks_total", "kind", "sql", "verdict", "block"));
            assertEquals(200, metric("pincer_sink_verdict_seconds_count"));
            assertEquals(1, metric("pincer_sensors_connected"));
            assertEquals(0, metric("pincer_request_contexts"));
        }
        await(correlator::connectedSensors, 0);
    }

    @Test
    void reconfigureToMonitorStopsBlocking() throws Exception {
        try (SensorClient sensor = new SensorClient(address)) {
            sensor.handshake(Configs.TOKEN, "s");
            RequestContext ctx = correlator.contexts().open("r", "ip", "GET", "/",
                    new RequestInputs(List.of(Input.plain(InputSource.QUERY, "id", "1' OR '1'='1")), null, false));
            correlator.reconfigure(Configs.of(4, 256), Configs.protection(Mode.MONITOR), FakeAnalyzers.all());
            assertEquals(Mode.MONITOR, correlator.mode());
            sensor.send(sql(1, ctx.id(), ATTACK));
            assertEquals(new Frame.Verdict(1, 2, 1, "sqli", "input spans several SQL tokens"), sensor.read());
            assertFalse(ctx.blocked());
        }
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        try (SensorClient sensor = new SensorClient(address)) {
            Frame answer = sensor.handshake("not-the-token-at-all", "s");
            assertEquals(new Frame.Error(0, ErrorCode.AUTH_FAILED.code(), "wrong proof"), answer);
            assertTrue(sensor.closedByPeer());
        }
        assertEquals(0, correlator.connectedSensors());
        assertEquals(1, metric("pincer_sensor_protocol_errors_total", "code", "auth_failed"));
    }

    @Test
    void pastMaxSensorsTheNextIsRefused() throws Exception {
        List<SensorClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SensorClient c = new SensorClient(address);
                clients.add(c);
                assertInstanceOf(Frame.Welcome.class, c.handshake(Configs.TOKEN, "s" + i));
            }
            try (SensorClient extra = new SensorClient(address)) {
                Frame f = extra.read();
                assertEquals(ErrorCode.TOO_MANY_SENSORS.code(), ((Frame.Error) f).code());
                assertTrue(extra.closedByPeer());
            }
        } finally {
            for (SensorClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void stoppingTellsSensorsShuttingDown() throws Exception {
        try (SensorClient sensor = new SensorClient(address)) {
            sensor.handshake(Configs.TOKEN, "s");
            await(correlator::connectedSensors, 1);
            correlator.close();
            assertEquals(new Frame.Error(0, ErrorCode.SHUTTING_DOWN.code(), "the correlator is stopping"), sensor.read());
            assertTrue(sensor.closedByPeer());
        }
    }

    @Test
    void anAddressInUseFailsTheStart() {
        CorrelatorConfig busy = new CorrelatorConfig(new HostPort("127.0.0.1", correlator.boundPort()), Configs.TOKEN,
                Configs.of().verdictTimeout(), 4, 65536, 16,
                Configs.of().contextTtl(), 1000, List.of(), CorrelatorConfig.ExecPolicy.ALLOW, null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Correlator.start(busy, ProtectionConfig.DEFAULT, Map.of(), new CollectorRegistry(true)));
        assertTrue(e.getMessage().startsWith("correlator.listen: cannot bind 127.0.0.1:"), e.getMessage());
    }
}
