package dev.pincer.correlator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pincer.config.CorrelatorConfig;
import dev.pincer.config.ProtectionConfig.Mode;
import dev.pincer.correlator.Correlator;
import dev.pincer.correlator.analyzer.Finding;
import dev.pincer.correlator.analyzer.SinkAnalyzer;
import dev.pincer.correlator.context.RequestContext;
import dev.pincer.correlator.protocol.Frame;
import dev.pincer.correlator.sink.SinkCall;
import dev.pincer.correlator.sink.SinkKind;
import dev.pincer.correlator.testing.Configs;
import dev.pincer.correlator.testing.FakeAnalyzers;
import dev.pincer.correlator.testing.SensorClient;
import dev.pincer.inspection.input.Input;
import dev.pincer.inspection.input.InputSource;
import dev.pincer.inspection.input.RequestInputs;
import io.prometheus.client.CollectorRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regression guard for issue 7 ("one check never delays another's verdict"): the whole correlator
 * on loopback, with a fake SQL analyzer that blocks on a latch for any query containing
 * {@code slow}. Before the analysis executor, such a check held its connection's event loop, and
 * every other request's check behind it on that connection waited (and failed open). Only latches
 * order the test; the socket timeout is a failure guard, never a measurement.
 */
class AnalysisIsolationTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(2);
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private Correlator correlator;

    @AfterEach
    void stop() {
        release.countDown();
        if (correlator != null) {
            correlator.close();
        }
    }

    private InetSocketAddress start(CorrelatorConfig.Analysis analysis) {
        SinkAnalyzer quoted = new FakeAnalyzers.QuotedInput();
        SinkAnalyzer latched = new SinkAnalyzer() {
            @Override
            public SinkKind kind() {
                return SinkKind.SQL;
            }

            @Override
            public Finding analyze(SinkCall call, RequestInputs inputs) {
                threads.add(Thread.currentThread().getName());
                if (call.arg(0).contains("slow")) {
                    entered.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return quoted.analyze(call, inputs);
            }
        };
        correlator = Correlator.start(Configs.of(4, 64, analysis), Configs.protection(Mode.HYBRID),
                Map.of(SinkKind.SQL, List.of(latched)), new CollectorRegistry(true));
        return new InetSocketAddress("127.0.0.1", correlator.boundPort());
    }

    private RequestContext open(String requestId) {
        return correlator.contexts().open(requestId, "192.0.2.1", "GET", "/",
                new RequestInputs(List.of(Input.plain(InputSource.QUERY, "id", "1' OR '1'='1")), null, false));
    }

    private static Frame.Check sql(int stream, String ctx, String query) {
        return new Frame.Check(stream, SinkKind.SQL.code(), new SinkCall(ctx, SinkKind.SQL, List.of(query), Map.of(), ""));
    }

    @Test
    void aBlockedAnalysisDelaysNoOtherRequestsVerdictOnTheSameConnection() throws Exception {
        InetSocketAddress address = start(new CorrelatorConfig.Analysis(2, 64, 8, Duration.ofSeconds(10)));
        RequestContext slow = open("slow");
        RequestContext other = open("other");
        try (SensorClient sensor = new SensorClient(address)) {
            assertInstanceOf(Frame.Welcome.class, sensor.handshake(Configs.TOKEN, "s"));
            sensor.send(sql(1, slow.id(), "select slow"), sql(2, other.id(), "select 2"),
                    sql(3, other.id(), "select * from t where id='1' OR '1'='1'"), sql(4, other.id(), "select 4"));
            assertEquals(new Frame.Verdict(2, 0, 1, "", ""), sensor.read());
            assertEquals(new Frame.Verdict(3, 1, 1, "sqli", "input spans several SQL tokens"), sensor.read());
            assertEquals(new Frame.Verdict(4, 0, 1, "", ""), sensor.read());
            assertTrue(other.blocked());
            assertFalse(slow.blocked(), "the slow check is still being analysed");
            release.countDown();
            assertEquals(new Frame.Verdict(1, 0, 1, "", ""), sensor.read());
        }
        assertFalse(threads.isEmpty());
        for (String t : threads) {
            assertTrue(t.startsWith("pincer-analysis"), "analysis ran on " + t + ", not on an event loop");
        }
    }

    @Test
    void oneRequestHoldingEveryThreadStillCannotQueuePastItsShare() throws Exception {
        InetSocketAddress address = start(new CorrelatorConfig.Analysis(2, 64, 2, Duration.ofSeconds(10)));
        RequestContext greedy = open("greedy");
        try (SensorClient sensor = new SensorClient(address)) {
            sensor.handshake(Configs.TOKEN, "s");
            sensor.send(sql(1, greedy.id(), "select slow 1"), sql(2, greedy.id(), "select slow 2"));
            assertTrue(entered.await(10, TimeUnit.SECONDS), "both threads are inside the slow analysis");
            sensor.send(sql(3, greedy.id(), "select 3"));
            assertEquals(new Frame.Verdict(3, 1, 0, "analysis_limit",
                    "request exceeded its analysis share (2 checks at once)"), sensor.read(),
                    "decided while the request's two checks hold both threads");
            assertTrue(greedy.blocked());
            release.countDown();
            assertEquals(Set.of(1, 2), Set.of(sensor.read().stream(), sensor.read().stream()));
        }
    }
}
